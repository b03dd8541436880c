/** @jest-environment jsdom */
// The style picker in the pane: every preset in its group with its name, description and swatch; keyboard choice reaches the prompt.
import { act, screen, waitFor, within } from "@testing-library/react";
import { STYLE_GROUP, STYLE_PRESETS, STYLE_SUFFIX } from "../../../src/core/protocol/styles";
import type { ImageGenerateRequest } from "../../../src/imaging/ImageClient";
import en from "../../../src/taskpane/strings/en.json";
import { FakeHost } from "./fakes";
import { renderPane } from "./renderPane";

const LAKE = "A misty mountain lake at dawn";

beforeEach(() => localStorage.clear());

async function pane() {
  const host = new FakeHost();
  host.selection = { ...host.selection, text: LAKE };
  const rendered = renderPane({ host });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE));
  return rendered;
}

describe("style picker", () => {
  test("lists every preset in its group, named, described and with its swatch", async () => {
    const { user } = await pane();
    const picker = screen.getByRole("combobox", { name: "Style" });
    expect(picker).toHaveTextContent("None");
    await user.click(picker);
    const listbox = await screen.findByRole("listbox");
    for (const preset of STYLE_PRESETS) {
      const option = within(listbox).getByRole("option", { name: en.style[preset] });
      expect(option).toHaveAccessibleDescription(en.styleDescription[preset]);
      const swatch = option.querySelector("img");
      expect(swatch?.getAttribute("src")).toBe(`assets/styles/${preset}.png`);
      if (preset === "none") continue;
      const group = within(listbox).getByRole("group", { name: en.styleGroup[STYLE_GROUP[preset]] });
      expect(within(group).getByRole("option", { name: en.style[preset] })).toBe(option);
    }
    expect(within(listbox).getAllByRole("option")).toHaveLength(STYLE_PRESETS.length);
    expect(
      within(listbox)
        .getAllByRole("group")
        .map((group) => within(group).getAllByRole("option").length),
    ).toEqual([3, 4, 4, 2]);
  });

  test("choosing a preset with the keyboard sends its suffix", async () => {
    const p = await pane();
    const picker = screen.getByRole("combobox", { name: "Style" });
    act(() => picker.focus());
    await p.user.keyboard("{Enter}");
    await screen.findByRole("listbox");
    // From "None": down through the Photo group (3) and Illustration group (4) to Watercolor, the first of Art.
    await p.user.keyboard("{ArrowDown}".repeat(8));
    await p.user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
    expect(picker).toHaveTextContent("Watercolor");
    await p.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(p.imageClient.calls).toHaveLength(1));
    expect((p.imageClient.last.request as ImageGenerateRequest).prompt).toBe(`${LAKE}, ${STYLE_SUFFIX.watercolor}`);
    await act(async () => p.imageClient.last.resolve([]));
  });
});
