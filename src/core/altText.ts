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

/** The alt-text properties of a loaded Office picture (`Word.InlinePicture`, `PowerPoint.Shape` 1.10). */
export interface AltTextFields {
  altTextTitle: string;
  altTextDescription: string;
}

/** A picture's alt text read from its `altTextTitle`/`altTextDescription`, or `undefined` when both are empty. */
export function altTextOf(picture: AltTextFields): AltText | undefined {
  return picture.altTextTitle || picture.altTextDescription ? { title: picture.altTextTitle, description: picture.altTextDescription } : undefined;
}

/** Alt text for a picture made from `prompt`. */
export function altTextFor(prompt: string, title = DEFAULT_ALT_TITLE): AltText {
  const description = prompt.length > MAX_ALT_DESCRIPTION_CHARS ? `${prompt.slice(0, MAX_ALT_DESCRIPTION_CHARS - 1)}…` : prompt;
  return { title, description };
}

/**
 * Whether `altText` is Illustrate's own (issue #5: only alt text a person wrote is kept on replace): empty (no
 * title, no description), or the default title (`title`, or {@link DEFAULT_ALT_TITLE}) with the description
 * Illustrate wrote for `storedPrompt` (the prompt kept with the picture: PowerPoint shape tag, workbench data,
 * or what the Word adapter wrote this session) — the prompt itself or {@link altTextFor}'s capped form. Compared
 * after trimming (hosts may trim). Without a stored prompt, non-empty alt text counts as written by a person:
 * a description edited in the host's Alt Text pane keeps the default title, so the title alone proves nothing.
 */
export function isGeneratedAltText(altText: AltText | undefined, storedPrompt?: string, title = DEFAULT_ALT_TITLE): boolean {
  if (altText === undefined) return true;
  const oldTitle = altText.title.trim();
  const description = altText.description.trim();
  if (oldTitle === "" && description === "") return true;
  if (storedPrompt === undefined || (oldTitle !== title.trim() && oldTitle !== DEFAULT_ALT_TITLE)) return false;
  return description === storedPrompt.trim() || description === altTextFor(storedPrompt, title).description.trim();
}

/**
 * Alt text a replacing picture gets: `next` when the person asked (`overwrite`) or the old alt text is
 * Illustrate's own ({@link isGeneratedAltText} with the old picture's stored prompt); else the old alt text, kept.
 */
export function altTextOnReplace(old: AltText | undefined, storedPrompt: string | undefined, next: AltText, overwrite = false): AltText {
  if (overwrite || old === undefined || isGeneratedAltText(old, storedPrompt, next.title)) return next;
  return old;
}
