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

// Fluent renders are slow on a busy 2-core machine: wait up to 5 s for what a person would see.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
