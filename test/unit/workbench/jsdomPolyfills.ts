// Node globals jsdom leaves out that the workbench's imports need (image-size reads headers with TextDecoder).
import { TextDecoder, TextEncoder } from "node:util";

if (typeof globalThis.TextDecoder === "undefined") Object.assign(globalThis, { TextDecoder, TextEncoder });
