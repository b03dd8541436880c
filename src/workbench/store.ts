// A tiny observable state container for the workbench's document models (read by React via useSyncExternalStore).

/** Holds one immutable state value and tells subscribers when it is replaced. */
export interface Store<S> {
  /** The current state (same object until the next {@link Store.update}). */
  get(): S;
  /** Replaces the state with `update(current)`; subscribers are told only when the result is a new object. */
  update(update: (state: S) => S): void;
  /** Calls `listener` after each change. Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Creates a {@link Store} holding `initial`. */
export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(update) {
      const next = update(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
