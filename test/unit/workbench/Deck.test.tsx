/** @jest-environment jsdom */
// The deck view in a DOM: the slide list's names, clicking and arrow keys put a slide in view, the region follows.
import "./jsdomPolyfills";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { altTextFor } from "../../../src/core/altText";
import type { DocumentHost } from "../../../src/hosts/DocumentHost";
import { Workbench } from "../../../src/workbench/Workbench";
import { pngPicture } from "../../support/pictures";

function renderSlideTab() {
  const hosts: DocumentHost[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <Workbench mountPane={(_, host) => (hosts.push(host), () => undefined)} initialTab="slide" />
    </FluentProvider>,
  );
  return { host: hosts[0] };
}

describe("DeckView", () => {
  it("lists 12 named slides beside slide 1, which is in view", () => {
    renderSlideTab();
    const list = screen.getByRole("list", { name: "Slides" });
    const buttons = within(list).getAllByRole("button");
    expect(buttons).toHaveLength(12);
    expect(buttons[0]).toHaveAccessibleName("Slide 1: FY27 kickoff at the high lakes");
    expect(buttons[2]).toHaveAccessibleName("Slide 3: Revenue in EMEA");
    expect(buttons[11]).toHaveAccessibleName("Slide 12: Thank you");
    expect(buttons[0]).toHaveAttribute("aria-current", "true");
    expect(screen.getByRole("region", { name: "Slide 1 of 12 (16:9, 960 × 540 points)" })).toBeInTheDocument();
    // Previews are decorative: the slide region alone holds the shapes.
    expect(screen.getAllByRole("group", { name: "TextBox 2 (text box)" })).toHaveLength(1);
  });

  it("puts a clicked slide in view, and moves with the arrow keys (one tab stop)", async () => {
    const user = userEvent.setup();
    renderSlideTab();
    await user.click(screen.getByRole("button", { name: "Slide 3: Revenue in EMEA" }));
    const region = screen.getByRole("region", { name: /^Slide 3 of 12/ });
    expect(within(region).getByText(/Quarterly revenue up 12% in EMEA/)).toBeInTheDocument();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("button", { name: "Slide 4: Hiring plan for 2027" })).toHaveFocus();
    expect(screen.getByRole("region", { name: /^Slide 4 of 12/ })).toBeInTheDocument();
    await user.keyboard("{End}");
    expect(screen.getByRole("button", { name: "Slide 12: Thank you" })).toHaveAttribute("aria-current", "true");
    expect(screen.getByRole("button", { name: "Slide 12: Thank you" })).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("button", { name: "Slide 1: FY27 kickoff at the high lakes" })).toHaveAttribute("tabindex", "-1");
  });

  it("shows a picture the deck inserted on its slide, which comes into view", async () => {
    const { host } = renderSlideTab();
    const picture = await pngPicture(1536, 1024);
    await act(() =>
      host.deck!.insertIntoItem("slide-8", picture, {
        altText: altTextFor("Clouds over a data centre"),
        prompt: "Clouds over a data centre",
        pictureId: "p1",
      }),
    );
    const region = screen.getByRole("region", { name: /^Slide 8 of 12/ });
    expect(within(region).getByRole("img", { name: "Clouds over a data centre" })).toBeInTheDocument();
  });
});
