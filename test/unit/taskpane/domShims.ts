// jsdom gaps and timeouts for rendering Fluent UI components in the pane tests (import for its effects).
import { configure } from "@testing-library/react";
// TextDecoder for image-size (the pane validates pictures before insert).
import "../workbench/jsdomPolyfills";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow its actions. Nothing to observe here.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// jsdom has no structuredClone (browsers and Node do); the picture library and fake-indexeddb clone records with it.
// A v8 round trip, with typed arrays rebuilt in this realm so `instanceof Uint8Array` holds as in a browser.
if (typeof globalThis.structuredClone !== "function") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jsdom shim loaded only when the gap exists
  const v8 = require("node:v8") as typeof import("node:v8");
  const relm = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
    if (Array.isArray(value)) return value.map(relm);
    if (value && typeof value === "object" && Object.getPrototypeOf(value) !== null && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relm(v)]));
    }
    return value;
  };
  globalThis.structuredClone = ((value: unknown) => relm(v8.deserialize(v8.serialize(value)))) as typeof structuredClone;
}

// jsdom lays nothing out, so every element measures 0×0 and a virtualized list would show no rows. Give elements a
// pane-sized scroll box (a narrow task pane); rows measure 0 px (no layout), so a test sees every row fetched so @tanstack/react-virtual renders the rows in view.
if (typeof window !== "undefined") {
  const box = { width: 320, height: 420, top: 0, left: 0, right: 320, bottom: 420, x: 0, y: 0, toJSON: () => ({}) };
  window.HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect() {
    return box as DOMRect;
  };
  // The virtualizer reads its scroll box from clientWidth/clientHeight (virtual-core `getRect`).
  Object.defineProperty(window.HTMLElement.prototype, "clientHeight", { configurable: true, get: () => box.height });
  Object.defineProperty(window.HTMLElement.prototype, "clientWidth", { configurable: true, get: () => box.width });
}

// jsdom has no crypto.subtle (browsers have it in secure contexts); the library hashes account ids with it.
if (typeof window !== "undefined" && !globalThis.crypto?.subtle) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jsdom shim loaded only when the gap exists
  const { webcrypto } = require("node:crypto") as typeof import("node:crypto");
  Object.defineProperty(globalThis, "crypto", { configurable: true, value: webcrypto });
}

// jsdom has no object URLs; thumbnails and downloads use them. Hand out unique blob: URLs and track the live ones.
if (typeof window !== "undefined" && typeof URL.createObjectURL !== "function") {
  let next = 0;
  const live = new Set<string>();
  URL.createObjectURL = () => {
    const url = `blob:http://localhost/${(next += 1)}`;
    live.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void live.delete(url);
  (globalThis as unknown as { liveObjectUrls: Set<string> }).liveObjectUrls = live;
}

// Fluent renders are slow on a busy 2-core machine: wait up to 5 s for what a person would see.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(120_000); // a bound for a stuck test, not a speed check: pane tests on fake-indexeddb take seconds each on a loaded 2-core CI machine
