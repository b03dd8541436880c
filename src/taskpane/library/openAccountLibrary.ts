// Wires the picture library for the pane: the ImageClient's byte checks, the canvas thumbnailer, the browser's IDB.
import { base64ToBytes, bytesToBase64 } from "../../imaging/base64";
import { validateImageBase64 } from "../../imaging/validateImage";
import {
  createCanvasThumbnailer,
  openPictureLibrary,
  type ImageBytesCodec,
  type LibraryAccount,
  type OpenedLibrary,
  type OpenLibraryOptions,
} from "../../library";

/** The image checks of `src/imaging` (one home for what a valid picture is), as the library needs them. */
export const imageBytesCodec: ImageBytesCodec = {
  check: (base64) => validateImageBase64(base64, { field: "stored picture" }),
  decode: base64ToBytes,
  encode: bytesToBase64,
};

/**
 * Opens `account`'s library in this pane (IndexedDB, or memory when that fails: check `persistent`).
 * Call it after first paint (it is not needed to show the pane).
 */
export function openAccountLibrary(
  account: LibraryAccount,
  events: Pick<OpenLibraryOptions, "onBlocked" | "onVersionChange"> = {},
): Promise<OpenedLibrary> {
  return openPictureLibrary({ account, codec: imageBytesCodec, makeThumbnail: createCanvasThumbnailer(), ...events });
}
