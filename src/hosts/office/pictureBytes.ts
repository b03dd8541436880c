// Turns base64 picture bytes read back from a document into validated PictureData (PNG or JPEG only).
import { imageSize } from "image-size";
import type { ImageMimeType, PictureData } from "../../core/types";
import { HostError } from "../errors";

const MIME: Record<string, ImageMimeType> = { png: "image/png", jpg: "image/jpeg" };

/** Strips a `data:…;base64,` prefix if the host added one (the seam carries raw base64, office-js #4065). */
function rawBase64(value: string): string {
  const comma = value.startsWith("data:") ? value.indexOf(",") : -1;
  return comma >= 0 ? value.slice(comma + 1) : value;
}

/**
 * Decodes the bytes far enough to know their type and pixel size.
 * @throws HostError `unsupported` for formats the image API cannot edit (EMF, GIF, BMP, SVG…) or bytes that are
 *   not an image.
 */
export function pictureDataFromBase64(value: string): PictureData {
  const base64 = rawBase64(value);
  let info: ReturnType<typeof imageSize> | undefined;
  try {
    info = imageSize(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  } catch (error) {
    throw new HostError("unsupported", "the selected picture's bytes are not an image that can be read", { cause: error });
  }
  const mimeType = info.type ? MIME[info.type] : undefined;
  if (!mimeType || !info.width || !info.height) {
    throw new HostError("unsupported", `the selected picture is ${info.type ?? "an unknown format"}; only PNG and JPEG can be edited`);
  }
  return { base64, mimeType, size: { widthPx: info.width, heightPx: info.height } };
}
