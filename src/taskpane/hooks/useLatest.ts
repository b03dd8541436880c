// A ref that holds the latest committed value, for callbacks that must read current props without re-subscribing.
import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * A ref whose `current` is `value` as of the last commit. Written in a layout effect (refs are not written
 * during render: react.dev/reference/react/useRef), so it is current before any passive effect or event
 * handler runs. Read it in effects, event handlers and async callbacks, never during render.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
