// The prompt box's state: persisted text, filled from the document selection on open, on events and on demand.
import { useCallback, useEffect, useRef, useState } from "react";
import { useLatest } from "./useLatest";
import { promptFromSelection } from "../../core/prompt";
import type { DocumentHost, SelectionSnapshot } from "../../hosts/DocumentHost";
import { messageForError, type PaneMessage } from "../errorMessages";
import type { PromptState } from "../TaskPane.types";
import { usePersistentState } from "./usePersistentState";

/**
 * localStorage key of the prompt for one kind of document (versioned: change it when the stored shape changes).
 * Per host kind, so a Word prompt does not turn up in PowerPoint (or in the workbench's other stand-in).
 */
export function promptStorageKey(kind: DocumentHost["kind"]): string {
  return `illustrate.prompt.v1.${kind}`;
}

/**
 * Why the selection is read:
 * - `open`: the pane opened; a typed prompt from before a reload wins over the selection.
 * - `button`: "Use selection" — always take the selection; say so when it is empty.
 * - `event`: the selection changed; take it unless the person typed their own prompt.
 * - `generate`: Generate was clicked; re-read because selection events get lost (office-js #2964, #5390).
 */
export type SelectionReason = "open" | "button" | "event" | "generate";

/** What a read of the selection produced. */
export interface SelectionRead {
  snapshot?: SelectionSnapshot;
  /** The prompt in force after the read (maybe updated from the selection). */
  prompt: string;
}

function isPromptState(value: unknown): value is PromptState {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<PromptState>;
  return typeof v.text === "string" && (v.source === "selection" || v.source === "typed");
}

/** State and actions of the prompt box. */
export function useSelectionPrompt(host: DocumentHost, app: string) {
  const [prompt, setPrompt] = usePersistentState<PromptState>(promptStorageKey(host.kind), { text: "", source: "selection" }, isPromptState);
  const [selection, setSelection] = useState<SelectionSnapshot>();
  const [notice, setNotice] = useState<PaneMessage>();
  const promptRef = useLatest(prompt);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const refresh = useCallback(
    async (reason: SelectionReason): Promise<SelectionRead> => {
      let snapshot: SelectionSnapshot;
      try {
        snapshot = await host.readSelection();
      } catch (error) {
        if (mounted.current && reason === "button") setNotice(messageForError(error, "selection", app));
        return { prompt: promptRef.current.text };
      }
      if (!mounted.current) return { snapshot, prompt: promptRef.current.text };
      setSelection(snapshot);

      const current = promptRef.current;
      const cleaned = promptFromSelection(snapshot.text);
      const take = cleaned.prompt.length > 0 && (reason === "button" || current.source === "selection" || current.text.trim() === "");
      if (!take) {
        if (reason === "button") setNotice({ intent: "info", key: "prompt.emptySelection" });
        return { snapshot, prompt: current.text };
      }
      const next: PromptState = { text: cleaned.prompt, source: "selection" };
      promptRef.current = next;
      setPrompt(next);
      if (cleaned.truncated) {
        setNotice({
          intent: "warning",
          key: "prompt.truncated",
          values: { kept: cleaned.prompt.length, total: cleaned.originalLength },
        });
      } else {
        setNotice(undefined);
      }
      return { snapshot, prompt: next.text };
    },
    [host, app, setPrompt, promptRef],
  );

  // Fill from the selection when the pane opens, and follow selection changes (with cleanup).
  useEffect(() => {
    void refresh("open"); // eslint-disable-line react-hooks/set-state-in-effect -- refresh sets state only after awaiting host.readSelection()
    return host.onSelectionChanged(() => void refresh("event"));
  }, [host, refresh]);

  const setTyped = useCallback(
    (text: string) => {
      const next: PromptState = { text, source: text.trim() === "" ? "selection" : "typed" };
      promptRef.current = next;
      setPrompt(next);
    },
    [setPrompt, promptRef],
  );

  /** Fills the prompt from a selected Illustrate picture's stored prompt (it still follows later selections). */
  const setFromPicture = useCallback(
    (text: string) => {
      const next: PromptState = { text, source: "selection" };
      promptRef.current = next;
      setPrompt(next);
    },
    [setPrompt, promptRef],
  );

  return { prompt, setTyped, setFromPicture, selection, notice, setNotice, refresh };
}
