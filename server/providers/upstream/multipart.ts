// Builds the file parts of upstream multipart requests (edits): the picture and the optional mask.
import type { NormalizedEditRequest } from "../Provider";

/** `bytes` as a Blob part of `type` (copied: a Blob needs a plain ArrayBuffer view). */
function blobOf(bytes: Uint8Array, type: string): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}

/** Sets `image` (PNG/JPEG, with a file name upstream APIs require) and, when given, `mask` (PNG) on `form`. */
export function setEditFiles(form: FormData, request: Pick<NormalizedEditRequest, "image" | "mask">): FormData {
  const { image, mask } = request;
  const extension = image.mimeType === "image/png" ? "png" : "jpg";
  form.set("image", blobOf(image.bytes, image.mimeType), image.filename ?? `image.${extension}`);
  if (mask) form.set("mask", blobOf(mask.bytes, "image/png"), mask.filename ?? "mask.png");
  return form;
}
