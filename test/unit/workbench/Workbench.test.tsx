/** @jest-environment jsdom */
// The workbench shell in a DOM: the Document switch, labelled regions, the pane slots, and DOM selection → hosts.
import "./jsdomPolyfills";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { DocumentHost } from "../../../src/hosts/DocumentHost";
import { Workbench } from "../../../src/workbench/Workbench";
import { pngPicture } from "../../support/pictures";

function renderWorkbench(initialTab: "word" | "slide" = "word") {
  const mounted: { host: DocumentHost; element: HTMLElement }[] = [];
  const unmounted: string[] = [];
  const mountPane = jest.fn((element: HTMLElement, host: DocumentHost) => {
    mounted.push({ host, element });
    return () => unmounted.push(host.kind);
  });
  const onTabChange = jest.fn();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Workbench mountPane={mountPane} initialTab={initialTab} onTabChange={onTabChange} />
    </FluentProvider>,
  );
  return { mounted, unmounted, onTabChange, view };
}

/** Reads the selection inside act(): reading copies the DOM selection into the model, which re-renders. */
const read = (host: DocumentHost) => act(() => host.readSelection());

/** Selects `node`'s text from `start` to `end` with the DOM Selection API, as a mouse drag would. */
function selectTextIn(node: Node, start: number, end: number) {
  const text = node.firstChild ?? node;
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe("Workbench", () => {
  it("shows the Word page as a labelled region with the seed paragraphs and mounts its pane", () => {
    const { mounted } = renderWorkbench();
    const page = screen.getByRole("region", { name: /^Word page/ });
    expect(within(page).getByText("A misty mountain lake at dawn")).toBeInTheDocument();
    expect(screen.getByRole("tablist", { name: "Document" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Word page" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("complementary", { name: "Illustrate task pane" })).toBeInTheDocument();
    expect(mounted.map((m) => m.host.kind)).toEqual(["workbench-word"]);
  });

  it("switches to the slide with the Document tabs, mounting the slide's own pane and keeping the page's", async () => {
    const user = userEvent.setup();
    const { mounted, unmounted, onTabChange } = renderWorkbench();
    await user.click(screen.getByRole("tab", { name: "Slide" }));
    expect(onTabChange).toHaveBeenCalledWith("slide");
    expect(screen.getByRole("region", { name: /^Slide 1/ })).toBeVisible();
    expect(screen.queryByRole("region", { name: /^Word page/ })).toBeNull(); // hidden panel
    expect(mounted.map((m) => m.host.kind)).toEqual(["workbench-word", "workbench-slide"]);
    expect(mounted[0].element).not.toBeVisible();
    expect(unmounted).toEqual([]);
  });

  it("reads the DOM selection in the page through the Word host, and keeps it while focus is elsewhere", async () => {
    const { mounted } = renderWorkbench();
    const paragraph = within(screen.getByRole("region", { name: /^Word page/ })).getByText("A misty mountain lake at dawn");
    selectTextIn(paragraph, 2, 7);
    const host = mounted[0].host;
    expect(await read(host)).toEqual({ text: "misty" });
    // Focus moves to the pane: the DOM selection leaves the page, the page's selection stays (as in Word).
    const outside = document.createElement("textarea");
    document.body.append(outside);
    outside.focus();
    document.getSelection()!.selectAllChildren(outside);
    expect(await read(host)).toEqual({ text: "misty" });
  });

  it("maps a selection spanning paragraphs, and one ending at the next paragraph's start (triple-click)", async () => {
    const { mounted } = renderWorkbench();
    const host = mounted[0].host;
    const page = within(screen.getByRole("region", { name: /^Word page/ }));
    const first = page.getByText(/^We left the trailhead/);
    const lake = page.getByText("A misty mountain lake at dawn");
    const next = page.getByText(/^By mid-morning/);
    const range = document.createRange();
    range.setStart(first.firstChild!, 3);
    range.setEnd(lake.firstChild!, 7);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect((await read(host)).text).toBe(
      "left the trailhead before first light and climbed through pine forest until the valley opened below us.\rA misty",
    );
    range.setStart(lake.firstChild!, 0);
    range.setEnd(next, 0);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect((await read(host)).text).toBe("A misty mountain lake at dawn\r");
  });

  it("selects a slide text box on click and reads its text; characters selected inside it win", async () => {
    const user = userEvent.setup();
    const { mounted } = renderWorkbench("slide");
    const host = mounted[0].host;
    expect(host.kind).toBe("workbench-slide");
    const box = screen.getByRole("group", { name: "TextBox 2 (text box)" });
    await user.click(box);
    expect(box).toHaveAttribute("data-selected", "true");
    expect(await read(host)).toEqual({ text: "A misty mountain lake at dawn" });
    const text = box.querySelector("[data-shape-text]")!;
    act(() => selectTextIn(text, 17, 21));
    expect(await read(host)).toEqual({ text: "lake" });
  });

  it("draws an inserted picture right after the paragraph in points, with alt text; clicking it selects it", async () => {
    const user = userEvent.setup();
    const { mounted } = renderWorkbench();
    const host = mounted[0].host;
    const page = screen.getByRole("region", { name: /^Word page/ });
    const lake = within(page).getByText("A misty mountain lake at dawn");
    selectTextIn(lake, 0, 29);
    const altText = { title: "AI-generated image", description: "A misty mountain lake at dawn" };
    await act(() => host.insertPicture(pngPicture1536, { altText, prompt: altText.description }));
    const img = within(page).getByRole("img", { name: altText.description });
    expect(lake.nextElementSibling).toContainElement(img);
    expect(img).toHaveAttribute("title", "AI-generated image");
    expect(img).toHaveAttribute("data-alt-title", "AI-generated image");
    expect(img.style.width).toBe("468pt");
    expect(img.style.height).toBe("312pt");
    expect(img.getAttribute("src")).toMatch(/^data:image\/png;base64,iVBOR/);
    await user.click(img);
    expect(img).toHaveAttribute("data-selected", "true");
    const selection = await read(host);
    expect(selection.picture).toMatchObject({ sizePt: { widthPt: 468, heightPt: 312 }, altText });
  });
});

let pngPicture1536: Awaited<ReturnType<typeof pngPicture>>;
beforeAll(async () => {
  pngPicture1536 = await pngPicture(1536, 1024);
});
