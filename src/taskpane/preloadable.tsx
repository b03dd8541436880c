// A component loaded after first paint (React.lazy over a dynamic import) that can be fetched ahead of its first use.
import { lazy, Suspense, useState, type ComponentType, type JSX } from "react";

/** A lazily loaded component and the function that fetches its chunk ahead of time. */
export interface Preloadable<P extends object> {
  /** Renders the loaded component (the fallback, or nothing, while its chunk is still loading). */
  Component: (props: P) => JSX.Element;
  /** Fetches the chunk now; once it has resolved, the next mount renders at once (no Suspense fallback). */
  preload(): Promise<void>;
}

/**
 * Wraps `load` (a dynamic `import()` of one module, so webpack puts it and what only it uses in its own chunk).
 * A mount decides once which to render: the module already preloaded (synchronously, no flash) or `React.lazy`
 * (suspends until the chunk arrives) — never switching later, so a mounted panel keeps its state and focus.
 * A failed load rejects `preload` and lets the lazy path retry on the next mount. `Fallback` (same props) shows while
 * the chunk loads, e.g. a plainer control that already works.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>, Fallback?: ComponentType<P>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => fetchOnce().then((component) => ({ default: component })));
  function Component(props: P): JSX.Element {
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return (
      <Suspense fallback={Fallback ? <Fallback {...props} /> : null}>
        <Chosen {...props} />
      </Suspense>
    );
  }
  return { Component, preload: () => fetchOnce().then(() => undefined) };
}
