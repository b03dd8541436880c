// Shared value types of Illustrate: images, sizes, aspect ratios and backends. No Office, React or network here.

/** Aspect ratio the person picks in the pane. */
export type AspectRatio = "square" | "landscape" | "portrait";

/** A size in pixels (image space). Never mix with points (document space). */
export interface PixelSize {
  widthPx: number;
  heightPx: number;
}

/** A size in points (1 pt = 1/72 inch), the unit of Word and PowerPoint geometry. */
export interface PointSize {
  widthPt: number;
  heightPt: number;
}

/** MIME types the document hosts accept for pictures (SVG renders broken in PowerPoint, office-js #3018). */
export type ImageMimeType = "image/png" | "image/jpeg";

/** Output formats of the OpenAI image API (`output_format`). */
export type OutputFormat = "png" | "jpeg";

/** Image quality of the OpenAI image API (`quality`). */
export type ImageQuality = "low" | "medium" | "high" | "auto";

/** Which backend made an image; shown beside every picture in the pane. */
export interface BackendInfo {
  /** Provider id: `local`, `foundry-mai`, `azure-openai`. */
  provider: string;
  /** Model or deployment name, e.g. `MAI-Image-2` or `local-renderer`. */
  model: string;
  /** True for the offline renderer: it is not an AI model and the pane says so. */
  offline: boolean;
  /**
   * True when `stream: true` passes partial images through; false when the backend cannot stream (Foundry
   * MAI): the pane then shows progress instead. Absent: not known, treat as false.
   */
  streaming?: boolean;
}

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
