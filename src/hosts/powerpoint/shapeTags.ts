// Shape tags Illustrate writes on PowerPoint pictures: the prompt key and how to read it back (pure, no Office).

/**
 * Shape tag holding the prompt a picture was made from (`Shape.tags`, PowerPointApi 1.3). PowerPoint stores tag
 * keys upper-case, so the key is written upper-case and compared case-insensitively.
 */
export const PROMPT_TAG = "ILLUSTRATE_PROMPT";

/** A shape tag as read from `Shape.tags.items`. */
export interface ShapeTag {
  key: string;
  value: string;
}

/** The prompt kept in a shape's tags ({@link PROMPT_TAG}, any case), or `undefined` when there is none. */
export function promptOf(tags: readonly ShapeTag[]): string | undefined {
  return tags.find((t) => t.key.toUpperCase() === PROMPT_TAG)?.value;
}

/** `tags` with the prompt tag set to `prompt`: the old {@link PROMPT_TAG} entry dropped, other tags kept in order. */
export function withPromptTag(tags: readonly ShapeTag[], prompt: string): ShapeTag[] {
  return [...tags.filter((t) => t.key !== PROMPT_TAG), { key: PROMPT_TAG, value: prompt }];
}
