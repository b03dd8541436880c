// Alt text for a generated picture: a fixed title and the prompt as the description.

/** Alt-text title of every generated picture (issue #5: "AI-generated image"). Localized by the pane. */
export const DEFAULT_ALT_TITLE = "AI-generated image";

/** Longest alt-text description written to the document, in characters. */
export const MAX_ALT_DESCRIPTION_CHARS = 1000;

/** Alt text written to a picture. */
export interface AltText {
  title: string;
  description: string;
}

/** Alt text for a picture made from `prompt`. */
export function altTextFor(prompt: string, title = DEFAULT_ALT_TITLE): AltText {
  const description = prompt.length > MAX_ALT_DESCRIPTION_CHARS ? `${prompt.slice(0, MAX_ALT_DESCRIPTION_CHARS - 1)}…` : prompt;
  return { title, description };
}
