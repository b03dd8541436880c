// Runs one generation (or edit) at a time: re-reads the selection, captures the place, calls the image API, cancels.
import { useCallback, useEffect, useRef, useState } from "react";
import { API_SIZE } from "../../core/sizes";
import { styledPrompt } from "../../core/styles";
import type { GeneratedImage } from "../../core/types";
import type { DocumentHost, InsertTarget } from "../../hosts/DocumentHost";
import type { GenerateCallbacks, ImageClient, PartialImage, QueueStatus } from "../../imaging/ImageClient";
import { messageForError, type PaneMessage } from "../errorMessages";
import type { Batch, GenerationOptions } from "../TaskPane.types";
import type { SelectionRead, SelectionReason } from "./useSelectionPrompt";

/** Partial images asked for when streaming (gpt-image `partial_images`, 0–3). */
const PARTIAL_IMAGES = 2;

/** What kind of run is in progress. */
export type GenerationKind = "create" | "edit";

export interface UseGenerationArgs {
  host: DocumentHost;
  imageClient: ImageClient;
  app: string;
  /** Named in "can't reach the image service" messages. */
  gatewayUrl?: string;
  options: GenerationOptions;
  readSelection(reason: SelectionReason): Promise<SelectionRead>;
  /** Called with the validated images of a finished run. */
  onResults(batch: Batch, images: GeneratedImage[], sentPrompt: string): void;
  /** Called when there is no prompt to send. */
  onEmptyPrompt(): void;
  setMessage(message: PaneMessage | undefined): void;
}

let runCounter = 0;

/**
 * Generation state and actions. One run at a time; Cancel aborts the request (the client rejects with
 * `CancelledError`) and returns the pane to idle at once, ignoring whatever the aborted call still returns.
 */
export function useGeneration(args: UseGenerationArgs) {
  const [running, setRunning] = useState<GenerationKind>();
  const [partials, setPartials] = useState<PartialImage[]>([]);
  const [queue, setQueue] = useState<QueueStatus>();
  const current = useRef<{ id: number; controller: AbortController }>(undefined);
  const argsRef = useRef(args);
  argsRef.current = args;

  // Abort a running request when the pane goes away.
  useEffect(() => () => current.current?.controller.abort(), []);

  const run = useCallback(async (kind: GenerationKind) => {
    if (current.current) return;
    const id = ++runCounter;
    const controller = new AbortController();
    current.current = { id, controller };
    const stale = () => current.current?.id !== id;
    const { host, imageClient, app, gatewayUrl, options, readSelection, onResults, onEmptyPrompt, setMessage } = argsRef.current;
    setMessage(undefined);
    setPartials([]);
    setQueue(undefined);
    setRunning(kind);
    try {
      // Selection events get lost (office-js #2964 Word, #5390 PowerPoint Mac): always re-read on Generate.
      const read = await readSelection("generate");
      if (stale()) return;
      const prompt = read.prompt.trim();
      if (!prompt) {
        onEmptyPrompt();
        return;
      }
      const picture = read.snapshot?.picture;
      const target = await captureTarget(host);
      if (stale()) return;
      const sentPrompt = styledPrompt(prompt, options.style);
      const stream = options.count === 1;
      const callbacks: GenerateCallbacks = {
        signal: controller.signal,
        onPartial: (partial) => {
          if (stale()) return;
          setPartials((list) => [...list.filter((p) => p.index !== partial.index), { ...partial }]);
        },
        onQueue: (status) => {
          if (!stale()) setQueue(status);
        },
      };
      const common = {
        prompt: sentPrompt,
        n: options.count,
        size: API_SIZE[options.aspect],
        output_format: "png" as const,
        ...(stream ? { stream: true, partial_images: PARTIAL_IMAGES } : {}),
      };
      let images: GeneratedImage[];
      if (kind === "edit") {
        if (!picture) {
          setMessage({ intent: "warning", key: "error.readPicture" });
          return;
        }
        let bytes;
        try {
          bytes = await host.readPictureBytes(picture);
        } catch (error) {
          if (!stale()) setMessage(messageForError(error, "readPicture", app));
          return;
        }
        if (stale()) return;
        images = await imageClient.edit({ ...common, image: bytes }, callbacks);
      } else {
        images = await imageClient.generate(common, callbacks);
      }
      if (stale()) return;
      const batch: Batch = { id: `batch-${id}`, prompt, ...(picture ? { picture } : {}), ...(target ? { target } : {}) };
      onResults(batch, images, sentPrompt);
    } catch (error) {
      if (!stale()) setMessage(messageForError(error, "generate", app, gatewayUrl));
    } finally {
      if (!stale()) {
        current.current = undefined;
        setRunning(undefined);
        setPartials([]);
        setQueue(undefined);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const active = current.current;
    if (!active) return;
    current.current = undefined;
    active.controller.abort();
    setRunning(undefined);
    setPartials([]);
    setQueue(undefined);
    argsRef.current.setMessage({ intent: "info", key: "error.cancelled" });
  }, []);

  const generate = useCallback(() => void run("create"), [run]);
  const edit = useCallback(() => void run("edit"), [run]);
  return { running, partials, queue, generate, edit, cancel };
}

/**
 * Where the picture should go, captured now so it lands there even if the selection moves while waiting.
 * A host that cannot capture (e.g. nothing selected yet) inserts at the selection current at Insert time.
 */
async function captureTarget(host: DocumentHost): Promise<InsertTarget | undefined> {
  try {
    return await host.captureTarget();
  } catch {
    return undefined;
  }
}
