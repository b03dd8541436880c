// How the PowerPoint adapter reaches PowerPoint (`PowerPoint.run`, `Office.context.document`) and runs one timed step.
import { DEFAULT_STEP_TIMEOUT_MS, withTimeout } from "../office/async";
import type { OfficeCapabilities } from "../office/requirementSets";
import type { OfficeDocumentLike } from "../office/documentState";
import { toHostError } from "../office/officeErrors";

/** How the adapter reaches PowerPoint: `PowerPoint.run` and `Office.context.document` in Office, fakes in tests. */
export interface PowerPointEnvironment {
  run<T>(batch: (context: PowerPoint.RequestContext) => Promise<T>): Promise<T>;
  document: OfficeDocumentLike;
  capabilities: OfficeCapabilities;
  /** Time limit of each step, in ms. @default DEFAULT_STEP_TIMEOUT_MS */
  stepTimeoutMs?: number;
}

/** The Office.js default environment. */
export function officePowerPointEnvironment(capabilities: OfficeCapabilities): PowerPointEnvironment {
  return { run: (batch) => PowerPoint.run(batch), document: Office.context.document, capabilities };
}

/** The time limit of one step of `env`, in ms. */
export function stepTimeoutMs(env: PowerPointEnvironment): number {
  return env.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
}

/**
 * One `PowerPoint.run` behind a timeout: long `sync()` chains after an image insert can hang on the web
 * (office-js #5022), so each step gets its own run.
 * @throws HostError from {@link toHostError} (`timeout` when the step did not finish in time).
 */
export async function runStep<T>(env: PowerPointEnvironment, what: string, batch: (context: PowerPoint.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await withTimeout(env.run(batch), stepTimeoutMs(env), what);
  } catch (error) {
    throw toHostError(error, what);
  }
}
