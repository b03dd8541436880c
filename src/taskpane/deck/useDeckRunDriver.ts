// React side of a run's driver: one DeckRunController per run, its state as React state, disposed with the panel.
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { DeckRun } from "../../core/deck";
import { DeckRunController, type DeckRunDeps } from "./deckRunController";

/**
 * The run and its controller. A new controller is made when `initial` changes identity (a new or loaded run);
 * the old one is disposed (its requests aborted; the stored run stays for Resume).
 */
export function useDeckRunDriver(initial: DeckRun | undefined, deps: DeckRunDeps | undefined) {
  const controller = useMemo(() => (initial && deps ? new DeckRunController(initial, deps) : undefined), [initial, deps]);
  useEffect(() => {
    controller?.attach();
    return () => controller?.dispose();
  }, [controller]);
  const subscribe = useMemo(() => controller?.subscribe ?? (() => () => undefined), [controller]);
  const run = useSyncExternalStore(subscribe, () => controller?.getSnapshot());
  return { controller, run };
}
