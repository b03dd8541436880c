// Shape tags Illustrate writes on PowerPoint pictures: prompt and provenance keys, written and read back (pure, no Office).
import type { PictureProvenance } from "../DocumentHost";

/**
 * Shape tag holding the prompt a picture was made from (`Shape.tags`, PowerPointApi 1.3). PowerPoint stores tag
 * keys upper-case, so the keys are written upper-case and compared case-insensitively.
 */
export const PROMPT_TAG = "ILLUSTRATE_PROMPT";
/** The picture's id in the pane's library ({@link PictureProvenance.libraryId}); also what deck inserts are found again by. */
export const LIBRARY_ID_TAG = "ILLUSTRATE_ID";
/** Style preset id. */
export const STYLE_TAG = "ILLUSTRATE_STYLE";
/** Model or deployment that made the picture. */
export const MODEL_TAG = "ILLUSTRATE_MODEL";
/** API size asked for, e.g. "1536x1024" (pixels). */
export const SIZE_TAG = "ILLUSTRATE_SIZE";

/** Every key Illustrate owns; replacing provenance drops all of them first. */
const OWN_KEYS = [PROMPT_TAG, LIBRARY_ID_TAG, STYLE_TAG, MODEL_TAG, SIZE_TAG];

/** A shape tag as read from `Shape.tags.items`. */
export interface ShapeTag {
  key: string;
  value: string;
}

const valueOf = (tags: readonly ShapeTag[], key: string) => tags.find((t) => t.key.toUpperCase() === key)?.value;

/** The prompt kept in a shape's tags ({@link PROMPT_TAG}, any case), or `undefined` when there is none. */
export function promptOf(tags: readonly ShapeTag[]): string | undefined {
  return valueOf(tags, PROMPT_TAG);
}

/** The library id tagged on a shape ({@link LIBRARY_ID_TAG}), or `undefined`. */
export function libraryIdOf(tags: readonly ShapeTag[]): string | undefined {
  return valueOf(tags, LIBRARY_ID_TAG) || undefined;
}

/** `tags` with the prompt tag set to `prompt`: the old {@link PROMPT_TAG} entry dropped, other tags kept in order. */
export function withPromptTag(tags: readonly ShapeTag[], prompt: string): ShapeTag[] {
  return [...tags.filter((t) => t.key.toUpperCase() !== PROMPT_TAG), { key: PROMPT_TAG, value: prompt }];
}

/** The tags that record `provenance` (prompt, library id, style, and model/size when known). */
export function provenanceTags(provenance: PictureProvenance): ShapeTag[] {
  const tags: ShapeTag[] = [
    { key: PROMPT_TAG, value: provenance.prompt },
    { key: LIBRARY_ID_TAG, value: provenance.libraryId },
    { key: STYLE_TAG, value: provenance.style },
  ];
  if (provenance.model) tags.push({ key: MODEL_TAG, value: provenance.model });
  if (provenance.size) tags.push({ key: SIZE_TAG, value: provenance.size });
  return tags;
}

/**
 * `tags` with Illustrate's own entries replaced: every `ILLUSTRATE_*` key of {@link OWN_KEYS} dropped (an old model or
 * size does not survive a replace that has none), other tags kept in order, then the prompt and, when given,
 * `provenance` appended.
 */
export function withIllustrateTags(tags: readonly ShapeTag[], prompt: string, provenance?: PictureProvenance): ShapeTag[] {
  const others = tags.filter((t) => !OWN_KEYS.includes(t.key.toUpperCase()));
  return [...others, ...(provenance ? provenanceTags({ ...provenance, prompt }) : [{ key: PROMPT_TAG, value: prompt }])];
}

/**
 * The provenance a shape's tags record, or `undefined` when they are not Illustrate's: a library id, a prompt and a
 * style must all be there (a prompt tag alone — written by older versions — or a stray tag is not a claim).
 */
export function provenanceOf(tags: readonly ShapeTag[]): PictureProvenance | undefined {
  const libraryId = libraryIdOf(tags);
  const prompt = promptOf(tags);
  const style = valueOf(tags, STYLE_TAG);
  if (!libraryId || prompt === undefined || style === undefined) return undefined;
  const provenance: PictureProvenance = { libraryId, prompt, style };
  const model = valueOf(tags, MODEL_TAG);
  const size = valueOf(tags, SIZE_TAG);
  if (model) provenance.model = model;
  if (size) provenance.size = size;
  return provenance;
}

/** Tags as a plain record (upper-case keys), the form the workbench stand-in keeps. */
export function tagsToRecord(tags: readonly ShapeTag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.key.toUpperCase(), t.value]));
}

/** A record of tags as a list. */
export function tagsFromRecord(record: Readonly<Record<string, string>>): ShapeTag[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}
