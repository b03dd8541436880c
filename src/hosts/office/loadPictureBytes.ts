// Loads the picture-bytes reader (image-size) on first use: only Edit reads a picture back, never first paint.

/** The module of `pictureDataFromBase64` (./pictureBytes), in its own chunk. */
export function loadPictureBytes(): Promise<typeof import("./pictureBytes")> {
  return import(/* webpackChunkName: "picture-bytes" */ "./pictureBytes");
}
