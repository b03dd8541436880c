/** @jest-environment jsdom */
// The pane's alt-text controls for Replace (issue #5): a person's alt text is shown and kept unless they ask; the
// offline renderer's revised prompt is not attributed to a model.
import { act, screen, waitFor } from "@testing-library/react";
import type { SelectedPicture } from "../../../src/hosts/DocumentHost";
import { fakeImage, FakeHost, LOCAL_BACKEND, MAI_BACKEND } from "./fakes";
import { renderPane } from "./renderPane";

const LAKE = "A misty mountain lake at dawn";
const KEPT = "This picture has alt text written by a person: it will be kept.";

beforeEach(() => localStorage.clear());

/** Opens the pane with `picture` selected, generates one picture and waits for the results. */
async function resultsOver(picture: SelectedPicture | undefined) {
  const host = new FakeHost("workbench-slide");
  host.selection = { text: LAKE, ...(picture ? { picture } : {}) };
  const pane = renderPane({ host });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE));
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  await act(async () => pane.imageClient.last.resolve([fakeImage(1536, 1024)]));
  await screen.findByRole("heading", { name: "Results" });
  return pane;
}

const box = { widthPt: 400, heightPt: 225 };
const personal: SelectedPicture = {
  id: "shape-7",
  sizePt: box,
  altText: { title: "Team", description: "Our team at the lake" },
  altTextIsGenerated: false,
};

describe("Replace over a picture with alt text a person wrote", () => {
  test("shows it, disables the description box, and replaces without overwriting", async () => {
    const pane = await resultsOver(personal);
    expect(screen.getByText(`${KEPT} Its alt text: “Our team at the lake”`)).toBeInTheDocument();
    const checkbox = screen.getByRole("checkbox", { name: "Replace its alt text with mine" });
    expect(checkbox).not.toBeChecked();
    const description = screen.getByRole("textbox", { name: "Alt text description" });
    expect(description).toBeDisabled();
    expect(screen.getByText(/Not used: the picture keeps its own alt text/)).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Replace selected picture" }));
    await waitFor(() => expect(pane.host.replaces).toHaveLength(1));
    expect(pane.host.replaces[0].options.overwriteAltText).toBeUndefined();
  });

  test("with the box ticked, the edited description is sent with overwriteAltText", async () => {
    const pane = await resultsOver(personal);
    await pane.user.click(screen.getByRole("checkbox", { name: "Replace its alt text with mine" }));
    const description = screen.getByRole("textbox", { name: "Alt text description" });
    expect(description).toBeEnabled();
    expect(screen.getByText("Describes the picture for people who use a screen reader. Title: “AI-generated image”.")).toBeInTheDocument();
    await pane.user.clear(description);
    await pane.user.type(description, "Lake at dawn, painted");
    await pane.user.click(screen.getByRole("button", { name: "Replace selected picture" }));
    await waitFor(() => expect(pane.host.replaces).toHaveLength(1));
    expect(pane.host.replaces[0].options).toMatchObject({
      overwriteAltText: true,
      altText: { title: "AI-generated image", description: "Lake at dawn, painted" },
    });
  });

  test("a host that cannot tell whose alt text it is counts it as a person's", async () => {
    await resultsOver({ id: "pic", sizePt: box, altText: { title: "AI-generated image", description: "Old words" } });
    expect(screen.getByText(`${KEPT} Its alt text: “Old words”`)).toBeInTheDocument();
  });
});

describe("Replace over Illustrate's own alt text or none", () => {
  test.each([
    ["Illustrate's own", { id: "s", sizePt: box, altText: { title: "AI-generated image", description: "An old lake" }, altTextIsGenerated: true }],
    ["no alt text", { id: "s", sizePt: box, altTextIsGenerated: true }],
  ])("%s: no notice, the description box is used", async (_, picture: SelectedPicture) => {
    const pane = await resultsOver(picture);
    expect(screen.queryByText(new RegExp(KEPT.slice(0, 30)))).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "Replace its alt text with mine" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "Alt text description" })).toBeEnabled();
    await pane.user.click(screen.getByRole("button", { name: "Replace selected picture" }));
    await waitFor(() => expect(pane.host.replaces).toHaveLength(1));
    expect(pane.host.replaces[0].options.altText.description).toBe(LAKE);
  });

  test("inserting (no picture selected) shows no alt-text notice", async () => {
    await resultsOver(undefined);
    expect(screen.getByRole("button", { name: "Insert after selection" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Replace its alt text with mine" })).toBeNull();
  });
});

describe("revised prompt line", () => {
  test("the offline renderer is not called a model", async () => {
    const host = new FakeHost();
    host.selection = { text: LAKE };
    const pane = renderPane({ host });
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE));
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Number of pictures" }), "2 pictures");
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    await act(async () =>
      pane.imageClient.last.resolve([
        { ...fakeImage(1024, 1024, LOCAL_BACKEND), revisedPrompt: "a lake, mountains, dawn light" },
        { ...fakeImage(1024, 1024, MAI_BACKEND), revisedPrompt: "A calm alpine lake" },
      ]),
    );
    expect(await screen.findByText("The renderer drew: a lake, mountains, dawn light")).toBeInTheDocument();
    expect(screen.getByText("The model read the prompt as: A calm alpine lake")).toBeInTheDocument();
    expect(screen.queryByText(/The model read the prompt as: a lake, mountains/)).toBeNull();
  });
});
