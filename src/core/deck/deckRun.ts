// The whole-deck run as a pure reducer: each item from waiting to inserted, plus the selectors the pane's driver needs.
import type { ErrorType } from "../protocol/errors";
import { MAX_PROMPT_CHARS } from "../protocol/limits";
import { deckPrompt, deckStyleSuffix, type DeckStyle } from "./deckStyle";
import { MAX_ITEMS_PER_RUN } from "./selection";
import type { DeckItemKind, InsertedLocation } from "./types";

/** Times a 429 puts an item back to waiting before it fails with "rate limited, try later". */
export const MAX_RATE_LIMIT_REQUEUES = 3;
/** Wait after a 429 without a `retry-after` hint: 2 s, 4 s, 8 s…, capped at this, in milliseconds. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;

/** What the pane tells the person to do about a failed item; each is a pane string key. */
export type Remedy = "deck.remedy.retry" | "deck.remedy.retryLater" | "deck.remedy.editPrompt" | "deck.remedy.signIn" | "deck.remedy.contactAdmin";

/** Why an item failed: a gateway error type (core/errors), or `empty_prompt` (nothing to send). */
export type FailureCode = ErrorType | "empty_prompt";

/**
 * One item's state. Milliseconds are epoch times from the actions' `at` (the driver's clock; tests use a fake one).
 * - `waiting`: not sent; `notBefore` after a 429. `queued`: sent, waiting in the gateway's queue. `creating`: the
 *   backend is drawing it; with `answeredAt` its answer has arrived and the pane is saving the picture. `queued` and
 *   `creating` are "in flight" (Cancel all and Resume treat them so); only those without `answeredAt` hold a request
 *   of the concurrency budget ({@link requestsOut}), so the next request goes while the last picture is saved.
 * - `ready` → `accepted` | `rejected`; `accepted` → `inserting` → `inserted` | `insert-failed` | `gone`.
 * - `failed`: with its code and remedy; `filtered`: blocked by the content filter, with the categories that fired.
 */
export type RunItemState =
  | { status: "waiting"; notBefore?: number }
  | { status: "queued"; sentAt: number; position?: number; expectedStartMs?: number }
  | { status: "creating"; sentAt: number; startedAt: number; partials: number; answeredAt?: number }
  | { status: "ready" }
  | { status: "accepted" }
  | { status: "rejected" }
  | { status: "inserting" }
  | { status: "inserted"; where: InsertedLocation }
  | { status: "insert-failed"; code: string; message?: string }
  | { status: "failed"; code: FailureCode; remedy: Remedy; message?: string }
  | { status: "filtered"; categories: string[]; suggestion: "deck.filtered.rephrase" }
  | { status: "gone" };

export type RunItemStatus = RunItemState["status"];

/** Every item status, in the order the progress summary lists them. */
export const RUN_ITEM_STATUSES = [
  "waiting",
  "queued",
  "creating",
  "ready",
  "accepted",
  "rejected",
  "inserting",
  "inserted",
  "insert-failed",
  "failed",
  "filtered",
  "gone",
] as const satisfies readonly RunItemStatus[];

/** One item of a run. */
export interface RunItem {
  id: string;
  index: number;
  kind: DeckItemKind;
  title: string;
  /** The brief as written or edited (without the run suffix; {@link promptToSend} adds it). */
  prompt: string;
  /** Increases with every regenerate / resume; results for an older attempt are ignored (their request was abandoned). */
  attempt: number;
  /** 429s met by the current attempt. */
  rateLimitRequeues: number;
  /** The full prompt of the current attempt's request, set when it is sent. */
  sentPrompt?: string;
  /** The current picture's id in the picture library (present from `ready` on, kept when the item is gone). */
  pictureId?: string;
  /** The full prompt the current picture was made from (alt text and the shape's tag use it). */
  picturePrompt?: string;
  /** Pictures this item had before a regenerate (still in the library: a picture is never lost). */
  previousPictureIds: string[];
  state: RunItemState;
}

/** A whole run: plain JSON data (persisted as is, see {@link serializeRun}). */
export interface DeckRun {
  version: 1;
  runId: string;
  createdAt: number;
  style: DeckStyle;
  /** {@link deckStyleSuffix} of `style`, fixed at creation: every prompt of the run ends with it. */
  suffix: string;
  /** `idle` before Generate all; `running`; `stopped` after Cancel all. */
  phase: "idle" | "running" | "stopped";
  /** Nothing is sent before this time (a 429 storm pauses the whole run, not one item). */
  pausedUntil?: number;
  /** Set by 401/403 (sign in again, or the account is blocked): nothing is sent until `resume`. */
  blocked?: { code: "unauthorized" | "forbidden" | "suspended" };
  order: string[];
  items: Record<string, RunItem>;
  /** Finished generations and their total time from sent to completed, in ms (for the time-left estimate). */
  timing: { completed: number; totalMs: number };
}

/** An error as the imaging client reports it (the gateway envelope's fields, core/errors). */
export interface RunError {
  type: ErrorType;
  message?: string;
  retryAfterMs?: number;
  categories?: string[];
}

/** Every action of the run. Results carry the `attempt` they belong to; mismatches are ignored. */
export type DeckRunAction =
  | { type: "start" }
  | { type: "send"; id: string; attempt: number; at: number }
  | { type: "queued"; id: string; attempt: number; position: number; expectedStartMs?: number }
  | { type: "started"; id: string; attempt: number; at: number }
  | { type: "partial"; id: string; attempt: number; at: number }
  | { type: "received"; id: string; attempt: number; at: number }
  | { type: "completed"; id: string; attempt: number; pictureId: string; at: number }
  | { type: "failed"; id: string; attempt: number; error: RunError; at: number }
  | { type: "accept"; id: string }
  | { type: "reject"; id: string }
  | { type: "regenerate"; id: string }
  | { type: "editPrompt"; id: string; prompt: string; regenerate?: boolean }
  | { type: "cancelAll" }
  | { type: "insertStarted"; ids: readonly string[] }
  | { type: "insertResult"; id: string; ok: true; where: InsertedLocation }
  | { type: "insertResult"; id: string; ok: false; code: string; message?: string }
  | { type: "slideGone"; id: string }
  | { type: "resume" };

/** Input of {@link createRun}: the ticked items with their briefs. */
export interface NewRunItem {
  id: string;
  index: number;
  kind: DeckItemKind;
  title: string;
  prompt: string;
}

const cleanPrompt = (prompt: string) => prompt.replace(/\s+/gu, " ").trim().slice(0, MAX_PROMPT_CHARS);

/**
 * A new run, phase `idle`, every item `waiting` (in `index` order).
 * @throws RangeError for no items, more than `maxItems` ({@link MAX_ITEMS_PER_RUN}), or a repeated id.
 */
export function createRun(input: { runId: string; createdAt: number; style: DeckStyle; items: readonly NewRunItem[]; maxItems?: number }): DeckRun {
  const max = input.maxItems ?? MAX_ITEMS_PER_RUN;
  if (input.items.length === 0) throw new RangeError("A run needs at least one item.");
  if (input.items.length > max) throw new RangeError(`A run takes at most ${max} items; got ${input.items.length}.`);
  const items: Record<string, RunItem> = {};
  for (const item of input.items) {
    if (Object.hasOwn(items, item.id)) throw new RangeError(`Item ${JSON.stringify(item.id)} is in the run twice.`);
    items[item.id] = {
      id: item.id,
      index: item.index,
      kind: item.kind,
      title: item.title,
      prompt: cleanPrompt(item.prompt),
      attempt: 1,
      rateLimitRequeues: 0,
      previousPictureIds: [],
      state: { status: "waiting" },
    };
  }
  const order = [...input.items].sort((a, b) => a.index - b.index).map((i) => i.id);
  return {
    version: 1,
    runId: input.runId,
    createdAt: input.createdAt,
    style: input.style,
    suffix: deckStyleSuffix(input.style),
    phase: "idle",
    order,
    items,
    timing: { completed: 0, totalMs: 0 },
  };
}

const IN_FLIGHT: ReadonlySet<RunItemStatus> = new Set(["queued", "creating"]);
/** States Regenerate applies to: a picture to replace, or a failure to try again. Not in flight, inserted or gone. */
const REGENERABLE: ReadonlySet<RunItemStatus> = new Set(["ready", "accepted", "rejected", "insert-failed", "failed", "filtered"]);
const HAS_PICTURE: ReadonlySet<RunItemStatus> = new Set(["ready", "accepted", "rejected", "inserting", "inserted", "insert-failed"]);

function withItem(run: DeckRun, id: string, patch: Partial<RunItem>): DeckRun {
  return { ...run, items: { ...run.items, [id]: { ...run.items[id], ...patch } } };
}

function mapItems(run: DeckRun, fn: (item: RunItem) => RunItem): DeckRun {
  const items: Record<string, RunItem> = {};
  for (const id of run.order) items[id] = fn(run.items[id]);
  return { ...run, items };
}

const emptyPromptFailure: RunItemState = { status: "failed", code: "empty_prompt", remedy: "deck.remedy.editPrompt" };

/** The item back to waiting for a new attempt; its current picture (if any) moves to the history. */
function regenerated(item: RunItem): RunItem {
  const previousPictureIds = item.pictureId ? [...item.previousPictureIds, item.pictureId] : item.previousPictureIds;
  return {
    ...item,
    attempt: item.attempt + 1,
    rateLimitRequeues: 0,
    sentPrompt: undefined,
    pictureId: undefined,
    picturePrompt: undefined,
    previousPictureIds,
    state: item.prompt ? { status: "waiting" } : emptyPromptFailure,
  };
}

/** How a failed request changes the item (and maybe the run). */
function onFailure(run: DeckRun, item: RunItem, error: RunError, at: number): DeckRun {
  const fail = (code: FailureCode, remedy: Remedy) =>
    withItem(run, item.id, { state: { status: "failed", code, remedy, ...(error.message ? { message: error.message } : {}) } });
  switch (error.type) {
    case "content_filtered":
      return withItem(run, item.id, {
        state: { status: "filtered", categories: [...(error.categories ?? [])], suggestion: "deck.filtered.rephrase" },
      });
    case "rate_limited": {
      if (item.rateLimitRequeues >= MAX_RATE_LIMIT_REQUEUES) return fail("rate_limited", "deck.remedy.retryLater");
      const waitMs = error.retryAfterMs ?? Math.min(MAX_RATE_LIMIT_WAIT_MS, 2000 * 2 ** item.rateLimitRequeues);
      const notBefore = at + Math.max(0, waitMs);
      const next = withItem(run, item.id, { rateLimitRequeues: item.rateLimitRequeues + 1, state: { status: "waiting", notBefore } });
      return { ...next, pausedUntil: Math.max(run.pausedUntil ?? 0, notBefore) };
    }
    case "unauthorized":
      return { ...fail("unauthorized", "deck.remedy.signIn"), blocked: { code: "unauthorized" } };
    case "forbidden":
    case "suspended":
      return { ...fail(error.type, "deck.remedy.contactAdmin"), blocked: { code: error.type } };
    case "bad_request":
      return fail("bad_request", "deck.remedy.editPrompt");
    default:
      return fail(error.type, "deck.remedy.retry");
  }
}

/**
 * The run reducer (React `useReducer`-ready: never mutates, returns `run` itself for an action that does not apply,
 * e.g. a result for an abandoned attempt, accept on an item that is not ready, or any action on an unknown id).
 */
export function deckRunReducer(run: DeckRun, action: DeckRunAction): DeckRun {
  if (action.type === "start") {
    if (run.phase === "running") return run;
    return { ...mapItems(run, (i) => (i.state.status === "waiting" && !i.prompt ? { ...i, state: emptyPromptFailure } : i)), phase: "running" };
  }
  if (action.type === "cancelAll") {
    const cancelled: RunItemState = { status: "failed", code: "cancelled", remedy: "deck.remedy.retry" };
    return {
      ...mapItems(run, (i) => (i.state.status === "waiting" || IN_FLIGHT.has(i.state.status) ? { ...i, state: cancelled } : i)),
      phase: "stopped",
      pausedUntil: undefined,
    };
  }
  if (action.type === "resume") {
    const resumed = mapItems(run, (i) => {
      switch (i.state.status) {
        case "queued":
        case "creating":
          return { ...i, attempt: i.attempt + 1, rateLimitRequeues: 0, state: { status: "waiting" } };
        case "inserting":
          return { ...i, state: { status: "accepted" } };
        case "failed":
          return i.state.remedy === "deck.remedy.editPrompt"
            ? i
            : { ...i, attempt: i.attempt + 1, rateLimitRequeues: 0, state: { status: "waiting" } };
        case "waiting":
          return { ...i, state: { status: "waiting" } };
        default:
          return i;
      }
    });
    return { ...resumed, phase: "running", pausedUntil: undefined, blocked: undefined };
  }
  if (action.type === "insertStarted") {
    return mapItems(run, (i) =>
      action.ids.includes(i.id) && (i.state.status === "accepted" || i.state.status === "insert-failed")
        ? { ...i, state: { status: "inserting" } }
        : i,
    );
  }

  const item: RunItem | undefined = Object.hasOwn(run.items, action.id) ? run.items[action.id] : undefined;
  if (!item) return run;
  const status = item.state.status;
  const current = "attempt" in action ? action.attempt === item.attempt : true;

  switch (action.type) {
    case "send":
      if (!current || status !== "waiting" || run.phase !== "running" || !item.prompt) return run;
      return withItem(run, item.id, { sentPrompt: promptToSend(run, item.id), state: { status: "queued", sentAt: action.at } });
    case "queued":
      if (!current || item.state.status !== "queued") return run;
      return withItem(run, item.id, { state: { ...item.state, position: action.position, expectedStartMs: action.expectedStartMs } });
    case "started":
      if (!current || item.state.status !== "queued") return run;
      return withItem(run, item.id, { state: { status: "creating", sentAt: item.state.sentAt, startedAt: action.at, partials: 0 } });
    case "partial":
      if (!current) return run;
      if (item.state.status === "queued")
        return withItem(run, item.id, { state: { status: "creating", sentAt: item.state.sentAt, startedAt: action.at, partials: 1 } });
      if (item.state.status === "creating") return withItem(run, item.id, { state: { ...item.state, partials: item.state.partials + 1 } });
      return run;
    case "received":
      if (!current) return run;
      if (item.state.status === "queued")
        return withItem(run, item.id, { state: { status: "creating", sentAt: item.state.sentAt, startedAt: action.at, partials: 0, answeredAt: action.at } });
      if (item.state.status === "creating" && item.state.answeredAt === undefined)
        return withItem(run, item.id, { state: { ...item.state, answeredAt: action.at } });
      return run;
    case "completed": {
      if (!current) return run;
      const picture = { pictureId: action.pictureId, picturePrompt: item.sentPrompt ?? promptToSend(run, item.id) };
      if (item.state.status === "queued" || item.state.status === "creating") {
        const next = withItem(run, item.id, { ...picture, state: { status: "ready" } });
        return { ...next, timing: { completed: run.timing.completed + 1, totalMs: run.timing.totalMs + Math.max(0, action.at - item.state.sentAt) } };
      }
      // A picture that arrives after Cancel all, or for a slide deleted meanwhile, is kept: a picture is never lost.
      if (item.state.status === "failed" && item.state.code === "cancelled")
        return withItem(run, item.id, { ...picture, state: { status: "ready" } });
      if (status === "gone" && !item.pictureId) return withItem(run, item.id, picture);
      return run;
    }
    case "failed":
      if (!current || !IN_FLIGHT.has(status)) return run;
      return onFailure(run, item, action.error, action.at);
    case "accept":
      return status === "ready" || status === "rejected" ? withItem(run, item.id, { state: { status: "accepted" } }) : run;
    case "reject":
      return status === "ready" || status === "accepted" || status === "insert-failed"
        ? withItem(run, item.id, { state: { status: "rejected" } })
        : run;
    case "regenerate": {
      if (!REGENERABLE.has(status)) return run;
      const next = withItem(run, item.id, regenerated(item));
      return run.phase === "stopped" ? { ...next, phase: "running" } : next;
    }
    case "editPrompt": {
      if (status === "inserting" || status === "inserted" || status === "gone") return run;
      const edited = withItem(run, item.id, { prompt: cleanPrompt(action.prompt) });
      return action.regenerate ? deckRunReducer(edited, { type: "regenerate", id: item.id }) : edited;
    }
    case "insertResult":
      if (status !== "inserting" && status !== "accepted" && status !== "insert-failed") return run;
      if (action.ok) return withItem(run, item.id, { state: { status: "inserted", where: action.where } });
      if (action.code === "item_gone") return withItem(run, item.id, { state: { status: "gone" } });
      return withItem(run, item.id, {
        state: { status: "insert-failed", code: action.code, ...(action.message ? { message: action.message } : {}) },
      });
    case "slideGone":
      return status === "inserted" || status === "gone" ? run : withItem(run, item.id, { state: { status: "gone" } });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Selectors

/** The full prompt sent for an item: its brief + the no-text clause where missing + the run's suffix. */
export function promptToSend(run: DeckRun, id: string): string {
  return deckPrompt(run.items[id].prompt, run.suffix);
}

/** Items with a request out (queued at the gateway or being drawn), in deck order. The driver aborts these on Cancel all. */
export function inFlight(run: DeckRun): RunItem[] {
  return run.order.map((id) => run.items[id]).filter((i) => IN_FLIGHT.has(i.state.status));
}

/**
 * Items whose request is still out: in flight and not yet answered (`creating` with `answeredAt` is saving its
 * picture and holds no request). What the concurrency budget counts.
 */
export function requestsOut(run: DeckRun): RunItem[] {
  return inFlight(run).filter((i) => !(i.state.status === "creating" && i.state.answeredAt !== undefined));
}

/** A request the driver should send now; dispatch `send` with the same `attempt` before sending. */
export interface SendRequest {
  id: string;
  attempt: number;
  prompt: string;
}

/**
 * What to send now, in deck order, so that no more than `k` requests are out ({@link requestsOut}; k = the pane's
 * concurrency budget, `DeckServices.concurrency`). Nothing while the run is not running, is blocked, or is paused by a 429 at `now`.
 */
export function nextToSend(run: DeckRun, k: number, now: number): SendRequest[] {
  if (run.phase !== "running" || run.blocked || (run.pausedUntil !== undefined && now < run.pausedUntil)) return [];
  const free = Math.max(0, Math.floor(k) - requestsOut(run).length);
  const out: SendRequest[] = [];
  for (const id of run.order) {
    if (out.length >= free) break;
    const item = run.items[id];
    if (item.state.status !== "waiting" || !item.prompt) continue;
    if (item.state.notBefore !== undefined && now < item.state.notBefore) continue;
    out.push({ id, attempt: item.attempt, prompt: promptToSend(run, id) });
  }
  return out;
}

/** When the driver should look again although nothing arrived (the end of a 429 pause); `undefined` when nothing waits on time. */
export function nextWakeAt(run: DeckRun, now: number): number | undefined {
  const times = [
    run.pausedUntil,
    ...run.order.map((id) => run.items[id].state).map((s) => (s.status === "waiting" ? s.notBefore : undefined)),
  ].filter((t): t is number => t !== undefined && t > now);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/** The run's progress line and counts. */
export interface RunProgress {
  total: number;
  counts: Record<RunItemStatus, number>;
  /** Items still to generate or generating. */
  remaining: number;
  /** True when nothing is waiting or in flight. */
  generationDone: boolean;
  /** Best (lowest) gateway queue position among queued items. */
  queuePosition?: number;
  /** Estimate of the time left in ms, from the average time per finished picture and `k`; absent before any finished. */
  etaMs?: number;
}

/** Counts, queue position and the time-left estimate (`k` = concurrency budget, `now` = driver clock). */
export function runProgress(run: DeckRun, k = 1, now = 0): RunProgress {
  const counts = Object.fromEntries(RUN_ITEM_STATUSES.map((s) => [s, 0])) as Record<RunItemStatus, number>;
  let queuePosition: number | undefined;
  for (const id of run.order) {
    const state = run.items[id].state;
    counts[state.status]++;
    if (state.status === "queued" && state.position !== undefined) queuePosition = Math.min(queuePosition ?? Infinity, state.position);
  }
  const remaining = counts.waiting + counts.queued + counts.creating;
  const progress: RunProgress = { total: run.order.length, counts, remaining, generationDone: remaining === 0 };
  if (queuePosition !== undefined) progress.queuePosition = queuePosition;
  if (remaining > 0 && run.timing.completed > 0) {
    const average = run.timing.totalMs / run.timing.completed;
    const paused = run.pausedUntil !== undefined ? Math.max(0, run.pausedUntil - now) : 0;
    progress.etaMs = Math.round(Math.ceil(remaining / Math.max(1, Math.floor(k))) * average + paused);
  }
  return progress;
}

/** One picture to insert. */
export interface InsertStep {
  id: string;
  index: number;
  pictureId: string;
  /** The prompt the picture was made from (alt text description, shape tag). */
  prompt: string;
}

/**
 * What Insert accepted does now: accepted items and earlier insert failures, in deck order. Inserted, inserting and
 * gone items are never in it, so running the plan twice never inserts a picture twice.
 */
export function insertPlan(run: DeckRun): InsertStep[] {
  return run.order
    .map((id) => run.items[id])
    .filter((i) => (i.state.status === "accepted" || i.state.status === "insert-failed") && i.pictureId)
    .map((i) => ({ id: i.id, index: i.index, pictureId: i.pictureId as string, prompt: i.picturePrompt ?? promptToSend(run, i.id) }));
}

/** Per-item buttons the review grid shows enabled. */
export type ItemCommand = "accept" | "reject" | "regenerate" | "editPrompt" | "insert";

/** Which commands apply to an item now (the reducer ignores the others). */
export function itemCommands(item: RunItem): ItemCommand[] {
  const s = item.state.status;
  const out: ItemCommand[] = [];
  if (s === "ready" || s === "rejected") out.push("accept");
  if (s === "ready" || s === "accepted" || s === "insert-failed") out.push("reject");
  if (REGENERABLE.has(s)) out.push("regenerate");
  if (s !== "inserting" && s !== "inserted" && s !== "gone") out.push("editPrompt");
  if ((s === "accepted" || s === "insert-failed") && item.pictureId) out.push("insert");
  return out;
}

/** True when a stored run has work left (the pane offers Resume): anything waiting, in flight or mid-insert. */
export function needsResume(run: DeckRun): boolean {
  return run.order.some((id) => {
    const s = run.items[id].state.status;
    return s === "waiting" || IN_FLIGHT.has(s) || s === "inserting";
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Persistence

/** The run as JSON for the store (IndexedDB keeps it as a string or a structured clone; both round-trip). */
export function serializeRun(run: DeckRun): string {
  return JSON.stringify(run);
}

/** Result of {@link parseRun}. */
export type ParsedRun = { ok: true; run: DeckRun } | { ok: false; error: string };

const STATUSES: ReadonlySet<string> = new Set(RUN_ITEM_STATUSES);

/** Reads back a stored run, checking its shape (version 1, every ordered item present with a known status); never throws. */
export function parseRun(json: string): ParsedRun {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `Not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null) return { ok: false, error: "Not a run object." };
  const run = value as Partial<DeckRun>;
  if (run.version !== 1) return { ok: false, error: `Unknown run version ${JSON.stringify(run.version)}.` };
  if (typeof run.runId !== "string" || !Array.isArray(run.order) || typeof run.items !== "object" || run.items === null) {
    return { ok: false, error: "Run without id, order or items." };
  }
  if (!run.style || typeof run.suffix !== "string" || !run.timing || !["idle", "running", "stopped"].includes(run.phase as string)) {
    return { ok: false, error: "Run without style, suffix, timing or phase." };
  }
  for (const id of run.order) {
    const item = (run.items as Record<string, RunItem | undefined>)[id];
    if (!item || item.id !== id || typeof item.prompt !== "string" || typeof item.attempt !== "number" || !STATUSES.has(item.state?.status)) {
      return { ok: false, error: `Item ${JSON.stringify(id)} is missing or malformed.` };
    }
    if (HAS_PICTURE.has(item.state.status) && typeof item.pictureId !== "string") {
      return { ok: false, error: `Item ${JSON.stringify(id)} is ${item.state.status} without a picture id.` };
    }
  }
  return { ok: true, run: run as DeckRun };
}
