/** @jest-environment jsdom */
// The model-driven options as a person sees them: the picker only with several models, quality hints, transparency.
import "./domShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { capabilitiesForFamily, FALLBACK_MODELS, modelEntry, type ModelList } from "../../../src/core/protocol/models";
import { ModelOptionsFields, type ModelOptions } from "../../../src/taskpane/components/ModelOptionsFields";
import { createStrings } from "../../../src/taskpane/strings/strings";
import type { FitBox } from "../../../src/core/placement";

const t = createStrings("en").t;
const MAI = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
const GPT = modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 9 }));
const TWO: ModelList = { object: "list", data: [MAI, GPT] };

function Harness({ models, initial, seen, fitBox }: { models: ModelList; initial?: Partial<ModelOptions>; seen?: ModelOptions[]; fitBox?: FitBox }) {
  const [value, setValue] = useState<ModelOptions>({ model: "auto", shape: "fit", quality: "medium", transparent: false, ...initial });
  return (
    <FluentProvider theme={webLightTheme}>
      <ModelOptionsFields
        t={t}
        models={models}
        value={value}
        {...(fitBox ? { fitBox } : {})}
        disabled={false}
        onChange={(change) => {
          const next = { ...value, ...change };
          seen?.push(next);
          setValue(next);
        }}
      />
    </FluentProvider>
  );
}

test("two models: a Model picker with Auto first (the default) and both ids; picking one changes what is offered", async () => {
  const seen: ModelOptions[] = [];
  render(<Harness models={TWO} seen={seen} />);
  const picker = screen.getByRole("combobox", { name: "Model" });
  expect([...(picker as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
    "Auto (the service chooses)",
    "MAI-Image-2.6",
    "gpt-image-2",
  ]);
  expect((picker as HTMLSelectElement).value).toBe("auto");
  // Auto: some model can do transparency, but MAI has no quality levels → no quality choice.
  expect(screen.getByRole("checkbox", { name: "Transparent background (PNG)" })).toBeTruthy();
  expect(screen.queryByRole("combobox", { name: "Quality" })).toBeNull();

  await userEvent.setup().selectOptions(picker, "gpt-image-2");
  expect(seen.at(-1)?.model).toBe("gpt-image-2");
  const quality = screen.getByRole("combobox", { name: "Quality" }) as HTMLSelectElement;
  expect(quality.value).toBe("medium");
  expect(screen.getByText("A balance of time, cost and detail.")).toBeTruthy();
  await userEvent.setup().selectOptions(quality, "high");
  expect(screen.getByText("Most detail; slower and costs more.")).toBeTruthy();

  await userEvent.setup().selectOptions(picker, "MAI-Image-2.6");
  expect(screen.queryByRole("checkbox", { name: "Transparent background (PNG)" })).toBeNull();
  expect(screen.getByText("This model cannot make a transparent background.")).toBeTruthy();
});

test("one model (or an older gateway's fallback): no picker; the fallback offers quality and says why no transparency", () => {
  render(<Harness models={FALLBACK_MODELS} />);
  expect(screen.queryByRole("combobox", { name: "Model" })).toBeNull();
  expect((screen.getByRole("combobox", { name: "Quality" }) as HTMLSelectElement).value).toBe("medium");
  expect(screen.getByText("The image service cannot make a transparent background.")).toBeTruthy();
});

test("the transparent checkbox reports its state", async () => {
  const seen: ModelOptions[] = [];
  render(<Harness models={{ object: "list", data: [GPT] }} seen={seen} />);
  await userEvent.setup().click(screen.getByRole("checkbox", { name: "Transparent background (PNG)" }));
  expect(seen.at(-1)).toMatchObject({ transparent: true, model: "auto" });
});

const shapeField = () => screen.getByRole("combobox", { name: "Shape" });
const shapeChoices = () => [...(shapeField() as HTMLSelectElement).options].map((o) => o.textContent);

test("Shape: Fit (the default when there is a box, its hint naming the box) then the seven ratios", async () => {
  const seen: ModelOptions[] = [];
  render(<Harness models={{ object: "list", data: [GPT] }} seen={seen} fitBox={{ sizePt: { widthPt: 960, heightPt: 540 }, source: "slide" }} />);
  expect(shapeChoices()).toEqual(["Fit", "1:1", "4:3", "3:2", "16:9", "9:16", "2:3", "3:4"]);
  expect(shapeField()).toHaveValue("fit");
  expect(screen.getByText("Fits the whole slide (1.78:1).")).toBeVisible();
  await userEvent.selectOptions(shapeField(), "9:16");
  expect(seen.at(-1)?.shape).toBe("9:16");
  expect(screen.queryByText(/Fits the whole slide/)).toBeNull();
});

test.each([
  ["picture", "Fits the selected picture's box (4:1)."],
  ["placeholder", "Fits the empty placeholder (4:1)."],
  ["free-area", "Fits the free area of the slide (4:1)."],
  ["text-column", "Fits the text column (4:1)."],
] as const)("Fit hint for a %s box", (source, hint) => {
  render(<Harness models={{ object: "list", data: [MAI] }} fitBox={{ sizePt: { widthPt: 800, heightPt: 200 }, source }} />);
  expect(screen.getByText(hint)).toBeVisible();
  // MAI-Image-2.6 makes 4:1 exactly: no clamp notice.
  expect(screen.queryByText(/narrower than this model can make/)).toBeNull();
});

test("no box known (a host that cannot tell): Fit is not offered and the shape shows 1:1", () => {
  render(<Harness models={{ object: "list", data: [GPT] }} />);
  expect(shapeChoices()).toEqual(["1:1", "4:3", "3:2", "16:9", "9:16", "2:3", "3:4"]);
  expect(shapeField()).toHaveValue("1:1");
});

test("a 1 × 400 pt Fit box is clamped to the model's tallest ratio, and the person is told so before generating", async () => {
  const seen: ModelOptions[] = [];
  render(<Harness models={TWO} seen={seen} fitBox={{ sizePt: { widthPt: 1, heightPt: 400 }, source: "picture" }} />);
  // Auto: against the narrowest limit of the served models (gpt-image-2: 3:1).
  expect(
    screen.getByText("The box (1:400) is narrower than this model can make: the picture will be 1:3 and will not fill the box exactly."),
  ).toBeVisible();
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Model" }), "MAI-Image-2.6");
  expect(
    screen.getByText("The box (1:400) is narrower than this model can make: the picture will be 1:4 and will not fill the box exactly."),
  ).toBeVisible();
  // A named ratio is always within the limits: the notice goes.
  await userEvent.selectOptions(shapeField(), "3:4");
  expect(screen.queryByText(/narrower than this model can make/)).toBeNull();
});
