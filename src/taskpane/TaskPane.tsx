// The Illustrate task pane: prompt from the selection, options, Generate/Cancel, results, Insert/Replace, history.
import { useEffect } from "react";
import { preloadPanels } from "./lazyPanels";
import { useTaskPane } from "./useTaskPane";
import { renderTaskPane } from "./renderTaskPane";
import { useTaskPaneStyles } from "./useTaskPaneStyles.styles";
import type { TaskPaneProps } from "./TaskPane.types";
import { DeckEntry } from "./deck/DeckEntry";

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
  const deckEntry = (
    <DeckEntry
      t={state.t}
      appName={state.appName}
      host={props.host}
      imageClient={props.imageClient}
      {...(props.session ? { session: props.session } : {})}
      {...(props.deckServices ? { deckServices: props.deckServices } : {})}
      {...(props.promptWriter ? { promptWriter: props.promptWriter } : {})}
    />
  );
  return renderTaskPane(state, styles, deckEntry);
}
