// Requirement sets → the capability map of the Word and PowerPoint adapters, computed once at start-up; the feature guard.
import type { HostCapabilities, HostFeature } from "../DocumentHost";
import { HostError } from "../errors";

/** The part of `Office.context.requirements` the map needs (injectable for tests). */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Requirement sets the adapters branch on, by name and version. */
const REQUIREMENT_SETS = {
  wordApi11: ["WordApi", "1.1"],
  wordApi12: ["WordApi", "1.2"],
  wordApi13: ["WordApi", "1.3"],
  wordApi14: ["WordApi", "1.4"],
  wordApiDesktop13: ["WordApiDesktop", "1.3"],
  powerPointApi13: ["PowerPointApi", "1.3"],
  powerPointApi14: ["PowerPointApi", "1.4"],
  powerPointApi15: ["PowerPointApi", "1.5"],
  powerPointApi18: ["PowerPointApi", "1.8"],
  powerPointApi110: ["PowerPointApi", "1.10"],
  imageCoercion11: ["ImageCoercion", "1.1"],
} as const satisfies Record<string, readonly [string, string]>;

/** Which requirement sets the host supports. */
export type RequirementFlags = Record<keyof typeof REQUIREMENT_SETS, boolean>;

/** {@link HostCapabilities} plus the requirement sets behind them, for the adapters' own branches. */
export interface OfficeCapabilities extends HostCapabilities {
  sets: RequirementFlags;
}

/** Asks the host about every set in {@link REQUIREMENT_SETS}. */
export function readRequirementFlags(requirements: RequirementChecker): RequirementFlags {
  const flags = {} as RequirementFlags;
  for (const [key, [name, version]] of Object.entries(REQUIREMENT_SETS)) {
    flags[key as keyof RequirementFlags] = requirements.isSetSupported(name, version);
  }
  return flags;
}

type Rule = { needs: (keyof RequirementFlags)[]; reason: string }[];

/** The first missing set of each feature names the reason (a message key of the pane's strings). */
function evaluate(sets: RequirementFlags, rules: Record<HostFeature, Rule>): OfficeCapabilities {
  const features = {} as Record<HostFeature, boolean>;
  const reasons: Partial<Record<HostFeature, string>> = {};
  for (const [feature, rule] of Object.entries(rules) as [HostFeature, Rule][]) {
    const missing = rule.find((r) => r.needs.some((set) => !sets[set]));
    features[feature] = !missing;
    if (missing) reasons[feature] = missing.reason;
  }
  return { features, reasons, sets };
}

/**
 * Word: insert needs `Range.insertInlinePictureFromBase64` (WordApi 1.2); replace and edit need the selected
 * picture, `Range.inlinePictures` (WordApi 1.3); alt text is `InlinePicture.altTextTitle/Description` (1.1).
 */
export function wordCapabilities(sets: RequirementFlags): OfficeCapabilities {
  const insert = { needs: ["wordApi12"] as (keyof RequirementFlags)[], reason: "capability.needsWordApi12" };
  const selectedPicture = { needs: ["wordApi13"] as (keyof RequirementFlags)[], reason: "capability.needsWordApi13" };
  return evaluate(sets, {
    insertPicture: [insert],
    replacePicture: [insert, selectedPicture],
    editPicture: [insert, selectedPicture],
    altText: [{ needs: ["wordApi11"], reason: "capability.needsWordApi11" }],
    // Sections from `body.paragraphs` + `styleBuiltIn` (WordApi 1.3); insert after a section's first paragraph.
    deck: [insert, selectedPicture],
    // Content control around the picture (1.1) + custom XML part for prompt/style/model (WordApi 1.4).
    provenance: [insert, { needs: ["wordApi14"], reason: "capability.needsWordApi14" }],
  });
}

/**
 * PowerPoint: insert needs Image coercion (ImageCoercion 1.1) and the current slide's shapes to find and verify
 * the new picture (`getSelectedSlides`, PowerPointApi 1.5). Replace needs the selected shape (1.5). Edit needs
 * `Shape.getImageAsBase64` (1.10) because PowerPoint has no other way to read a picture's bytes. Alt text
 * (`Shape.altTextTitle/Description`) is 1.10; below it the prompt is kept in the shape's tags only.
 */
export function powerPointCapabilities(sets: RequirementFlags): OfficeCapabilities {
  const coercion = { needs: ["imageCoercion11"] as (keyof RequirementFlags)[], reason: "capability.needsImageCoercion11" };
  const shapes = { needs: ["powerPointApi15"] as (keyof RequirementFlags)[], reason: "capability.needsPowerPointApi15" };
  const api110 = { needs: ["powerPointApi110"] as (keyof RequirementFlags)[], reason: "capability.needsPowerPointApi110" };
  return evaluate(sets, {
    insertPicture: [coercion, shapes],
    replacePicture: [coercion, shapes],
    editPicture: [coercion, shapes, api110],
    altText: [api110],
    // `presentation.slides` (1.2), `Slide.shapes` text (1.4), `setSelectedSlides` to insert on a given slide (1.5).
    deck: [coercion, shapes],
    // `Shape.tags` (PowerPointApi 1.3) hold the provenance; reading them back needs the selected shape (1.5).
    provenance: [coercion, shapes],
  });
}

/**
 * Throws `HostError("unsupported")` with the reason key when `feature` is off. The pane hides or disables such
 * features up front; this guards calls that come anyway.
 */
export function assertFeature(capabilities: HostCapabilities, feature: HostFeature, app: string): void {
  if (!capabilities.features[feature]) {
    throw new HostError("unsupported", `this version of ${app} cannot do this (${capabilities.reasons[feature] ?? feature})`);
  }
}
