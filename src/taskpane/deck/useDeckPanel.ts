// State of the deck panel: list → style and prompts → run (via the driver) → review → insert; stored run and Resume.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  checkRunSize,
  createRun,
  deckRunReducer,
  defaultSelection,
  localPromptWriter,
  MAX_PALETTE_COLOURS,
  needsResume,
  parseDeckStyle,
  runProgress,
  writeBriefs,
  type DeckHostAdditions,
  type DeckItem,
  type DeckItemKind,
  type DeckRun,
  type DeckStyle,
  type DefaultSelection,
  type FallbackReason,
} from "../../core/deck";
import type { StylePreset } from "../../core/protocol/styles";
import type { DocumentHost } from "../../hosts/DocumentHost";
import type { ImageClient } from "../../imaging/ImageClient";
import type { PaneMessage } from "../errorMessages";
import { imageSrc } from "../imageSrc";
import type { DeckRunDeps, InsertSummary } from "./deckRunController";
import type { DeckPictureStore, DeckServices } from "./deckServices";
import type { RunStore } from "./runStore";
import { useDeckRunDriver } from "./useDeckRunDriver";

/** Thumbnail height asked of the host, in pixels. */
export const THUMBNAIL_HEIGHT_PX = 72;

/** Where the panel is. `resume`: a stored run with work left waits for Resume. */
export type DeckStage = "loading" | "failed" | "empty" | "choose" | "resume" | "run";

/** The deck style as the person edits it (validated at Generate all). */
export interface DeckStyleDraft {
  preset: StylePreset;
  palette: string[];
  /** The palette came from the deck (`readPalette`). */
  paletteFromDeck: boolean;
  styleWords: string;
}

export interface UseDeckPanelArgs {
  host: DocumentHost & { deck: DeckHostAdditions };
  imageClient: ImageClient;
  services: DeckServices;
}

/**
 * Is the stored run worth showing again here: made of this app's items (slides in PowerPoint, sections in Word — the
 * account's store holds both apps' runs) and with anything left to resume, review or insert?
 */
function worthShowing(run: DeckRun, kind: DeckItemKind): boolean {
  if (run.order.some((id) => run.items[id].kind !== kind)) return false;
  return run.order.some((id) => !["inserted", "rejected", "gone"].includes(run.items[id].state.status));
}

/** Everything the deck panel draws and does. */
export function useDeckPanel({ host, imageClient, services }: UseDeckPanelArgs) {
  const deck = host.deck;
  const itemKind: DeckItemKind = host.kind === "powerpoint" || host.kind === "workbench-slide" ? "slide" : "section";
  const [stage, setStage] = useState<DeckStage>("loading");
  const [loadError, setLoadError] = useState<string>();
  const [stores, setStores] = useState<{ pictures: DeckPictureStore; runs: RunStore }>();
  const [items, setItems] = useState<DeckItem[]>([]);
  const [selection, setSelection] = useState<DefaultSelection>({ ticked: [], reasons: {} });
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({});
  const [style, setStyle] = useState<DeckStyleDraft>({ preset: "illustration", palette: [], paletteFromDeck: false, styleWords: "" });
  const [prompts, setPrompts] = useState<Record<string, string>>({});
  const [writerNotice, setWriterNotice] = useState<FallbackReason>();
  const [validation, setValidation] = useState<PaneMessage[]>([]);
  const [message, setMessage] = useState<PaneMessage>();
  const [storedRun, setStoredRun] = useState<DeckRun>();
  const [initialRun, setInitialRun] = useState<DeckRun>();
  const [inserting, setInserting] = useState(false);
  const [summary, setSummary] = useState<InsertSummary>();
  const alive = useRef(true);
  const writing = useRef(new Set<string>());
  // Set again on every mount: React StrictMode unmounts and mounts once more in development, and a flag left false
  // would drop every answer (the panel stayed at "Reading the document…").
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const listDocument = useCallback(async () => {
    setStage("loading");
    const listed = await deck.listItems();
    if (!alive.current) return;
    const chosen = defaultSelection(listed);
    setItems(listed);
    setSelection(chosen);
    setTicked(new Set(chosen.ticked));
    setStage(listed.length === 0 ? "empty" : "choose");
    // Palette and thumbnails are extras: a host that cannot give them leaves them out.
    deck
      .readPalette?.()
      .then((colours) => {
        if (alive.current && colours.length > 0)
          setStyle((s) => ({ ...s, palette: colours.slice(0, MAX_PALETTE_COLOURS).map((c) => c.toUpperCase()), paletteFromDeck: true }));
      })
      .catch(() => undefined);
    if (deck.renderThumbnail) {
      for (const item of listed) {
        deck
          .renderThumbnail(item.id, THUMBNAIL_HEIGHT_PX)
          .then((picture) => {
            const src = picture ? imageSrc(picture) : undefined;
            if (alive.current && src) setThumbnails((all) => ({ ...all, [item.id]: src }));
          })
          .catch(() => undefined);
      }
    }
  }, [deck]);

  // Open the account's stores, then show the stored run (if any is unfinished) or the document's items.
  useEffect(() => {
    let live = true; // this effect's run (StrictMode runs it twice: only the last one goes on)
    (async () => {
      const [runs, pictures] = await Promise.all([services.openRunStore(), services.openLibrary()]);
      if (!live) {
        runs.close();
        return;
      }
      setStores({ runs, pictures });
      const latest = await runs.latest(itemKind).catch(() => undefined);
      if (!live) return;
      if (latest && worthShowing(latest, itemKind)) {
        setStoredRun(latest);
        if (needsResume(latest)) setStage("resume");
        else {
          setInitialRun(latest);
          setStage("run");
        }
        return;
      }
      await listDocument();
    })().catch((error: unknown) => {
      if (!live) return;
      setLoadError(error instanceof Error ? error.message : String(error));
      setStage("failed");
    });
    return () => {
      live = false;
    };
  }, [services, listDocument, itemKind]);

  // Write a brief for every ticked item that has none yet (edits are kept when ticks change).
  useEffect(() => {
    if (stage !== "choose") return;
    // Items being written are not asked for again while the (possibly remote) writer answers.
    const missing = items.filter((item) => ticked.has(item.id) && prompts[item.id] === undefined && !writing.current.has(item.id));
    if (missing.length === 0) return;
    for (const item of missing) writing.current.add(item.id);
    const parsed = parseDeckStyle(style);
    const deckStyle: DeckStyle = parsed.ok ? parsed.style : { preset: "none", palette: [], styleWords: "" };
    // The pane's writer (gateway when it has one, else local, with the reason); without one, the local writer alone.
    const written = services.promptWriter ? services.promptWriter.write(missing, deckStyle) : writeBriefs(missing, deckStyle, localPromptWriter, undefined);
    void written
      .then((written) => {
        if (!alive.current) return;
        setPrompts((all) => ({ ...all, ...Object.fromEntries(written.briefs.map((b) => [b.itemId, b.prompt])) }));
        setWriterNotice(written.fallback?.reason);
      })
      .catch(() => undefined) // only an abort is rethrown, and nothing aborts here
      .finally(() => {
        for (const item of missing) writing.current.delete(item.id);
      });
  }, [stage, items, ticked, prompts, style, services.promptWriter]);

  const driverDeps = useMemo<DeckRunDeps | undefined>(
    () =>
      stores
        ? {
            imageClient,
            pictures: stores.pictures,
            runs: stores.runs,
            host: deck,
            clock: services.clock,
            concurrency: services.concurrency,
            onSaveFailed: (itemId, error) =>
              setMessage({ intent: "warning", key: "deck.saveFailed", values: { label: itemId, message: String((error as Error)?.message ?? error) } }),
            onStoreFailed: (error) =>
              setMessage({ intent: "warning", key: "deck.storeFailed", values: { message: String((error as Error)?.message ?? error) } }),
          }
        : undefined,
    [stores, imageClient, deck, services],
  );
  const { controller, run } = useDeckRunDriver(initialRun, driverDeps);

  const toggle = useCallback((id: string, on: boolean) => {
    setValidation([]);
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const generateAll = useCallback(() => {
    const ids = items.filter((item) => ticked.has(item.id)).map((item) => item.id);
    const issues: PaneMessage[] = [];
    const size = checkRunSize(ids);
    if (!size.ok) issues.push({ intent: "error", key: size.key, values: size.key === "deck.runTooLarge" ? { count: size.count, limit: size.limit, over: size.over } : {} });
    const parsed = parseDeckStyle(style);
    if (!parsed.ok)
      for (const issue of parsed.issues)
        issues.push({ intent: "error", key: issue.key, values: issue.key === "deckStyle.badColour" ? { ...issue, index: issue.index + 1 } : { ...issue } });
    setValidation(issues);
    if (issues.length > 0 || !parsed.ok || !stores) return;
    const created = createRun({
      runId: services.newId(),
      createdAt: services.clock.now(),
      style: parsed.style,
      items: items
        .filter((item) => ticked.has(item.id))
        .map((item) => ({ id: item.id, index: item.index, kind: item.kind, title: item.title, prompt: prompts[item.id] ?? "" })),
    });
    const started = deckRunReducer(created, { type: "start" });
    stores.runs.save(started).catch((error: unknown) => driverDeps?.onStoreFailed?.(error));
    setSummary(undefined);
    setInitialRun(started);
    setStage("run");
  }, [items, ticked, style, prompts, stores, services, driverDeps]);

  const resume = useCallback(() => {
    if (stage === "run" && controller) {
      controller.resume(); // a live run: send the failed items again (those that need a new prompt stay)
      return;
    }
    if (!storedRun) return;
    setInitialRun(deckRunReducer(storedRun, { type: "resume" }));
    setStage("run");
  }, [storedRun, stage, controller]);

  const newRun = useCallback(() => {
    const old = run ?? storedRun;
    if (old) void stores?.runs.remove(old.runId).catch(() => undefined);
    setInitialRun(undefined);
    setStoredRun(undefined);
    setSummary(undefined);
    setPrompts({});
    void listDocument().catch((error: unknown) => {
      setLoadError(error instanceof Error ? error.message : String(error));
      setStage("failed");
    });
  }, [run, storedRun, stores, listDocument]);

  const insert = useCallback(
    async (ids?: readonly string[]) => {
      if (!controller || inserting) return;
      setInserting(true);
      try {
        const result = await controller.insertAccepted(ids);
        if (alive.current) setSummary(result);
      } finally {
        if (alive.current) setInserting(false);
      }
    },
    [controller, inserting],
  );

  const acceptAllReady = useCallback(() => {
    if (!run || !controller) return;
    for (const id of run.order) if (run.items[id].state.status === "ready") controller.dispatch({ type: "accept", id });
  }, [run, controller]);

  const progress = run ? runProgress(run, services.concurrency, services.clock.now()) : undefined;

  return {
    stage,
    loadError,
    kind: items[0]?.kind ?? run?.items[run.order[0]]?.kind ?? (host.kind === "word" || host.kind === "workbench-word" ? "section" : "slide"),
    items,
    selection,
    ticked,
    thumbnails,
    style,
    prompts,
    writerNotice,
    validation,
    message,
    storedRun,
    run,
    controller,
    progress,
    inserting,
    summary,
    persistent: stores ? stores.runs.persistent : true,
    now: services.clock.now,
    onToggle: toggle,
    onStyleChange: (change: Partial<DeckStyleDraft>) => {
      setValidation([]);
      setStyle((s) => ({ ...s, ...change }));
    },
    onPromptChange: (id: string, text: string) => setPrompts((all) => ({ ...all, [id]: text })),
    onGenerateAll: generateAll,
    onResume: resume,
    onNewRun: newRun,
    onCancelAll: () => controller?.cancelAll(),
    onAccept: (id: string) => controller?.dispatch({ type: "accept", id }),
    onReject: (id: string) => controller?.dispatch({ type: "reject", id }),
    onRegenerate: (id: string) => controller?.dispatch({ type: "regenerate", id }),
    onEditPrompt: (id: string, prompt: string) => controller?.dispatch({ type: "editPrompt", id, prompt, regenerate: true }),
    onAcceptAllReady: acceptAllReady,
    onInsertAccepted: () => void insert(),
    onInsertOne: (id: string) => void insert([id]),
    onDismissMessage: () => setMessage(undefined),
    onDismissSummary: () => setSummary(undefined),
  };
}

export type DeckPanelState = ReturnType<typeof useDeckPanel>;
