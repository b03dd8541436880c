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

test("two models: the Model picker (Auto default); Generate on gpt-image-2 sends model, its exact 3:2 size and quality", async () => {
  const pane = await paneWith({ object: "list", data: [MAI, GPT] });
  const picker = await screen.findByRole("combobox", { name: "Model" });
  expect(picker).toHaveValue("auto");
  await pane.user.selectOptions(picker, "gpt-image-2");
  await pane.user.click(screen.getByRole("radio", { name: "Landscape" }));
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  expect(pane.imageClient.last.request).toMatchObject({ model: "gpt-image-2", size: "1872x1248", quality: "medium" });
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
