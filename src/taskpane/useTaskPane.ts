// The task pane's state: composes the prompt, generation, insert, history and account hooks into one render state.
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
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
import { useFitBox } from "./hooks/useFitBox";
import { useGeneration } from "./hooks/useGeneration";
import { usePaneLibrary } from "./hooks/usePaneLibrary";
import { insertModeFor, personAltTextFor, prepareInsertAhead, useInsert } from "./hooks/useInsert";
import { usePersistentState } from "./hooks/usePersistentState";
import { useSelectionPrompt } from "./hooks/useSelectionPrompt";
import { useStrings } from "./strings/useStrings";
import { whenIdle } from "./whenIdle";
import { isStylePreset } from "../core/protocol/styles";
import type { HistoryItem as Item } from "./history";
import type { Batch, GenerationOptions, TaskPaneProps, TaskPaneState } from "./TaskPane.types";
import { AUTO_MODEL, type ModelList } from "../core/protocol/models";
import type { ModelOptions } from "./components/ModelOptionsFields";
import { DEFAULT_QUALITY, DEFAULT_SHAPE } from "./modelDefaults";

let itemCounter = 0;

/** Builds the pane's render state from its props. */
export function useTaskPane(props: TaskPaneProps): TaskPaneState {
  const { host, imageClient, session } = props;
  const config = useMemo(() => props.config ?? readConfig(), [props.config]);
  const { t } = useStrings();
  const appName = t(appNameKey(host.kind));

  const [message, setMessage] = useState<PaneMessage>();
  const [options, setOptions] = usePersistentState<GenerationOptions>(OPTIONS_STORAGE_KEY, DEFAULT_OPTIONS, isGenerationOptions);
  // issue #10: the served models, read once (the catalog caches; an older gateway gives the fallback list).
  const [models, setModels] = useState<ModelList>();
  const [modelOptions, setModelOptions] = useState<ModelOptions>({
    model: AUTO_MODEL,
    shape: DEFAULT_SHAPE,
    quality: DEFAULT_QUALITY,
    transparent: false,
  });
  useEffect(() => {
    let live = true;
    void props.modelCatalog?.load().then(
      (result) => {
        if (live) setModels(result.models);
      },
      () => undefined, // the rules' chunk did not load: no model picker, requests as without a list
    );
    return () => {
      live = false;
    };
  }, [props.modelCatalog]);
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

  const prompt = useSelectionPrompt(host, appName);
  const accountState = useAccount(session, setMessage);
  const documentId = props.documentId ?? host.kind;
  const lib = usePaneLibrary({
    session,
    homeAccountId: accountState.account?.homeAccountId,
    ...(props.openLibrary ? { openLibrary: props.openLibrary } : {}),
    documentId,
    setMessage,
  });

  // Another account (or signed out): nothing of the previous account's pictures stays on screen.
  const shownAccount = useRef(lib.accountKey);
  useEffect(() => {
    if (lib.accountKey === undefined || shownAccount.current === lib.accountKey) return;
    const first = shownAccount.current === undefined;
    shownAccount.current = lib.accountKey;
    if (first) return;
    dispatch({ type: "clear" });
    setBatch(undefined);
  }, [lib.accountKey]);

  // An Illustrate picture (it carries provenance) fills the prompt and the style it was made with.
  const provenance = prompt.selection?.picture?.provenance;
  useEffect(() => {
    if (!provenance) return;
    prompt.setFromPicture(provenance.prompt);
    if (isStylePreset(provenance.style)) setOptions((o) => ({ ...o, style: provenance.style as GenerationOptions["style"] }));
  }, [provenance?.libraryId]); // eslint-disable-line react-hooks/exhaustive-deps -- keyed on the picture only: a re-read of the same picture must not undo the person's edits

  // A selected picture sets the aspect ratio to its own (nearest supported), so Replace needs no cropping.
  const pictureId = prompt.selection?.picture?.id;
  const pictureSize = prompt.selection?.picture?.sizePt;
  // Keyed on the picture's id only: a re-read of the same picture must not undo the person's choice. Adjusted
  // while rendering, not in an effect (react.dev/learn/you-might-not-need-an-effect, "adjusting some state when a prop changes").
  const [aspectPictureId, setAspectPictureId] = useState(pictureId);
  if (aspectPictureId !== pictureId) {
    setAspectPictureId(pictureId);
    if (pictureId && pictureSize) setOptions((o) => ({ ...o, aspect: nearestAspect(pictureSize.widthPt, pictureSize.heightPt) }));
    setAspectFromPicture(Boolean(pictureId && pictureSize));
  }

  const insertRef = useRef<(item: Item, batch: Batch) => void>(undefined);
  const onResults = useCallback(
    async (next: Batch, images: GeneratedImage[], sentPrompt: string) => {
      const createdAt = Date.now();
      // Saved before shown: a picture is in the library (or the pane says it is not) before it is a result.
      const ids = await lib.save(next, images);
      const items: HistoryItem[] = images.map((image, index) => ({
        id: `image-${++itemCounter}`,
        image,
        prompt: next.prompt,
        sentPrompt,
        style: next.style,
        aspect: next.aspect,
        batchId: next.id,
        createdAt,
        insertedCount: 0,
        ...(ids[index] ? { libraryId: ids[index] } : {}),
      }));
      dispatch({ type: "add", items });
      setBatch(next);
      setSelectedId(items[0]?.id);
      setAltDescription(next.prompt);
      setOverwriteAltText(false);
      focusResults.current = !next.replaceInPlace;
      // Regenerate: the new picture replaces the selected one in place.
      if (next.replaceInPlace && items[0]) insertRef.current?.(items[0], next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rest is read through refs (latest values at result time)
    [lib.save],
  );

  // issue #10: the box Fit shapes for (the selected picture, the placeholder / free area / slide, the text column).
  const fitBox = useFitBox(host, prompt.selection?.picture, prompt.selection, insertPrefs.slidePlacement);

  const generation = useGeneration({
    host,
    imageClient,
    app: appName,
    gatewayUrl: config.gatewayUrl,
    options,
    slidePlacement: insertPrefs.slidePlacement,
    ...(models ? { models } : {}),
    modelOptions,
    readSelection: prompt.refresh,
    onResults,
    onEmptyPrompt: () => {
      setPromptValidation(t("prompt.required"));
      promptRef.current?.focus();
    },
    setMessage,
  });
  const elapsedSeconds = useElapsedSeconds(generation.running !== undefined);

  const libMarkInserted = lib.markInserted;
  const markInserted = useCallback(
    (item: Item) => {
      dispatch({ type: "inserted", id: item.id });
      if (item.libraryId) libMarkInserted(item.libraryId);
    },
    [libMarkInserted],
  );
  const insertion = useInsert(host, appName, setMessage, markInserted);
  const altTitleText = t("insert.altTitle");
  // Written after commit (not during render): onResults reads it when a regenerate's result arrives.
  useLayoutEffect(() => {
    insertRef.current = (item, next) => void insertion.insert({ item, description: next.prompt, altTitle: altTitleText, batch: next });
  });

  /** Insert (or replace the selected picture with) a library picture: this pane's copy if it has one, else the stored bytes. */
  const insertFromLibrary = async (libraryId: string, replace: boolean) => {
    const item = history.find((h) => h.libraryId === libraryId) ?? (await lib.load(libraryId));
    if (!item) return;
    const selectedPicture = prompt.selection?.picture;
    void insertion.insert({
      item,
      description: item.prompt,
      altTitle: altTitleText,
      placement,
      ...(replace && selectedPicture ? { replaceTarget: selectedPicture } : {}),
    });
  };

  const results = useMemo(() => (batch ? history.filter((item) => item.batchId === batch.id) : []), [history, batch]);
  const selected = results.find((item) => item.id === selectedId) ?? results[0];

  // The shown result's picture is made ready for the document (decode, any transcode) before Insert is pressed.
  useEffect(() => {
    if (selected) whenIdle(() => prepareInsertAhead(selected), 200);
  }, [selected]);

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
  const unsaved = history.filter((item) => !item.libraryId);
  const libraryReady = lib.library !== undefined;

  return {
    t,
    appName,
    prompt: prompt.prompt,
    promptRef,
    ...(promptValidation ? { promptValidation } : {}),
    ...(prompt.notice ? { promptNotice: prompt.notice } : {}),
    options,
    ...(models ? { models } : {}),
    modelOptions,
    ...(fitBox ? { fitBox } : {}),
    onModelOptionsChange: (change) => setModelOptions((o) => ({ ...o, ...change })),
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
    history: libraryReady ? unsaved : history,
    historyCount: libraryReady ? lib.total + unsaved.length : history.length,
    ...(lib.library ? { library: lib.library } : {}),
    ...(lib.notice ? { libraryNotice: lib.notice } : {}),
    documentId,
    ...(provenance ? { provenance } : {}),
    replaceAvailable: host.capabilities.features.replacePicture,
    pictureSelected: Boolean(prompt.selection?.picture),
    canEdit,
    ...(canEdit || !editReasonKey
      ? {}
      : { editUnavailableReason: t(editReasonKey, { defaultValue: t("capability.unsupported", { app: appName }) }) }),
    ...(session
      ? {
          account: { session, account: accountState.account, busy: accountState.busy, libraryKept: libraryReady && lib.library?.persistent === true },
        }
      : {}),

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
    onLibraryInsert: (libraryId) => void insertFromLibrary(libraryId, false),
    onLibraryReplace: (libraryId) => void insertFromLibrary(libraryId, true),
    onLibraryDeleted: (libraryId) => dispatch({ type: "deleted", libraryId }),
    onDeleteAllPictures: async () => {
      const done = await lib.deleteAll();
      if (done) {
        dispatch({ type: "clear" });
        setBatch(undefined);
      }
    },
    onRegenerate: () => {
      if (!provenance) return;
      setPromptValidation(undefined);
      const style = isStylePreset(provenance.style) ? provenance.style : options.style;
      generation.generate({ prompt: provenance.prompt, style, count: 1, replaceInPlace: true });
    },
    onVariation: () => {
      if (!provenance) return;
      setPromptValidation(undefined);
      const style = isStylePreset(provenance.style) ? provenance.style : options.style;
      generation.edit({ prompt: provenance.prompt, style });
    },
    onDismissMessage: () => setMessage(undefined),
    onDismissPromptNotice: () => prompt.setNotice(undefined),
    onSignIn: () => void accountState.signIn(),
    onSignOut: () => void accountState.signOut(),
  };
}
