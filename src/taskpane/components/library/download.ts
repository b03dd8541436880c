// Saves a stored picture as a file: a Blob object URL on a temporary link, the file name made from the prompt.
import type { ImageMimeType } from "../../../core/types";

/** Longest file name stem (characters) taken from the prompt. */
const MAX_STEM = 60;

/**
 * A file name for a picture: the prompt's words (letters and digits of any script), joined by dashes, cut at
 * {@link MAX_STEM} characters, with the extension of the stored type (`.png` / `.jpg`). "illustrate" when nothing is left.
 */
export function downloadFileName(prompt: string, mimeType: ImageMimeType): string {
  const stem = prompt
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_STEM)
    .replace(/-+$/g, "");
  return `${stem || "illustrate"}.${mimeType === "image/jpeg" ? "jpg" : "png"}`;
}

/** Starts the download of `bytes` (as stored: PNG or JPEG) and revokes the object URL afterwards. */
export function downloadPicture(bytes: Uint8Array, mimeType: ImageMimeType, prompt: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = downloadFileName(prompt, mimeType);
  link.rel = "noopener";
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click has handed the URL to the download; revoke on the next task so the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
