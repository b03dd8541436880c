/** @jest-environment jsdom */
// The pane in another language: drawn once its strings have loaded, right to left for Arabic, free text dir="auto".
import "./domShims"; // first: the jsdom gaps must be filled before the pane's modules load
import { act, screen, waitFor } from "@testing-library/react";
import { mountTaskPane } from "../../../src/taskpane/mountTaskPane";
import { FakeHost, FakeImageClient } from "./fakes";

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.documentElement.removeAttribute("dir");
  document.documentElement.removeAttribute("lang");
});

test("Arabic: the whole pane right to left, in Arabic, with the prompt in its own direction", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  const host = new FakeHost();
  host.selection = { text: "A kite over the sea" };
  let pane!: ReturnType<typeof mountTaskPane>;
  act(() => {
    pane = mountTaskPane(element, { host, imageClient: new FakeImageClient() }, { language: "ar-EG" });
  });
  const prompt = await screen.findByRole("textbox", { name: "المطالبة" });
  await waitFor(() => expect(prompt).toHaveValue("A kite over the sea"));
  expect(prompt).toHaveAttribute("dir", "auto");
  expect(screen.getByRole("button", { name: "إنشاء" })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Generate" })).not.toBeInTheDocument();
  expect(element.querySelector(".fui-FluentProvider")).toHaveAttribute("dir", "rtl");
  expect(document.documentElement.dir).toBe("rtl");
  expect(document.documentElement.lang).toBe("ar-EG");
  act(() => pane.unmount());
});

test("German: nothing is drawn in English first; the page reads left to right", async () => {
  const element = document.body.appendChild(document.createElement("div"));
  let pane!: ReturnType<typeof mountTaskPane>;
  act(() => {
    pane = mountTaskPane(element, { host: new FakeHost(), imageClient: new FakeImageClient() }, { language: "de-DE" });
  });
  expect(screen.queryByRole("button", { name: "Generate" })).not.toBeInTheDocument();
  expect(await screen.findByRole("button", { name: "Generieren" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveAttribute("dir", "auto");
  expect(element.querySelector(".fui-FluentProvider")).toHaveAttribute("dir", "ltr");
  expect(document.documentElement.dir).toBe("ltr");
  act(() => pane.unmount());
});
