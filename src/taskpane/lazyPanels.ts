// Everything in the pane that is not first paint (prompt, Use selection, options, Generate), each in its own chunk.
import { preloadInsert } from "./hooks/useInsert";
import { preloadModelRules } from "./hooks/useGeneration";
import { PlainStylePicker } from "./components/PlainStylePicker";
import { preloadable } from "./preloadable";
import { withStrings } from "./strings/importStrings";
import { whenIdle } from "./whenIdle";

/** Results with alt text and Insert (`components/ResultsPanel`). */
export const LazyResultsPanel = preloadable(withStrings(() => import("./components/ResultsPanel").then((m) => m.ResultsPanel)));
/** Where Insert puts the picture (`components/PlacementFields`). */
export const LazyPlacementFields = preloadable(withStrings(() => import("./components/PlacementFields").then((m) => m.PlacementFields)));
/** The session's history (`components/HistoryPanel`). */
export const LazyHistoryPanel = preloadable(withStrings(() => import("./components/HistoryPanel").then((m) => m.HistoryPanel)));
/** Model, quality and transparency (`components/ModelOptionsFields`), shown once the served models are known. */
export const LazyModelOptionsFields = preloadable(withStrings(() => import("./components/ModelOptionsFields").then((m) => m.ModelOptionsFields)));
/** Sign in / Sign out (`components/AccountBar`). */
export const LazyAccountBar = preloadable(withStrings(() => import("./components/AccountBar").then((m) => m.AccountBar)));
/** Errors, warnings and notices (`components/PaneMessageBar`). */
export const LazyPaneMessageBar = preloadable(withStrings(() => import("./components/PaneMessageBar").then((m) => m.PaneMessageBar)));
/** Fluent's Spinner (`components/StatusSpinner`), not first paint: beside the status line while generating, and while the deck panel loads. */
export const LazyStatusSpinner = preloadable(withStrings(() => import("./components/StatusSpinner").then((m) => m.StatusSpinner)));
/** The progress while generating (`components/GenerationProgress`). */
export const LazyProgress = preloadable(withStrings(() => import("./components/GenerationProgress").then((m) => m.GenerationProgress)));

/**
 * The style picker with swatches (a Fluent Dropdown: popup positioning and focus management), in its own chunk; until
 * it arrives, the same choice as a native select ({@link PlainStylePicker}), so first paint already works.
 */
export const LazyStylePicker = preloadable(
  withStrings(() => import("./components/StylePicker").then((m) => m.StylePicker)),
  PlainStylePicker,
);

const ALL = [
  LazyStylePicker,
  LazyResultsPanel,
  LazyPlacementFields,
  LazyHistoryPanel,
  LazyModelOptionsFields,
  LazyAccountBar,
  LazyPaneMessageBar,
  LazyProgress,
  LazyStatusSpinner,
];

/**
 * Fetches every after-first-paint chunk, once the browser is idle after first paint (so the first Generate, its
 * progress, results and any error never wait on the network). Failures are left to the lazy path (it retries).
 */
export function preloadPanels(): void {
  whenIdle(() => void Promise.all([...ALL.map((panel) => panel.preload()), preloadInsert(), preloadModelRules()]).catch(() => undefined));
}
