// Renders the task pane with fakes for a test, inside FluentProvider like mountTaskPane does.
import "./domShims"; // first: the jsdom gaps must be filled before the pane's modules load
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPane } from "../../../src/taskpane/TaskPane";
import type { TaskPaneProps } from "../../../src/taskpane/TaskPane.types";
import { FakeHost, FakeImageClient } from "./fakes";

/** Renders the pane; returns the fakes, the RTL result and a user-event instance. */
export function renderPane(overrides: Partial<TaskPaneProps> & { host?: FakeHost; imageClient?: FakeImageClient } = {}) {
  const host = overrides.host ?? new FakeHost();
  const imageClient = overrides.imageClient ?? new FakeImageClient();
  const props: TaskPaneProps = { ...overrides, host, imageClient };
  const user = userEvent.setup();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane {...props} />
    </FluentProvider>,
  );
  return { host, imageClient, user, ...result };
}
