// Shared value types of Illustrate: images, sizes, aspect ratios and backends. No Office, React or network here.
// The API's own value types (`OutputFormat`, `ImageQuality`, `BackendInfo`, `PixelSize`, `AspectRatio`) live in
// ./protocol/wire.ts, which the gateway imports too.
import type { BackendInfo, PixelSize } from "./protocol/wire";

export type { AspectRatio, BackendInfo, ImageQuality, OutputFormat, PixelSize } from "./protocol/wire";

/** A size in points (1 pt = 1/72 inch), the unit of Word and PowerPoint geometry. */
export interface PointSize {
  widthPt: number;
  heightPt: number;
}

/** MIME types the document hosts accept for pictures (SVG renders broken in PowerPoint, office-js #3018). */
export type ImageMimeType = "image/png" | "image/jpeg";

/**
 * Picture bytes ready for a document host.
 * `base64` is raw base64 with no `data:` prefix (a prefix breaks PowerPoint on the web, office-js #4065).
 */
export interface PictureData {
  base64: string;
  mimeType: ImageMimeType;
  /** Decoded pixel size of the bytes (validated, not just claimed). */
  size: PixelSize;
}

/** One image the API returned, validated, with what made it. */
export interface GeneratedImage extends PictureData {
  /** Prompt as rewritten by the model (`revised_prompt`), when the backend returns one. */
  revisedPrompt?: string;
  backend: BackendInfo;
}
