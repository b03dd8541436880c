// The Illustrate task pane: prompt from the selection, options, Generate/Cancel, results, Insert/Replace, history.
import { useEffect } from "react";
import { preloadPanels } from "./lazyPanels";
import { useTaskPane } from "./useTaskPane";
import { renderTaskPane } from "./renderTaskPane";
import { useTaskPaneStyles } from "./useTaskPaneStyles.styles";
import type { TaskPaneProps } from "./TaskPane.types";

export type { TaskPaneProps } from "./TaskPane.types";

/**
 * The task pane. It receives its document (`host`), image API client and optional sign-in `session`;
 * it never calls Office itself. Render inside a `FluentProvider` (see {@link mountTaskPane}).
 */
export function TaskPane(props: TaskPaneProps) {
  const state = useTaskPane(props);
  const styles = useTaskPaneStyles();
  // After first paint: fetch the results, progress, message and account chunks before anyone needs them.
  useEffect(() => preloadPanels(), []);
  return renderTaskPane(state, styles);
}
