// Limits of the image API that the pane and the gateway both apply. Source: shared/docs/image-api.md.

/** Longest prompt sent to the API, in characters (gpt-image accepts 32,000; MAI and our gateway keep it short). */
export const MAX_PROMPT_CHARS = 4000;
/** Most images one request may ask for (`n`). */
export const MAX_IMAGES_PER_REQUEST = 4;
/** Most partial images one streamed image may carry (`partial_images`, gpt-image: 0–3). */
export const MAX_PARTIAL_IMAGES = 3;
/** Largest input picture of an edit, in bytes (image-api.md: < 50 MB). */
export const MAX_EDIT_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest mask of an edit, in bytes (image-api.md: < 4 MB). */
export const MAX_MASK_BYTES = 4 * 1024 * 1024;
/** Largest single Server-Sent Event, in characters: a high-quality 3840 px PNG partial in base64 is ~30 M. */
export const MAX_EVENT_CHARS = 64 * 1024 * 1024;
