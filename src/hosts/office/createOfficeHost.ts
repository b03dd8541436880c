// Picks the document host once Office is ready: the Word or PowerPoint adapter (only that one is loaded), or null outside Office.
import type { DocumentHost } from "../DocumentHost";
import { powerPointCapabilities, readRequirementFlags, wordCapabilities, type RequirementChecker } from "./requirementSets";

/** The Word adapter, in its own chunk: a PowerPoint pane never downloads it (and the reverse). */
async function loadWordHost(requirements: RequirementChecker): Promise<DocumentHost> {
  const { WordHost, officeWordEnvironment } = await import(/* webpackChunkName: "word-host" */ "../word/WordHost");
  return new WordHost(officeWordEnvironment(wordCapabilities(readRequirementFlags(requirements))));
}

/** The PowerPoint adapter, in its own chunk. */
async function loadPowerPointHost(requirements: RequirementChecker): Promise<DocumentHost> {
  const [{ PowerPointHost }, { officePowerPointEnvironment }] = await Promise.all([
    import(/* webpackChunkName: "powerpoint-host" */ "../powerpoint/PowerPointHost"),
    import(/* webpackChunkName: "powerpoint-host" */ "../powerpoint/powerPointEnvironment"),
  ]);
  return new PowerPointHost(officePowerPointEnvironment(powerPointCapabilities(readRequirementFlags(requirements))));
}

/** What `Office.onReady()` resolves with, reduced to what the choice needs. */
export interface OfficeReadyInfo {
  host: Office.HostType | string | null;
}

/** Seams for tests; the defaults are the Office.js globals. */
export interface CreateOfficeHostDeps {
  onReady?: () => Promise<OfficeReadyInfo>;
  requirements?: () => RequirementChecker;
  word?: (requirements: RequirementChecker) => DocumentHost | Promise<DocumentHost>;
  powerPoint?: (requirements: RequirementChecker) => DocumentHost | Promise<DocumentHost>;
}

/**
 * Waits for `Office.onReady()` and returns the adapter for its `host` (as the yo-office template picks
 * `word.ts`/`powerpoint.ts`), with the capability map computed once from requirement sets. Returns `null` when the
 * page is not inside Word or PowerPoint: office.js then resolves with `host: null` (the workbench's case), or
 * office.js is not loaded at all. The chosen adapter's chunk loads here, after `onReady` (the other app's never does).
 * @throws when that chunk cannot be loaded (the caller shows "could not start").
 */
export async function createOfficeHost(deps: CreateOfficeHostDeps = {}): Promise<DocumentHost | null> {
  const onReady = deps.onReady ?? (() => (typeof Office === "undefined" ? Promise.resolve({ host: null }) : Office.onReady()));
  const info = await onReady();
  const requirements = deps.requirements ?? (() => Office.context.requirements);
  switch (info.host) {
    case "Word":
      return (deps.word ?? loadWordHost)(requirements());
    case "PowerPoint":
      return (deps.powerPoint ?? loadPowerPointHost)(requirements());
    default:
      return null;
  }
}
