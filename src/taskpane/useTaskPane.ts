// The task pane's state: composes the prompt, generation, insert, history and account hooks into one render state.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { readConfig } from "../core/config";
import { nearestAspect } from "../core/sizes";
import type { GeneratedImage } from "../core/types";
import { appNameKey, type PaneMessage } from "./errorMessages";
import { DEFAULT_OPTIONS, isGenerationOptions, OPTIONS_STORAGE_KEY } from "./generationOptions";
import { historyReducer, type HistoryItem } from "./history";
import {
  DEFAULT_INSERT_PREFERENCES,
  documentKind,
  INSERT_PREFERENCES_STORAGE_KEY,
  isInsertPreferences,
  placementOptions,
  type InsertPreferences,
} from "./insertPreferences";
import { useAccount } from "./hooks/useAccount";
import { useElapsedSeconds } from "./hooks/useElapsedSeconds";
import { useGeneration } from "./hooks/useGeneration";
import { insertModeFor, personAltTextFor, useInsert } from "./hooks/useInsert";
import { usePersistentState } from "./hooks/usePersistentState";
import { useSelectionPrompt } from "./hooks/useSelectionPrompt";
import { useStrings } from "./strings/useStrings";
import type { Batch, GenerationOptions, TaskPaneProps, TaskPaneState } from "./TaskPane.types";

let itemCounter = 0;

/** Builds the pane's render state from its props. */
export function useTaskPane(props: TaskPaneProps): TaskPaneState {
  const { host, imageClient, session } = props;
  const config = useMemo(() => props.config ?? readConfig(), [props.config]);
  const { t } = useStrings();
  const appName = t(appNameKey(host.kind));

  const [message, setMessage] = useState<PaneMessage>();
  const [options, setOptions] = usePersistentState<GenerationOptions>(OPTIONS_STORAGE_KEY, DEFAULT_OPTIONS, isGenerationOptions);
  const [insertPrefs, setInsertPrefs] = usePersistentState<InsertPreferences>(
    INSERT_PREFERENCES_STORAGE_KEY,
    DEFAULT_INSERT_PREFERENCES,
    isInsertPreferences,
  );
  const [history, dispatch] = useReducer(historyReducer, []);
  const [batch, setBatch] = useState<Batch>();
  const [selectedId, setSelectedId] = useState<string>();
  const [altDescription, setAltDescription] = useState("");
  const [overwriteAltText, setOverwriteAltText] = useState(false);
  const [promptValidation, setPromptValidation] = useState<string>();
  const [aspectFromPicture, setAspectFromPicture] = useState(false);
  const promptRef = useRef<HTMLTextAreaElement | null>(null);
  const firstResultRef = useRef<HTMLInputElement | null>(null);
  const focusResults = useRef(false);

  const optionsRef = useRef(options);
  optionsRef.current = options;
  const prompt = useSelectionPrompt(host, appName);

  // A selected picture sets the aspect ratio to its own (nearest supported), so Replace needs no cropping.
  const pictureId = prompt.selection?.picture?.id;
  const pictureSize = prompt.selection?.picture?.sizePt;
  useEffect(() => {
    if (!pictureId || !pictureSize) {
      setAspectFromPicture(false);
      return;
    }
    setOptions((o) => ({ ...o, aspect: nearestAspect(pictureSize.widthPt, pictureSize.heightPt) }));
    setAspectFromPicture(true);
    // Keyed on the picture's id only: a re-read of the same picture must not undo the person's choice.
  }, [pictureId]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed on the picture's id only (comment above)

  const onResults = useCallback((next: Batch, images: GeneratedImage[], sentPrompt: string) => {
    const createdAt = Date.now();
    const items: HistoryItem[] = images.map((image) => ({
      id: `image-${++itemCounter}`,
      image,
      prompt: next.prompt,
      sentPrompt,
      style: optionsRef.current.style,
      aspect: optionsRef.current.aspect,
      batchId: next.id,
      createdAt,
      insertedCount: 0,
    }));
    dispatch({ type: "add", items });
    setBatch(next);
    setSelectedId(items[0]?.id);
    setAltDescription(next.prompt);
    setOverwriteAltText(false);
    focusResults.current = true;
  }, []);

  const generation = useGeneration({
    host,
    imageClient,
    app: appName,
    gatewayUrl: config.gatewayUrl,
    options,
    readSelection: prompt.refresh,
    onResults,
    onEmptyPrompt: () => {
      setPromptValidation(t("prompt.required"));
      promptRef.current?.focus();
    },
    setMessage,
  });
  const elapsedSeconds = useElapsedSeconds(generation.running !== undefined);

  const markInserted = useCallback((id: string) => dispatch({ type: "inserted", id }), []);
  const insertion = useInsert(host, appName, setMessage, markInserted);
  const accountState = useAccount(session, setMessage);

  const results = useMemo(() => (batch ? history.filter((item) => item.batchId === batch.id) : []), [history, batch]);
  const selected = results.find((item) => item.id === selectedId) ?? results[0];

  // Move focus to the first result when a run finishes with pictures.
  useEffect(() => {
    if (focusResults.current && results.length > 0) {
      focusResults.current = false;
      firstResultRef.current?.focus();
    }
  }, [results]);

  const insertMode = insertModeFor(host, batch);
  const personAltText = personAltTextFor(insertMode, batch);
  const docKind = documentKind(host.kind);
  const insertLabel =
    insertMode === "replace"
      ? t("insert.replace")
      : docKind === "word" && insertPrefs.wordPlacement === "replace-selection"
        ? t("insert.replaceText")
        : t("insert.after");
  const placement = placementOptions(host.kind, insertPrefs);
  const feature = insertMode === "replace" ? "replacePicture" : "insertPicture";
  const insertAvailable = host.capabilities.features[feature];
  const reasonKey = host.capabilities.reasons[feature];
  const insertUnavailableReason = insertAvailable
    ? undefined
    : t(reasonKey ?? "capability.unsupported", { app: appName, defaultValue: t("capability.unsupported", { app: appName }) });
  const altTitle = t("insert.altTitle");

  const editReasonKey = host.capabilities.reasons.editPicture;
  const canEdit = typeof imageClient.edit === "function" && host.capabilities.features.editPicture;

  return {
    t,
    appName,
    prompt: prompt.prompt,
    promptRef,
    ...(promptValidation ? { promptValidation } : {}),
    ...(prompt.notice ? { promptNotice: prompt.notice } : {}),
    options,
    aspectFromPicture,
    generating: generation.running !== undefined,
    generatingKind: generation.running,
    elapsedSeconds,
    partials: generation.partials,
    ...(generation.queue ? { queue: generation.queue } : {}),
    ...(message ? { message } : {}),
    results,
    ...(selected ? { selectedId: selected.id } : {}),
    firstResultRef,
    altDescription,
    insertMode,
    ...(personAltText ? { personAltText } : {}),
    overwriteAltText,
    insertLabel,
    documentKind: docKind,
    insertPrefs,
    insertAvailable,
    insertAgainAvailable: host.capabilities.features.insertPicture,
    ...(insertUnavailableReason ? { insertUnavailableReason } : {}),
    inserting: insertion.inserting,
    history,
    pictureSelected: Boolean(prompt.selection?.picture),
    canEdit,
    ...(canEdit || !editReasonKey
      ? {}
      : { editUnavailableReason: t(editReasonKey, { defaultValue: t("capability.unsupported", { app: appName }) }) }),
    ...(session ? { account: { session, account: accountState.account, busy: accountState.busy } } : {}),

    onPromptChange: (text) => {
      prompt.setTyped(text);
      if (text.trim()) setPromptValidation(undefined);
    },
    onPromptKeyDown: (event) => {
      // Enter (or Ctrl/Cmd+Enter) generates; Shift+Enter makes a new line; IME composition is left alone.
      if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
      event.preventDefault();
      generation.generate();
    },
    onUseSelection: () => {
      setPromptValidation(undefined);
      void prompt.refresh("button");
    },
    onOptionsChange: (change) => {
      if (change.aspect) setAspectFromPicture(false);
      setOptions((o) => ({ ...o, ...change }));
    },
    onGenerate: () => {
      setPromptValidation(undefined);
      generation.generate();
    },
    onEdit: () => {
      setPromptValidation(undefined);
      generation.edit();
    },
    onCancel: () => {
      generation.cancel();
      promptRef.current?.focus();
    },
    onPaneKeyDown: (event) => {
      if (event.key === "Escape" && generation.running) {
        event.preventDefault();
        generation.cancel();
        promptRef.current?.focus();
      }
    },
    onSelectResult: (id) => {
      setSelectedId(id);
    },
    onAltDescriptionChange: setAltDescription,
    onOverwriteAltTextChange: setOverwriteAltText,
    onInsertPrefsChange: (change) => setInsertPrefs((p) => ({ ...p, ...change })),
    onInsert: () => {
      if (!selected) return;
      const overwrite = personAltText !== undefined && overwriteAltText;
      void insertion.insert({
        item: selected,
        description: altDescription,
        altTitle,
        placement,
        overwriteAltText: overwrite,
        ...(batch ? { batch } : {}),
      });
    },
    onInsertAgain: (id) => {
      const item = history.find((h) => h.id === id);
      if (!item) return;
      // From the history: at the current selection, with the item's own prompt as alt text.
      void insertion.insert({ item, description: item.prompt, altTitle, placement });
    },
    onDiscard: (id) => {
      dispatch({ type: "discard", id });
    },
    onDismissMessage: () => setMessage(undefined),
    onDismissPromptNotice: () => prompt.setNotice(undefined),
    onSignIn: () => void accountState.signIn(),
    onSignOut: () => void accountState.signOut(),
  };
}
