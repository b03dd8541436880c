// Folds the queue reports of the several upstream calls one MAI request makes (one per image) into one.
import type { QueueStatus } from "../../../src/core/protocol/wire";

/** The worst (latest) of several queue reports, for one request that makes several upstream calls. */
export function combinedQueueReporter(
  onQueue: ((status: QueueStatus) => void) | undefined,
): (callIndex: number) => ((status: QueueStatus) => void) | undefined {
  if (!onQueue) return () => undefined;
  const latest = new Map<number, QueueStatus>();
  return (callIndex) => (status) => {
    latest.set(callIndex, status);
    const all = [...latest.values()];
    onQueue({
      position: Math.max(...all.map((s) => s.position)),
      expected_start_ms: Math.max(...all.map((s) => s.expected_start_ms ?? 0)),
    });
  };
}
