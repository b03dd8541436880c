// The run reducer: every transition, the concurrency budget, 429 storms, content filter, cancel, insert, reload and resume.
import { NO_DECK_STYLE, NO_TEXT_CLAUSE, parseDeckStyle, type DeckStyle } from "../../../../src/core/deck/deckStyle";
import {
  createRun,
  deckRunReducer,
  inFlight,
  insertPlan,
  itemCommands,
  MAX_RATE_LIMIT_REQUEUES,
  needsResume,
  nextToSend,
  nextWakeAt,
  parseRun,
  promptToSend,
  requestsOut,
  runProgress,
  serializeRun,
  type DeckRun,
  type DeckRunAction,
  type RunError,
} from "../../../../src/core/deck/deckRun";
import { MAX_ITEMS_PER_RUN } from "../../../../src/core/deck/selection";

const style = (() => {
  const parsed = parseDeckStyle({ preset: "watercolor", palette: ["#1F2A44"] });
  if (!parsed.ok) throw new Error("bad style");
  return parsed.style;
})();

function newRun(count = 8, runStyle: DeckStyle = style): DeckRun {
  return createRun({
    runId: "run-1",
    createdAt: 1_000,
    style: runStyle,
    items: Array.from({ length: count }, (_, i) => ({
      id: `s${i + 1}`,
      index: i,
      kind: "slide" as const,
      title: `Slide ${i + 1}`,
      prompt: `A lighthouse number ${i + 1}`,
    })),
  });
}

function apply(run: DeckRun, ...actions: DeckRunAction[]): DeckRun {
  return actions.reduce(deckRunReducer, run);
}

const status = (run: DeckRun, id: string) => run.items[id].state.status;
const statuses = (run: DeckRun) => run.order.map((id) => status(run, id));

/** Sends `id` and completes it with a picture. */
function finish(run: DeckRun, id: string, at = 2_000): DeckRun {
  const attempt = run.items[id].attempt;
  return apply(run, { type: "send", id, attempt, at }, { type: "completed", id, attempt, pictureId: `pic-${id}-${attempt}`, at: at + 500 });
}

type Outcome = { ok: true } | { ok: false; error: RunError };

/**
 * A fake driver and gateway on a fake clock: sends what `nextToSend` allows, each request takes `durationMs`, then
 * `outcome` decides. Records the most requests ever in flight, every request per item, and sends during a pause.
 */
function drive(start: DeckRun, k: number, outcome: (id: string, requestNo: number) => Outcome, durationMs = 2_000, startAt = 10_000) {
  let run = start;
  let now = startAt;
  let maxInFlight = 0;
  const requests: Record<string, number> = {};
  const sentDuringPause: string[] = [];
  const pending: { at: number; id: string; attempt: number }[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    for (const send of nextToSend(run, k, now)) {
      if (run.pausedUntil !== undefined && now < run.pausedUntil) sentDuringPause.push(send.id);
      run = deckRunReducer(run, { type: "send", id: send.id, attempt: send.attempt, at: now });
      requests[send.id] = (requests[send.id] ?? 0) + 1;
      pending.push({ at: now + durationMs, id: send.id, attempt: send.attempt });
      maxInFlight = Math.max(maxInFlight, inFlight(run).length);
    }
    if (pending.length === 0) {
      const wake = nextWakeAt(run, now);
      if (wake === undefined) break;
      now = wake;
      continue;
    }
    pending.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const event = pending.shift()!;
    now = event.at;
    const result = outcome(event.id, requests[event.id]);
    run = result.ok
      ? deckRunReducer(run, { type: "completed", id: event.id, attempt: event.attempt, pictureId: `pic-${event.id}-${requests[event.id]}`, at: now })
      : deckRunReducer(run, { type: "failed", id: event.id, attempt: event.attempt, error: result.error, at: now });
  }
  return { run, now, maxInFlight, requests, sentDuringPause };
}

describe("createRun", () => {
  it("puts every item waiting, in deck order, with the run's suffix fixed", () => {
    const run = createRun({
      runId: "r",
      createdAt: 5,
      style,
      items: [
        { id: "b", index: 4, kind: "slide", title: "B", prompt: "  two\n words " },
        { id: "a", index: 1, kind: "slide", title: "A", prompt: "one" },
      ],
    });
    expect(run.order).toEqual(["a", "b"]);
    expect(run.phase).toBe("idle");
    expect(run.suffix).toBe("Style: watercolor painting, soft washes, paper texture; colour palette of deep navy.");
    expect(run.items.b).toMatchObject({ prompt: "two words", attempt: 1, state: { status: "waiting" } });
  });

  it("refuses an empty run, one over the cap, and a repeated id", () => {
    expect(() => newRun(0)).toThrow(RangeError);
    expect(() => newRun(MAX_ITEMS_PER_RUN + 1)).toThrow(/at most 40/);
    const item = { id: "a", index: 0, kind: "slide" as const, title: "", prompt: "x" };
    expect(() => createRun({ runId: "r", createdAt: 0, style, items: [item, { ...item, index: 1 }] })).toThrow(/twice/);
  });
});

describe("sending within the concurrency budget", () => {
  it("sends nothing before start, then at most k at a time, in deck order", () => {
    let run = newRun(8);
    expect(nextToSend(run, 3, 0)).toEqual([]);
    run = apply(run, { type: "start" });
    const first = nextToSend(run, 3, 0);
    expect(first.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(first[0].prompt).toBe(`A lighthouse number 1, ${NO_TEXT_CLAUSE}. ${run.suffix}`);
    for (const s of first) run = deckRunReducer(run, { type: "send", id: s.id, attempt: s.attempt, at: 0 });
    expect(nextToSend(run, 3, 0)).toEqual([]);
    run = apply(run, { type: "completed", id: "s2", attempt: 1, pictureId: "p2", at: 100 });
    expect(nextToSend(run, 3, 100).map((s) => s.id)).toEqual(["s4"]);
  });

  it("never has more than k in flight over a whole run, and finishes in ceil(n / k) rounds", () => {
    for (const k of [1, 2, 3, 4, 10]) {
      const result = drive(apply(newRun(10), { type: "start" }), k, () => ({ ok: true }));
      expect(result.maxInFlight).toBe(Math.min(k, 10));
      expect(result.now - 10_000).toBe(Math.ceil(10 / k) * 2_000);
      expect(statuses(result.run).every((s) => s === "ready")).toBe(true);
      expect(Object.values(result.requests).every((n) => n === 1)).toBe(true);
    }
  });

  it("frees an item's slot when its answer arrives, before its picture is saved (received → completed)", () => {
    let run = apply(newRun(4), { type: "start" });
    for (const s of nextToSend(run, 2, 0)) run = deckRunReducer(run, { type: "send", id: s.id, attempt: s.attempt, at: 0 });
    run = apply(run, { type: "received", id: "s1", attempt: 1, at: 2_000 });
    expect(run.items.s1.state).toEqual({ status: "creating", sentAt: 0, startedAt: 2_000, partials: 0, answeredAt: 2_000 });
    // Still in flight (Cancel all, Resume), but no longer a request of the budget: s3 may go while s1 is saved.
    expect(inFlight(run).map((i) => i.id)).toEqual(["s1", "s2"]);
    expect(requestsOut(run).map((i) => i.id)).toEqual(["s2"]);
    expect(nextToSend(run, 2, 2_000).map((s) => s.id)).toEqual(["s3"]);
    // A repeated or stale answer changes nothing; the save then makes it ready with its picture.
    expect(apply(run, { type: "received", id: "s1", attempt: 1, at: 2_100 })).toBe(run);
    expect(apply(run, { type: "received", id: "s1", attempt: 2, at: 2_100 })).toBe(run);
    run = apply(run, { type: "completed", id: "s1", attempt: 1, pictureId: "p1", at: 2_300 });
    expect(run.items.s1).toMatchObject({ pictureId: "p1", state: { status: "ready" } });
    expect(run.timing).toEqual({ completed: 1, totalMs: 2_300 });
  });

  it("fails an item with an empty prompt at start instead of sending it", () => {
    const run = apply(createRun({ runId: "r", createdAt: 0, style, items: [{ id: "a", index: 0, kind: "slide", title: "", prompt: "  " }] }), {
      type: "start",
    });
    expect(run.items.a.state).toEqual({ status: "failed", code: "empty_prompt", remedy: "deck.remedy.editPrompt" });
    expect(nextToSend(run, 4, 0)).toEqual([]);
  });
});

describe("one item from waiting to ready", () => {
  it("goes waiting → queued (position, eta) → creating → partial → ready with its picture and sent prompt", () => {
    let run = apply(newRun(2), { type: "start" }, { type: "send", id: "s1", attempt: 1, at: 1_000 });
    expect(run.items.s1.state).toEqual({ status: "queued", sentAt: 1_000 });
    run = apply(run, { type: "queued", id: "s1", attempt: 1, position: 3, expectedStartMs: 4_000 });
    expect(runProgress(run).queuePosition).toBe(3);
    run = apply(run, { type: "started", id: "s1", attempt: 1, at: 2_000 });
    expect(run.items.s1.state).toEqual({ status: "creating", sentAt: 1_000, startedAt: 2_000, partials: 0 });
    const sent = promptToSend(run, "s1");
    run = apply(run, { type: "editPrompt", id: "s1", prompt: "edited while drawing" }); // applies to the next attempt
    run = apply(run, { type: "partial", id: "s1", attempt: 1, at: 2_500 }, { type: "partial", id: "s1", attempt: 1, at: 2_700 });
    expect(run.items.s1.state).toMatchObject({ status: "creating", partials: 2 });
    run = apply(run, { type: "completed", id: "s1", attempt: 1, pictureId: "pic-1", at: 3_000 });
    expect(run.items.s1).toMatchObject({ state: { status: "ready" }, pictureId: "pic-1", picturePrompt: sent, prompt: "edited while drawing" });
    expect(run.timing).toEqual({ completed: 1, totalMs: 2_000 });
  });

  it("treats a first partial image as the start of drawing", () => {
    const run = apply(newRun(1), { type: "start" }, { type: "send", id: "s1", attempt: 1, at: 0 }, { type: "partial", id: "s1", attempt: 1, at: 5 });
    expect(run.items.s1.state).toEqual({ status: "creating", sentAt: 0, startedAt: 5, partials: 1 });
  });

  it("ignores results for another attempt, unknown ids and actions that do not apply", () => {
    const run = apply(newRun(2), { type: "start" }, { type: "send", id: "s1", attempt: 1, at: 0 });
    expect(apply(run, { type: "completed", id: "s1", attempt: 2, pictureId: "x", at: 1 })).toBe(run);
    expect(apply(run, { type: "completed", id: "nope", attempt: 1, pictureId: "x", at: 1 })).toBe(run);
    expect(apply(run, { type: "accept", id: "s1" })).toBe(run);
    expect(apply(run, { type: "regenerate", id: "s1" })).toBe(run);
    expect(apply(run, { type: "send", id: "s1", attempt: 1, at: 0 })).toBe(run);
    expect(apply(run, { type: "failed", id: "s2", attempt: 1, error: { type: "timeout" }, at: 1 })).toBe(run);
  });
});

describe("failures", () => {
  function failWith(error: RunError) {
    return apply(
      newRun(2),
      { type: "start" },
      { type: "send", id: "s1", attempt: 1, at: 0 },
      { type: "failed", id: "s1", attempt: 1, error, at: 10 },
    );
  }

  it.each([
    [{ type: "timeout" } as RunError, "timeout", "deck.remedy.retry"],
    [{ type: "upstream_unavailable", message: "can't reach" } as RunError, "upstream_unavailable", "deck.remedy.retry"],
    [{ type: "internal" } as RunError, "internal", "deck.remedy.retry"],
    [{ type: "bad_request" } as RunError, "bad_request", "deck.remedy.editPrompt"],
    [{ type: "cancelled" } as RunError, "cancelled", "deck.remedy.retry"],
  ])("%o → failed %s, %s", (error, code, remedy) => {
    expect(failWith(error).items.s1.state).toMatchObject({ status: "failed", code, remedy });
  });

  it("keeps the gateway's message for the person", () => {
    expect(failWith({ type: "upstream_unavailable", message: "can't reach" }).items.s1.state).toMatchObject({ message: "can't reach" });
  });

  it("shows a content-filter block with the rule and a suggestion to rephrase", () => {
    expect(failWith({ type: "content_filtered", categories: ["violence"] }).items.s1.state).toEqual({
      status: "filtered",
      categories: ["violence"],
      suggestion: "deck.filtered.rephrase",
    });
  });

  it("stops sending on 401 until resume (sign in), and on 403 (contact the admin)", () => {
    const run = failWith({ type: "unauthorized" });
    expect(run.items.s1.state).toMatchObject({ status: "failed", remedy: "deck.remedy.signIn" });
    expect(run.blocked).toEqual({ code: "unauthorized" });
    expect(nextToSend(run, 4, 100)).toEqual([]);
    const resumed = apply(run, { type: "resume" });
    expect(resumed.blocked).toBeUndefined();
    expect(nextToSend(resumed, 4, 100).map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(failWith({ type: "forbidden" }).items.s1.state).toMatchObject({ remedy: "deck.remedy.contactAdmin" });
    expect(failWith({ type: "suspended" }).blocked).toEqual({ code: "suspended" });
  });

  it("content filter on 2 of 8: the other 6 are ready, the 2 can be rephrased and regenerated", () => {
    const blocked = new Set(["s3", "s6"]);
    const result = drive(apply(newRun(8), { type: "start" }), 3, (id, n) =>
      blocked.has(id) && n === 1 ? { ok: false, error: { type: "content_filtered", categories: ["hate"] } } : { ok: true },
    );
    expect(statuses(result.run)).toEqual(["ready", "ready", "filtered", "ready", "ready", "filtered", "ready", "ready"]);
    expect(runProgress(result.run).counts).toMatchObject({ ready: 6, filtered: 2 });
    let run = apply(
      result.run,
      { type: "editPrompt", id: "s3", prompt: "a calm harbour at dawn", regenerate: true },
      { type: "regenerate", id: "s6" },
    );
    expect(statuses(run).filter((s) => s === "waiting")).toHaveLength(2);
    const again = drive(run, 3, () => ({ ok: true }));
    run = again.run;
    expect(statuses(run).every((s) => s === "ready")).toBe(true);
    expect(run.items.s3.picturePrompt?.startsWith("a calm harbour at dawn, ")).toBe(true);
    expect(Object.keys(again.requests).sort()).toEqual(["s3", "s6"]); // the 6 finished ones were not sent again
  });
});

describe("a 429 storm", () => {
  it("pauses the whole run for the retry-after, never exceeds k, and finishes when the storm passes", () => {
    // Each request is answered 429 (retry-after 3 s) twice, then succeeds.
    const storm = drive(apply(newRun(8), { type: "start" }), 2, (_id, n) =>
      n <= 2 ? { ok: false, error: { type: "rate_limited", retryAfterMs: 3_000 } } : { ok: true },
    );
    expect(storm.maxInFlight).toBe(2);
    expect(storm.sentDuringPause).toEqual([]);
    expect(statuses(storm.run).every((s) => s === "ready")).toBe(true);
    expect(Object.values(storm.requests)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]); // two 429s, then the picture; never more
    // 24 requests of 2 s, 2 at a time, plus the 3 s pauses: slower than 8 clean pictures, never faster.
    expect(storm.now - 10_000).toBeGreaterThan(12 * 2_000);
  });

  it("backs off 2 s, 4 s, 8 s without a hint, then fails the item with 'try later'; resume tries again", () => {
    let run = apply(newRun(1), { type: "start" });
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i <= MAX_RATE_LIMIT_REQUEUES; i++) {
      const [send] = nextToSend(run, 1, now);
      expect(send).toBeDefined();
      run = apply(
        run,
        { type: "send", id: "s1", attempt: send.attempt, at: now },
        { type: "failed", id: "s1", attempt: send.attempt, error: { type: "rate_limited" }, at: now },
      );
      if (run.items.s1.state.status === "waiting") {
        const wake = nextWakeAt(run, now)!;
        expect(nextToSend(run, 1, wake - 1)).toEqual([]);
        waits.push(wake - now);
        now = wake;
      }
    }
    expect(waits).toEqual([2_000, 4_000, 8_000]);
    expect(run.items.s1.state).toEqual({ status: "failed", code: "rate_limited", remedy: "deck.remedy.retryLater" });
    run = apply(run, { type: "resume" });
    expect(run.items.s1).toMatchObject({ state: { status: "waiting" }, rateLimitRequeues: 0, attempt: 2 });
    expect(nextToSend(run, 1, now).map((s) => s.id)).toEqual(["s1"]);
  });
});

describe("review: accept, reject, regenerate, edit", () => {
  it("accepts and rejects a ready item, and changes its mind", () => {
    let run = finish(apply(newRun(2), { type: "start" }), "s1");
    expect(itemCommands(run.items.s1)).toEqual(["accept", "reject", "regenerate", "editPrompt"]);
    run = apply(run, { type: "accept", id: "s1" });
    expect(status(run, "s1")).toBe("accepted");
    expect(itemCommands(run.items.s1)).toEqual(["reject", "regenerate", "editPrompt", "insert"]);
    run = apply(run, { type: "reject", id: "s1" });
    expect(status(run, "s1")).toBe("rejected");
    run = apply(run, { type: "accept", id: "s1" });
    expect(status(run, "s1")).toBe("accepted");
  });

  it("regenerates with the same prompt: a new attempt, the old picture kept in the history", () => {
    let run = finish(apply(newRun(2), { type: "start" }), "s1");
    run = apply(run, { type: "regenerate", id: "s1" });
    expect(run.items.s1).toMatchObject({ attempt: 2, state: { status: "waiting" }, previousPictureIds: ["pic-s1-1"] });
    expect(run.items.s1.pictureId).toBeUndefined();
    expect(nextToSend(run, 1, 0)[0]).toMatchObject({ id: "s1", attempt: 2, prompt: promptToSend(run, "s1") });
    run = finish(run, "s1");
    expect(run.items.s1).toMatchObject({ pictureId: "pic-s1-2", previousPictureIds: ["pic-s1-1"] });
  });

  it("edits a prompt (whitespace collapsed), and regenerates with it when asked", () => {
    let run = finish(apply(newRun(1), { type: "start" }), "s1");
    run = apply(run, { type: "editPrompt", id: "s1", prompt: "  a quiet\n harbour " });
    expect(run.items.s1).toMatchObject({ prompt: "a quiet harbour", state: { status: "ready" } });
    run = apply(run, { type: "editPrompt", id: "s1", prompt: "a busy harbour", regenerate: true });
    expect(run.items.s1).toMatchObject({ prompt: "a busy harbour", attempt: 2, state: { status: "waiting" } });
    expect(nextToSend(run, 1, 0)[0].prompt).toBe(`a busy harbour, ${NO_TEXT_CLAUSE}. ${run.suffix}`);
  });

  it("regenerating with an emptied prompt fails the item instead of sending it", () => {
    const run = apply(finish(apply(newRun(1), { type: "start" }), "s1"), { type: "editPrompt", id: "s1", prompt: " ", regenerate: true });
    expect(run.items.s1.state).toMatchObject({ status: "failed", code: "empty_prompt" });
  });
});

describe("cancel all", () => {
  it("stops what is queued and in flight, keeps what is finished, and keeps a picture that arrives late", () => {
    let run = apply(newRun(5), { type: "start" });
    run = finish(run, "s1");
    run = apply(
      run,
      { type: "send", id: "s2", attempt: 1, at: 0 },
      { type: "send", id: "s3", attempt: 1, at: 0 },
      { type: "started", id: "s3", attempt: 1, at: 1 },
    );
    const toAbort = inFlight(run).map((i) => i.id);
    expect(toAbort).toEqual(["s2", "s3"]);
    run = apply(run, { type: "cancelAll" });
    expect(run.phase).toBe("stopped");
    expect(statuses(run)).toEqual(["ready", "failed", "failed", "failed", "failed"]);
    expect(run.items.s4.state).toEqual({ status: "failed", code: "cancelled", remedy: "deck.remedy.retry" });
    expect(nextToSend(run, 4, 0)).toEqual([]);
    // The gateway had already finished s3 when the abort landed: the picture is not lost.
    run = apply(run, { type: "completed", id: "s3", attempt: 1, pictureId: "late", at: 5 });
    expect(run.items.s3).toMatchObject({ state: { status: "ready" }, pictureId: "late" });
    // Resume sends the cancelled ones again, not the finished ones.
    run = apply(run, { type: "resume" });
    expect(nextToSend(run, 4, 0).map((s) => s.id)).toEqual(["s2", "s4", "s5"]);
  });

  it("regenerating one item after cancel all sends that item only", () => {
    let run = apply(finish(apply(newRun(3), { type: "start" }), "s1"), { type: "cancelAll" }, { type: "regenerate", id: "s1" });
    expect(run.phase).toBe("running");
    expect(nextToSend(run, 4, 0).map((s) => s.id)).toEqual(["s1"]);
    run = apply(run, { type: "regenerate", id: "s2" });
    expect(nextToSend(run, 4, 0).map((s) => s.id)).toEqual(["s1", "s2"]);
  });
});

describe("insert", () => {
  function reviewed(): DeckRun {
    let run = apply(newRun(4), { type: "start" });
    for (const id of run.order) run = finish(run, id);
    return apply(run, { type: "accept", id: "s1" }, { type: "accept", id: "s2" }, { type: "accept", id: "s4" }, { type: "reject", id: "s3" });
  }
  const where = (itemId: string) => ({ itemId, shapeId: `shape-${itemId}`, rectPt: { leftPt: 18, topPt: 18, widthPt: 300, heightPt: 200 } });

  it("plans the accepted items in deck order with their picture and prompt", () => {
    const run = reviewed();
    expect(insertPlan(run)).toEqual([
      { id: "s1", index: 0, pictureId: "pic-s1-1", prompt: run.items.s1.picturePrompt },
      { id: "s2", index: 1, pictureId: "pic-s2-1", prompt: run.items.s2.picturePrompt },
      { id: "s4", index: 3, pictureId: "pic-s4-1", prompt: run.items.s4.picturePrompt },
    ]);
    expect(run.items.s1.picturePrompt).toBe(`A lighthouse number 1, ${NO_TEXT_CLAUSE}. ${run.suffix}`);
  });

  it("goes on after a failure, keeps the failed one to insert again, and never plans an inserted one twice", () => {
    let run = reviewed();
    run = apply(run, { type: "insertStarted", ids: insertPlan(run).map((s) => s.id) });
    expect(insertPlan(run)).toEqual([]); // a second click while inserting does nothing
    run = apply(
      run,
      { type: "insertResult", id: "s1", ok: true, where: where("s1") },
      { type: "insertResult", id: "s2", ok: false, code: "read_only", message: "The document is read-only." },
      { type: "insertResult", id: "s4", ok: true, where: where("s4") },
    );
    expect(statuses(run)).toEqual(["inserted", "insert-failed", "rejected", "inserted"]);
    expect(run.items.s1.state).toEqual({ status: "inserted", where: where("s1") });
    expect(insertPlan(run).map((s) => s.id)).toEqual(["s2"]);
    run = apply(run, { type: "insertStarted", ids: ["s2"] }, { type: "insertResult", id: "s2", ok: true, where: where("s2") });
    expect(insertPlan(run)).toEqual([]);
    expect(apply(run, { type: "insertResult", id: "s1", ok: true, where: where("other") })).toBe(run);
    expect(itemCommands(run.items.s1)).toEqual([]);
    expect(apply(run, { type: "regenerate", id: "s1" })).toBe(run);
  });

  it("marks a slide deleted before insert as gone, keeps its picture, and inserts the others", () => {
    let run = reviewed();
    run = apply(run, { type: "insertStarted", ids: ["s1", "s2", "s4"] });
    run = apply(
      run,
      { type: "insertResult", id: "s2", ok: false, code: "item_gone" },
      { type: "insertResult", id: "s1", ok: true, where: where("s1") },
    );
    run = apply(run, { type: "slideGone", id: "s4" });
    expect(statuses(run)).toEqual(["inserted", "gone", "rejected", "gone"]);
    expect(run.items.s2.pictureId).toBe("pic-s2-1");
    expect(insertPlan(run)).toEqual([]);
    expect(apply(run, { type: "slideGone", id: "s1" })).toBe(run); // an inserted picture stays inserted
  });

  it("keeps the picture of a slide deleted while its picture was being drawn", () => {
    let run = apply(newRun(1), { type: "start" }, { type: "send", id: "s1", attempt: 1, at: 0 }, { type: "slideGone", id: "s1" });
    run = apply(run, { type: "completed", id: "s1", attempt: 1, pictureId: "p", at: 9 });
    expect(run.items.s1).toMatchObject({ state: { status: "gone" }, pictureId: "p" });
  });
});

describe("progress", () => {
  it("counts items per state and estimates the time left from finished pictures and k", () => {
    let run = apply(newRun(6), { type: "start" });
    expect(runProgress(run, 2, 0)).toMatchObject({ total: 6, remaining: 6, generationDone: false });
    expect(runProgress(run, 2, 0).etaMs).toBeUndefined();
    run = apply(run, { type: "send", id: "s1", attempt: 1, at: 0 }, { type: "completed", id: "s1", attempt: 1, pictureId: "p", at: 2_000 });
    run = apply(run, { type: "send", id: "s2", attempt: 1, at: 2_000 }, { type: "queued", id: "s2", attempt: 1, position: 2 });
    const progress = runProgress(run, 2, 2_000);
    expect(progress.counts).toMatchObject({ ready: 1, queued: 1, waiting: 4 });
    expect(progress.queuePosition).toBe(2);
    expect(progress.etaMs).toBe(Math.ceil(5 / 2) * 2_000);
  });

  it("says generation is done when nothing waits or is in flight", () => {
    const result = drive(apply(newRun(3), { type: "start" }), 2, (id) => (id === "s2" ? { ok: false, error: { type: "timeout" } } : { ok: true }));
    expect(runProgress(result.run).generationDone).toBe(true);
    expect(needsResume(result.run)).toBe(false);
  });
});

describe("persistence and resume after a reload", () => {
  function midRun(): DeckRun {
    let run = apply(newRun(6), { type: "start" });
    run = finish(run, "s1");
    run = apply(finish(run, "s2"), { type: "accept", id: "s2" }, { type: "insertStarted", ids: ["s2"] });
    run = apply(run, { type: "send", id: "s3", attempt: 1, at: 0 }, { type: "started", id: "s3", attempt: 1, at: 1 });
    run = apply(run, { type: "send", id: "s4", attempt: 1, at: 0 }, { type: "queued", id: "s4", attempt: 1, position: 1 });
    return run;
  }

  it("round-trips through JSON unchanged", () => {
    const run = midRun();
    const parsed = parseRun(serializeRun(run));
    expect(parsed).toEqual({ ok: true, run });
  });

  it("after a reload: finished pictures are never generated again, in-flight ones go back to waiting", () => {
    const stored = serializeRun(midRun());
    const parsed = parseRun(stored);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(needsResume(parsed.run)).toBe(true);
    let run = apply(parsed.run, { type: "resume" });
    expect(statuses(run)).toEqual(["ready", "accepted", "waiting", "waiting", "waiting", "waiting"]);
    expect(run.items.s3.attempt).toBe(2);
    // A result of the request that died with the old page is ignored.
    expect(apply(run, { type: "completed", id: "s3", attempt: 1, pictureId: "ghost", at: 1 })).toBe(run);
    const result = drive(run, 2, () => ({ ok: true }));
    expect(result.requests).toEqual({ s3: 1, s4: 1, s5: 1, s6: 1 });
    run = result.run;
    expect(run.items.s1.pictureId).toBe("pic-s1-1");
    // The item that was mid-insert is back in the plan; the adapter finds its tagged shape and does not duplicate it.
    expect(insertPlan(run).map((s) => s.id)).toEqual(["s2"]);
  });

  it("rejects a stored run that is not one, with a reason", () => {
    const good = JSON.parse(serializeRun(midRun()));
    expect(parseRun("{not json")).toMatchObject({ ok: false, error: expect.stringMatching(/^Not JSON/) });
    expect(parseRun("null")).toEqual({ ok: false, error: "Not a run object." });
    expect(parseRun(JSON.stringify({ ...good, version: 2 }))).toEqual({ ok: false, error: "Unknown run version 2." });
    expect(parseRun(JSON.stringify({ ...good, order: [...good.order, "s99"] }))).toEqual({ ok: false, error: 'Item "s99" is missing or malformed.' });
    const noPicture = { ...good, items: { ...good.items, s1: { ...good.items.s1, pictureId: undefined } } };
    expect(parseRun(JSON.stringify(noPicture))).toEqual({ ok: false, error: 'Item "s1" is ready without a picture id.' });
    expect(parseRun(JSON.stringify({ ...good, phase: "exploded" }))).toMatchObject({ ok: false });
  });

  it("the gateway going away mid-run: items fail with can't reach, Resume finishes only those when it is back", () => {
    const down = drive(apply(newRun(6), { type: "start" }), 2, (id) =>
      ["s1", "s2"].includes(id) ? { ok: true } : { ok: false, error: { type: "upstream_unavailable", message: "can't reach" } },
    );
    expect(statuses(down.run)).toEqual(["ready", "ready", "failed", "failed", "failed", "failed"]);
    expect(down.run.items.s5.state).toMatchObject({ code: "upstream_unavailable", remedy: "deck.remedy.retry" });
    const back = drive(apply(down.run, { type: "resume" }), 2, () => ({ ok: true }));
    expect(back.requests).toEqual({ s3: 1, s4: 1, s5: 1, s6: 1 });
    expect(statuses(back.run).every((st) => st === "ready")).toBe(true);
  });

  it("resume does not resend a prompt the gateway refused as malformed, nor a filtered one", () => {
    const run = drive(
      apply(newRun(2), { type: "start" }),
      2,
      (id) => ({ ok: false, error: { type: id === "s1" ? "bad_request" : "content_filtered" } }) as const,
    ).run;
    expect(nextToSend(apply(run, { type: "resume" }), 2, 0)).toEqual([]);
  });

  it("a run with no style is valid and sends prompts without a suffix", () => {
    const run = apply(newRun(1, NO_DECK_STYLE), { type: "start" });
    expect(nextToSend(run, 1, 0)[0].prompt).toBe(`A lighthouse number 1, ${NO_TEXT_CLAUSE}.`);
  });
});
