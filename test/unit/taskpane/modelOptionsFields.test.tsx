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

const t = createStrings("en").t;
const MAI = modelEntry("MAI-Image-2.6", "foundry-mai", capabilitiesForFamily("mai-image-2.6", { rpm: 6 }));
const GPT = modelEntry("gpt-image-2", "azure-openai", capabilitiesForFamily("gpt-image-2", { rpm: 9 }));
const TWO: ModelList = { object: "list", data: [MAI, GPT] };

function Harness({ models, initial, seen }: { models: ModelList; initial?: Partial<ModelOptions>; seen?: ModelOptions[] }) {
  const [value, setValue] = useState<ModelOptions>({ model: "auto", quality: "medium", transparent: false, ...initial });
  return (
    <FluentProvider theme={webLightTheme}>
      <ModelOptionsFields
        t={t}
        models={models}
        value={value}
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
  expect([...(picker as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["Auto (the service chooses)", "MAI-Image-2.6", "gpt-image-2"]);
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
