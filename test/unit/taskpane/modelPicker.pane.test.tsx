/** @jest-environment jsdom */
// The pane with a gateway's model list: the picker appears only with several models, Fit to a selected 4:1 banner.
import { screen, waitFor } from "@testing-library/react";
import { capabilitiesForFamily, FALLBACK_MODELS, modelEntry, type ModelList } from "../../../src/core/protocol/models";
import type { ModelCatalog } from "../../../src/imaging/modelCatalog";
import { FakeHost } from "./fakes";
import { renderPane } from "./renderPane";

beforeEach(() => localStorage.clear());

const MAI = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
const GPT = modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 9 }));
const catalogOf = (models: ModelList): ModelCatalog => ({ load: async () => ({ models, source: "gateway" }) });

async function paneWith(models: ModelList, host = new FakeHost()) {
  host.selection = { ...host.selection, text: "A lighthouse" };
  const pane = renderPane({ host, modelCatalog: catalogOf(models) });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A lighthouse"));
  return pane;
}

test("two models: the Model picker (Auto default) and the Shape field instead of the three-way aspect; gpt-image-2 3:2 is exact", async () => {
  const pane = await paneWith({ object: "list", data: [MAI, GPT] });
  const picker = await screen.findByRole("combobox", { name: "Model" });
  expect(picker).toHaveValue("auto");
  await pane.user.selectOptions(picker, "gpt-image-2");
  await pane.user.selectOptions(screen.getByRole("combobox", { name: "Shape" }), "3:2");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  expect(pane.imageClient.last.request).toMatchObject({ model: "gpt-image-2", size: "1872x1248", quality: "medium" });
  expect(screen.queryByRole("radio", { name: "Landscape" })).toBeNull();
});

test("Fit with nothing selected: the box the host would fill (a full 4:3 slide) — asked at Generate with the slide placement", async () => {
  const host = new FakeHost("workbench-slide");
  host.fitBoxValue = { sizePt: { widthPt: 720, heightPt: 540 }, source: "slide" };
  const pane = await paneWith({ object: "list", data: [GPT] }, host);
  await screen.findByText("Fits the whole slide (1.33:1).");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  // gpt-image-2: 4:3 exactly, multiples of 16, near 2.36 MP.
  const size = pane.imageClient.last.request.size as string;
  const [w, h] = size.split("x").map(Number) as [number, number];
  expect(w / h).toBe(4 / 3);
  expect(pane.imageClient.last.request).not.toHaveProperty("crop_to_ratio");
  expect(host.fitBoxCalls.at(-1)).toBe("auto");
});

test("Fit to a Word text column (468 × 648 pt) on gpt-image-1.5: its portrait size, centre-cropped by the gateway to the column's ratio", async () => {
  const host = new FakeHost("workbench-word");
  host.fitBoxValue = { sizePt: { widthPt: 468, heightPt: 648 }, source: "text-column" };
  const GPT15 = modelEntry("gpt-image-1.5", "azure-openai", capabilitiesForFamily("gpt-image-1.5", { rpm: 6 }));
  const pane = await paneWith({ object: "list", data: [GPT15] }, host);
  await screen.findByText("Fits the text column (1:1.38).");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  expect(pane.imageClient.last.request).toMatchObject({ size: "1024x1536", crop_to_ratio: 468 / 648 });
});

test("a 1 × 400 pt picture selected: the pane warns of the clamp before Generate and asks the clamped 1:3 (gpt-image-2)", async () => {
  const host = new FakeHost();
  host.selection = { text: "A lighthouse", picture: { id: "sliver", sizePt: { widthPt: 1, heightPt: 400 } } };
  const pane = renderPane({ host, modelCatalog: catalogOf({ object: "list", data: [GPT] }) });
  await screen.findByText("The box (1:400) is narrower than this model can make: the picture will be 1:3 and will not fill the box exactly.");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  const [w, h] = (pane.imageClient.last.request.size as string).split("x").map(Number) as [number, number];
  expect(h / w).toBe(3);
});

test("a gateway without /v1/models (fallback list): Fit still follows the selected picture, by the nearest of the three sizes", async () => {
  const host = new FakeHost();
  host.selection = { text: "A lighthouse", picture: { id: "tall", sizePt: { widthPt: 200, heightPt: 400 } } };
  const pane = renderPane({ host, modelCatalog: catalogOf(FALLBACK_MODELS) });
  await screen.findByText("Fits the selected picture's box (1:2).");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  expect(pane.imageClient.last.request.size).toBe("1024x1536");
  expect(pane.imageClient.last.request).not.toHaveProperty("crop_to_ratio");
});

test("an older gateway (fallback list): no picker, no model field, today's sizes", async () => {
  const pane = await paneWith(FALLBACK_MODELS);
  await screen.findByRole("combobox", { name: "Quality" });
  expect(screen.queryByRole("combobox", { name: "Model" })).toBeNull();
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  const request = pane.imageClient.last.request as unknown as Record<string, unknown>;
  expect(request.size).toBe("1024x1024");
  expect(request).not.toHaveProperty("model");
  expect(request).not.toHaveProperty("crop_to_ratio");
});

test("Fit: with a 4:1 banner picture selected, MAI-Image-2.6 is asked 3072x768 (the box's ratio exactly)", async () => {
  const host = new FakeHost();
  host.selection = { text: "A lighthouse", picture: { id: "banner", sizePt: { widthPt: 800, heightPt: 200 } } };
  const pane = renderPane({ host, modelCatalog: catalogOf({ object: "list", data: [MAI] }) });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A lighthouse"));
  await screen.findByText("The image service cannot make a transparent background.");
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  expect(pane.imageClient.last.request).toMatchObject({ size: "3072x768" });
  expect(pane.imageClient.last.request).not.toHaveProperty("crop_to_ratio");
});
