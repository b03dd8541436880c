// State mirrored to localStorage so it survives a pane reload (and follows edits made in another pane).
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from "react";
import { useLatest } from "./useLatest";

/** The storage the pane uses; `null` where storage is blocked (some Office sandboxes, private modes). */
function paneStorage(): Storage | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

function read<T>(storage: Storage | null, key: string, isValid: (value: unknown) => value is T): T | undefined {
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(key);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined; // unreadable or corrupt: start from the default, never crash the pane
  }
}

/**
 * Like `useState`, but the value is read from `localStorage[key]` on first render, written back on every
 * change, and updated when another pane (another window on the same origin) writes the key.
 * `isValid` guards against stale or corrupt stored data. Storage failures (quota, blocked) are ignored:
 * the state still works in memory.
 */
export function usePersistentState<T>(key: string, initial: T, isValid: (value: unknown) => value is T): [T, Dispatch<SetStateAction<T>>] {
  const [storage] = useState(paneStorage);
  const [value, setValue] = useState<T>(() => read(storage, key, isValid) ?? initial);

  useEffect(() => {
    try {
      storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Quota exceeded or storage blocked: keep the value in memory.
    }
  }, [storage, key, value]);

  const validate = useLatest(isValid);
  const onStorage = useCallback(
    (event: StorageEvent) => {
      if (event.key !== key || event.newValue === null) return;
      try {
        const next: unknown = JSON.parse(event.newValue);
        if (validate.current(next)) setValue(next);
      } catch {
        // ignore foreign or corrupt values
      }
    },
    [key, validate],
  );
  useEffect(() => {
    if (typeof window === "undefined") return undefined;
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [onStorage]);

  return [value, setValue];
}
