// Picks the document host once Office is ready: the Word or PowerPoint adapter, or null outside Office.
import type { DocumentHost } from "../DocumentHost";
import { PowerPointHost } from "../powerpoint/PowerPointHost";
import { officePowerPointEnvironment } from "../powerpoint/powerPointEnvironment";
import { officeWordEnvironment, WordHost } from "../word/WordHost";
import { powerPointCapabilities, readRequirementFlags, wordCapabilities, type RequirementChecker } from "./requirementSets";

/** What `Office.onReady()` resolves with, reduced to what the choice needs. */
export interface OfficeReadyInfo {
  host: Office.HostType | string | null;
}

/** Seams for tests; the defaults are the Office.js globals. */
export interface CreateOfficeHostDeps {
  onReady?: () => Promise<OfficeReadyInfo>;
  requirements?: () => RequirementChecker;
  word?: (requirements: RequirementChecker) => DocumentHost;
  powerPoint?: (requirements: RequirementChecker) => DocumentHost;
}

/**
 * Waits for `Office.onReady()` and returns the adapter for its `host` (as the yo-office template picks
 * `word.ts`/`powerpoint.ts`), with the capability map computed once from requirement sets. Returns `null` when the
 * page is not inside Word or PowerPoint: office.js then resolves with `host: null` (the workbench's case), or
 * office.js is not loaded at all.
 */
export async function createOfficeHost(deps: CreateOfficeHostDeps = {}): Promise<DocumentHost | null> {
  const onReady = deps.onReady ?? (() => (typeof Office === "undefined" ? Promise.resolve({ host: null }) : Office.onReady()));
  const info = await onReady();
  const requirements = deps.requirements ?? (() => Office.context.requirements);
  switch (info.host) {
    case "Word":
      return (deps.word ?? ((r) => new WordHost(officeWordEnvironment(wordCapabilities(readRequirementFlags(r))))))(requirements());
    case "PowerPoint":
      return (deps.powerPoint ?? ((r) => new PowerPointHost(officePowerPointEnvironment(powerPointCapabilities(readRequirementFlags(r))))))(
        requirements(),
      );
    default:
      return null;
  }
}
