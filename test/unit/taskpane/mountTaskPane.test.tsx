/** @jest-environment jsdom */
// mountTaskPane / mountPage: theme, strings and language, re-render with new props, unmount.
import "./domShims"; // first: the jsdom gaps must be filled before the pane's modules load
import { act, screen, waitFor, within } from "@testing-library/react";
import { NotInOffice } from "../../../src/taskpane/components/NotInOffice";
import { mountPage, mountTaskPane } from "../../../src/taskpane/mountTaskPane";
import { FakeHost, FakeImageClient, FakeSession } from "./fakes";

beforeEach(() => localStorage.clear());

test("mounts the pane in FluentProvider, updates its props, unmounts", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  const host = new FakeHost();
  host.selection = { text: "A kite" };
  const imageClient = new FakeImageClient();
  let pane!: ReturnType<typeof mountTaskPane>;
  act(() => {
    pane = mountTaskPane(element, { host, imageClient }, { theme: "dark", language: "en-GB" });
  });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A kite"));
  expect(element.querySelector(".fui-FluentProvider")).not.toBeNull();
  expect(element.lang).toBe("en-GB");
  expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();

  act(() => pane.update({ host, imageClient, session: new FakeSession() }));
  expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A kite"); // state kept across updates

  act(() => pane.unmount());
  expect(element).toBeEmptyDOMElement();
  expect(host.listenerCount).toBe(0);
});

test("outside Office the page says where to go (high contrast: drawn once its theme chunk has loaded)", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  act(() => {
    mountPage(element, () => <NotInOffice />, undefined, { theme: "highContrast" });
  });
  expect(await screen.findByText("Open Illustrate from Word or PowerPoint, or use the workbench at /workbench.html")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Open the workbench" })).toHaveAttribute("href", "workbench.html");
});

test("the task pane in English and the light theme draws at once (first paint waits on no chunk), then with every string", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  const host = new FakeHost();
  act(() => {
    mountTaskPane(element, { host, imageClient: new FakeImageClient(), session: new FakeSession() }, { theme: "light", language: "en-GB" });
  });
  expect(element.lang).toBe("en-GB");
  // Drawn in the same turn, from the first-paint table: the prompt, the options and Generate.
  expect(within(element).getByRole("button", { name: "Generate" })).toBeInTheDocument();
  expect(within(element).getByRole("textbox", { name: "Prompt" })).toBeInTheDocument();
  expect(within(element).getByRole("combobox", { name: "Number of pictures" })).toHaveDisplayValue("1 picture");
  // Then the strings chunk: the account bar (a lazy panel, never drawn before every string is there) says Sign in.
  expect(await within(element).findByRole("button", { name: "Sign in" })).toBeInTheDocument();
});

test("another page draws once its strings are in (never from the task pane's first-paint table)", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  act(() => {
    mountPage(element, () => <NotInOffice />, undefined, { theme: "light" });
  });
  expect(await within(element).findByRole("link", { name: "Open the workbench" })).toBeInTheDocument();
});
