// Drives one whole-deck run: sends what the reducer allows (≤ k in flight), saves each picture first, inserts accepted ones.
import { altTextFor } from "../../core/altText";
import {
  deckRunReducer,
  insertPlan,
  nextToSend,
  nextWakeAt,
  type DeckHostAdditions,
  type DeckRun,
  type DeckRunAction,
  type RunError,
  type SendRequest,
} from "../../core/deck";
import { ApiError, type ErrorType } from "../../core/protocol/errors";
import { SignInRequiredError } from "../../core/TokenProvider";
import { API_SIZE } from "../../core/sizes";
import type { PictureData } from "../../core/types";
import type { ImageClient } from "../../imaging/ImageClient";
import { CancelledError, ConnectionError, TimeoutError } from "../../imaging/errors";
import type { DeckClock, DeckPictureStore } from "./deckServices";
import type { RunStore } from "./runStore";

/** Partial images asked for per item (the grid shows that drawing has started; 0–3). */
const PARTIAL_IMAGES = 1;

/** What the controller needs. */
export interface DeckRunDeps {
  imageClient: ImageClient;
  pictures: DeckPictureStore;
  runs: RunStore;
  host: DeckHostAdditions;
  clock: DeckClock;
  /** Requests in flight at once (the backend's budget). */
  concurrency: number;
  /** A picture could not be saved in the library (kept in memory for this session). */
  onSaveFailed?(itemId: string, error: unknown): void;
  /** The run could not be written to the store. */
  onStoreFailed?(error: unknown): void;
}

/** What one Insert did: the items that went in, and those that did not with their host error code. */
export interface InsertSummary {
  inserted: string[];
  failed: { id: string; code: string }[];
}

/** The client's typed errors as the run reducer takes them (gateway envelope fields, `core/errors` types). */
export function runErrorOf(error: unknown): RunError {
  if (error instanceof ApiError) {
    const { retryAfterMs, categories } = error.details;
    return { type: error.type, message: error.message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(categories ? { categories } : {}) };
  }
  const type: ErrorType =
    error instanceof CancelledError
      ? "cancelled"
      : error instanceof ConnectionError
        ? "upstream_unavailable"
        : error instanceof TimeoutError
          ? "timeout"
          : error instanceof SignInRequiredError
            ? "unauthorized"
            : "internal";
  return { type, message: error instanceof Error ? error.message : String(error) };
}

/**
 * One run's driver, outside React (the hook {@link useDeckRunDriver} subscribes to it). Every action goes through
 * `deckRunReducer`, is stored (`RunStore.save`) and then pumps: `nextToSend(run, k, now)` is sent; when nothing is in
 * flight and the run waits on a 429 pause, a timer wakes it at `nextWakeAt`. An answer frees its slot at once
 * (`received`): the next request is sent before the picture is saved to the library (`completed`).
 */
export class DeckRunController {
  private current: DeckRun;
  private readonly listeners = new Set<() => void>();
  private readonly requests = new Map<string, AbortController>();
  /** Pictures the library refused to save (quota): kept here so none is lost while the pane lives. */
  private readonly unsaved = new Map<string, PictureData>();
  private wake: unknown;
  private pumping = false;
  private disposed = false;
  private unsavedCounter = 0;

  constructor(
    run: DeckRun,
    private readonly deps: DeckRunDeps,
  ) {
    this.current = run;
    this.disposed = true; // until attach()
  }

  get run(): DeckRun {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DeckRun => this.current;

  /** Applies an action (ignored if the reducer ignores it), stores the run, and sends whatever may go now. */
  dispatch = (action: DeckRunAction): void => {
    if (this.disposed) return;
    const next = deckRunReducer(this.current, action);
    if (next === this.current) return;
    this.current = next;
    this.deps.runs.save(next).catch((error: unknown) => this.deps.onStoreFailed?.(error));
    for (const listener of this.listeners) listener();
    this.pump();
  };

  /** Starts (or goes on with) the run: Generate all. */
  start(): void {
    this.dispatch({ type: "start" });
    this.pump();
  }

  /** Picks up a stored run whose requests died with the old page. */
  resume(): void {
    this.dispatch({ type: "resume" });
    this.pump();
  }

  /** Cancel all: aborts every request in flight, then marks everything not finished as cancelled. */
  cancelAll(): void {
    for (const controller of this.requests.values()) controller.abort();
    this.requests.clear();
    this.clearWake();
    this.dispatch({ type: "cancelAll" });
  }

  /**
   * Connects the controller to a mounted panel and sends what may go, on the next microtask (so React StrictMode's
   * mount → unmount → mount in development sends nothing twice).
   */
  attach(): void {
    this.disposed = false;
    queueMicrotask(() => this.pump());
  }

  /** Aborts requests (the panel closed) and stops acting; the stored run stays for Resume. */
  dispose(): void {
    this.disposed = true;
    for (const controller of this.requests.values()) controller.abort();
    this.requests.clear();
    this.clearWake();
  }

  /** The picture of an item (library first, then this session's unsaved ones). */
  async picture(pictureId: string): Promise<PictureData | undefined> {
    const kept = this.unsaved.get(pictureId);
    if (kept) return kept;
    const stored = await this.deps.pictures.get(pictureId);
    return stored ? stored.image : undefined;
  }

  /**
   * Inserts the accepted items (or only `ids`), one after another, each through `insertIntoItem`. A failure on one
   * does not stop the others; nothing that is already in is inserted again (`insertPlan`).
   */
  async insertAccepted(ids?: readonly string[]): Promise<InsertSummary> {
    const plan = insertPlan(this.current).filter((step) => !ids || ids.includes(step.id));
    const summary: InsertSummary = { inserted: [], failed: [] };
    if (plan.length === 0) return summary;
    this.dispatch({ type: "insertStarted", ids: plan.map((s) => s.id) });
    for (const step of plan) {
      try {
        const picture = await this.picture(step.pictureId);
        if (!picture) throw Object.assign(new Error("The picture is no longer in the library."), { code: "picture_missing" });
        const where = await this.deps.host.insertIntoItem(step.id, picture, {
          altText: altTextFor(step.prompt),
          prompt: step.prompt,
          pictureId: step.pictureId,
        });
        this.dispatch({ type: "insertResult", id: step.id, ok: true, where });
        summary.inserted.push(step.id);
        const item = this.current.items[step.id];
        await this.deps.pictures
          .markInserted(step.pictureId, item?.kind === "slide" ? { slideId: step.id } : { sectionIndex: step.index })
          .catch(() => false);
      } catch (error) {
        const code = typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : "unknown";
        const message = error instanceof Error ? error.message : undefined;
        this.dispatch({ type: "insertResult", id: step.id, ok: false, code, ...(message ? { message } : {}) });
        summary.failed.push({ id: step.id, code });
      }
    }
    return summary;
  }

  private clearWake(): void {
    if (this.wake !== undefined) this.deps.clock.clearTimeout(this.wake);
    this.wake = undefined;
  }

  private pump(): void {
    if (this.pumping || this.disposed) return;
    this.pumping = true;
    try {
      const now = this.deps.clock.now();
      for (const request of nextToSend(this.current, this.deps.concurrency, now)) {
        this.dispatch({ type: "send", id: request.id, attempt: request.attempt, at: now });
        if (this.current.items[request.id]?.state.status === "queued") this.send(request);
      }
      this.clearWake();
      const wakeAt = nextWakeAt(this.current, now);
      if (wakeAt !== undefined) {
        this.wake = this.deps.clock.setTimeout(() => {
          this.wake = undefined;
          this.pump();
        }, wakeAt - now);
      }
    } finally {
      this.pumping = false;
    }
  }

  private send(request: SendRequest): void {
    const key = `${request.id}#${request.attempt}`;
    const controller = new AbortController();
    this.requests.set(key, controller);
    const { id, attempt } = request;
    const at = () => this.deps.clock.now();
    const run = this.current;
    const aspect = "landscape" as const;
    this.deps.imageClient
      .generate(
        { prompt: request.prompt, n: 1, size: API_SIZE[aspect], output_format: "png", stream: true, partial_images: PARTIAL_IMAGES },
        {
          signal: controller.signal,
          onQueue: (status) =>
            this.dispatch({
              type: "queued",
              id,
              attempt,
              position: status.position,
              ...(status.expected_start_ms !== undefined ? { expectedStartMs: status.expected_start_ms } : {}),
            }),
          onPartial: () => {
            this.dispatch({ type: "partial", id, attempt, at: at() });
          },
        },
      )
      .then(async (images) => {
        const image = images[0];
        if (!image) throw new Error("The image service returned no picture.");
        // The request is done: its slot goes to the next item now, while this picture is saved (off the critical path).
        if (this.requests.get(key) === controller) this.requests.delete(key);
        this.dispatch({ type: "received", id, attempt, at: at() });
        const item = run.items[id];
        let pictureId: string;
        try {
          // Saved to the library first: the run keeps only the picture's id.
          const saved = await this.deps.pictures.add({
            image,
            prompt: item?.prompt ?? request.prompt,
            style: run.style.preset,
            aspect,
            backend: image.backend,
            ...(image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {}),
          });
          pictureId = saved.id;
        } catch (error) {
          pictureId = `unsaved-${++this.unsavedCounter}-${id}`;
          this.unsaved.set(pictureId, image);
          this.deps.onSaveFailed?.(id, error);
        }
        this.dispatch({ type: "completed", id, attempt, pictureId, at: at() });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return; // Cancel all / pane closed: the reducer already says so.
        this.dispatch({ type: "failed", id, attempt, error: runErrorOf(error), at: at() });
      })
      .finally(() => {
        if (this.requests.get(key) === controller) this.requests.delete(key);
      });
  }
}
