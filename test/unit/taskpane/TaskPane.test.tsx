/** @jest-environment jsdom */
// The task pane against fake host and image client: what a person sees and what reaches the document.
import { act, screen, waitFor, within } from "@testing-library/react";
import { MAX_PROMPT_CHARS } from "../../../src/core/protocol/limits";
import { HostError } from "../../../src/hosts/errors";
import { SignInRequiredError } from "../../../src/core/TokenProvider";
import { ApiError } from "../../../src/core/protocol/errors";
import { ConnectionError, InvalidResponseError, TimeoutError } from "../../../src/imaging/errors";
import type { ImageGenerateRequest } from "../../../src/imaging/ImageClient";
import { fakeImage, FakeHost, FakeSession, MAI_BACKEND } from "./fakes";
import { renderPane } from "./renderPane";
import { promptStorageKey } from "../../../src/taskpane/hooks/useSelectionPrompt";

const LAKE = "A misty mountain lake at dawn";

beforeEach(() => localStorage.clear());

async function paneWithSelection(text = LAKE, extra: Partial<Parameters<typeof renderPane>[0]> = {}, expected = text) {
  const host = extra.host ?? new FakeHost();
  host.selection = { ...host.selection, text };
  const pane = renderPane({ ...extra, host });
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(expected));
  return pane;
}

/** Clicks Generate and resolves the client's call with `images`. */
async function generateWith(pane: Awaited<ReturnType<typeof paneWithSelection>>, images = [fakeImage()]) {
  const before = pane.imageClient.calls.length;
  await pane.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(pane.imageClient.calls.length).toBe(before + 1));
  await act(async () => pane.imageClient.last.resolve(images));
  await screen.findByRole("heading", { name: "Results" });
}

describe("prompt", () => {
  test("is filled from the selection when the pane opens", async () => {
    await paneWithSelection(`  ${LAKE}\r\n`, {}, LAKE);
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE);
  });

  test("Use selection re-reads the selection, even over a typed prompt", async () => {
    const { host, user } = await paneWithSelection();
    const box = screen.getByRole("textbox", { name: "Prompt" });
    await user.clear(box);
    await user.type(box, "my own words");
    host.selection = { text: "A red fox in snow" }; // no event: Office misses some
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    await waitFor(() => expect(box).toHaveValue("A red fox in snow"));
  });

  test("an empty selection gives a hint, not an error, and keeps the prompt", async () => {
    const { host, user } = await paneWithSelection();
    host.selection = { text: "   " };
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    expect(await screen.findByText(/Nothing is selected\. Select some text in the document, or type a prompt\./)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE);
  });

  test("a long selection is cut at a word boundary and the pane says so", async () => {
    const long = "word ".repeat(1200).trim(); // 5999 characters
    const host = new FakeHost();
    host.selection = { text: long };
    renderPane({ host });
    expect(await screen.findByText(`The selection is long, so the prompt uses its first 3,999 of 5,999 characters.`)).toBeInTheDocument();
    const box = screen.getByRole("textbox", { name: "Prompt" }) as HTMLTextAreaElement;
    expect(box.value.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(long.startsWith(box.value)).toBe(true);
  });

  test("follows selection changes until the person types, and a typed prompt is not overwritten", async () => {
    const { host, user } = await paneWithSelection();
    act(() => host.select({ text: "A lighthouse in a storm" }));
    const box = screen.getByRole("textbox", { name: "Prompt" });
    await waitFor(() => expect(box).toHaveValue("A lighthouse in a storm"));
    await user.type(box, ", oil painting");
    act(() => host.select({ text: "Something else" }));
    await act(async () => undefined);
    expect(box).toHaveValue("A lighthouse in a storm, oil painting");
  });

  test("survives a remount (pane reload) through localStorage", async () => {
    const first = await paneWithSelection("");
    await first.user.type(screen.getByRole("textbox", { name: "Prompt" }), "A paper boat on a puddle");
    first.unmount();
    const host = new FakeHost();
    host.selection = { text: "" };
    renderPane({ host });
    await waitFor(() => expect(host.readSelectionCalls).toBeGreaterThan(0));
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A paper boat on a puddle");
  });

  test("a typed prompt is kept per kind of document: a Word prompt does not turn up on the slide", async () => {
    localStorage.setItem(promptStorageKey("workbench-word"), JSON.stringify({ text: "kept words", source: "typed" }));
    const host = new FakeHost("workbench-slide");
    host.selection = { text: LAKE };
    renderPane({ host });
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE));
  });

  test("a typed prompt from before the reload wins over the selection; Use selection still takes it", async () => {
    localStorage.setItem(promptStorageKey("workbench-word"), JSON.stringify({ text: "kept words", source: "typed" }));
    const host = new FakeHost();
    host.selection = { text: LAKE };
    const { user } = renderPane({ host });
    await waitFor(() => expect(host.readSelectionCalls).toBeGreaterThan(0));
    const box = screen.getByRole("textbox", { name: "Prompt" });
    expect(box).toHaveValue("kept words");
    await user.click(screen.getByRole("button", { name: "Use selection" }));
    await waitFor(() => expect(box).toHaveValue(LAKE));
  });

  test("stops listening to selection changes when unmounted", async () => {
    const { host, unmount } = await paneWithSelection();
    expect(host.listenerCount).toBe(1);
    unmount();
    expect(host.listenerCount).toBe(0);
  });
});

describe("Generate", () => {
  test.each([
    ["Square", "1024x1024"],
    ["Landscape", "1536x1024"],
    ["Portrait", "1024x1536"],
  ])("%s asks for %s", async (aspect, size) => {
    const pane = await paneWithSelection();
    await pane.user.click(screen.getByRole("radio", { name: aspect }));
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    const request = pane.imageClient.last.request as ImageGenerateRequest;
    expect(request).toMatchObject({ prompt: LAKE, n: 1, size, output_format: "png" });
  });

  test("sends the style suffix and the number of pictures", async () => {
    const pane = await paneWithSelection();
    await pane.user.click(screen.getByRole("combobox", { name: "Style" }));
    await pane.user.click(await screen.findByRole("option", { name: "Watercolor" }));
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Number of pictures" }), "3 pictures");
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    const request = pane.imageClient.last.request as ImageGenerateRequest;
    expect(request.prompt).toBe(`${LAKE}, watercolor painting, soft washes, paper texture`);
    expect(request.n).toBe(3);
    expect(request.stream).toBeUndefined(); // several pictures: no partial previews
  });

  test("re-reads the selection and captures the place when Generate is clicked", async () => {
    const pane = await paneWithSelection();
    pane.host.selection = { text: "A heron by the river" }; // the change event was missed
    const reads = pane.host.readSelectionCalls;
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    expect(pane.host.readSelectionCalls).toBe(reads + 1);
    expect(pane.host.targets).toHaveLength(1);
    expect((pane.imageClient.last.request as ImageGenerateRequest).prompt).toBe("A heron by the river");
  });

  test("Enter in the prompt box generates; Shift+Enter makes a new line", async () => {
    const pane = await paneWithSelection();
    const box = screen.getByRole("textbox", { name: "Prompt" });
    await pane.user.click(box);
    await pane.user.keyboard("{Shift>}{Enter}{/Shift}");
    expect(pane.imageClient.calls).toHaveLength(0);
    await pane.user.keyboard("{Enter}");
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
  });

  test("an empty prompt is refused with a message on the field", async () => {
    const pane = await paneWithSelection("");
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("Type a prompt or select text in the document first.")).toBeInTheDocument();
    expect(pane.imageClient.calls).toHaveLength(0);
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveFocus();
  });

  test("shows progress with elapsed time and partial previews, then Cancel aborts the request", async () => {
    const pane = await paneWithSelection();
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    expect(screen.getByRole("status")).toHaveTextContent("Creating 1 picture…");
    expect(screen.getByRole("timer")).toHaveTextContent("0 s");
    expect(screen.getByRole("progressbar")).toBeInTheDocument();

    const call = pane.imageClient.last;
    expect(call.request).toMatchObject({ stream: true, partial_images: 2 });
    act(() => call.callbacks.onPartial?.({ index: 0, base64: fakeImage().base64, mimeType: "image/png", size: { widthPx: 256, heightPx: 256 } }));
    expect(screen.getByRole("img", { name: `Preview in progress: ${LAKE}` })).toHaveAttribute(
      "src",
      expect.stringMatching(/^data:image\/png;base64,/),
    );
    act(() => call.callbacks.onQueue?.({ position: 2, expected_start_ms: 9000 }));
    expect(screen.getByRole("status")).toHaveTextContent("Waiting in the queue: number 2, starting in about 9 s.");

    await pane.user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(call.callbacks.signal?.aborted).toBe(true);
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(await screen.findByText(/Cancelled\. Your prompt is kept/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE);
  });

  test("Escape cancels a running generation", async () => {
    const pane = await paneWithSelection();
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    await pane.user.keyboard("{Escape}");
    expect(pane.imageClient.last.callbacks.signal?.aborted).toBe(true);
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
  });
});

describe("results and insert", () => {
  test("show each picture with the prompt as alt text and the backend that made it", async () => {
    const pane = await paneWithSelection();
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Number of pictures" }), "2 pictures");
    await generateWith(pane, [fakeImage(), fakeImage(1024, 1024, { ...MAI_BACKEND })]);
    const images = screen.getAllByRole("img", { name: LAKE });
    expect(images).toHaveLength(2);
    for (const img of images) expect(img.getAttribute("src")).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(screen.getByText("Offline renderer (not an AI model)")).toBeInTheDocument();
    expect(screen.getByText("Made by MAI-Image-2 (foundry-mai)")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Option 1" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Option 1" })).toHaveFocus();
  });

  test("a revised prompt from the API is shown as text, never as HTML", async () => {
    const pane = await paneWithSelection();
    await generateWith(pane, [{ ...fakeImage(1024, 1024, MAI_BACKEND), revisedPrompt: "<img src=x onerror=alert(1)> a lake" }]);
    expect(screen.getByText("The model read the prompt as: <img src=x onerror=alert(1)> a lake")).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  test("Insert puts the chosen picture in with the edited alt text at the captured place", async () => {
    const pane = await paneWithSelection();
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Number of pictures" }), "2 pictures");
    const second = fakeImage(1536, 1024, MAI_BACKEND);
    await generateWith(pane, [fakeImage(), second]);
    await pane.user.click(screen.getByRole("radio", { name: "Option 2" }));
    const alt = screen.getByRole("textbox", { name: "Alt text description" });
    expect(alt).toHaveValue(LAKE);
    await pane.user.clear(alt);
    await pane.user.type(alt, "Lake in morning fog");
    await pane.user.click(screen.getByRole("button", { name: "Insert after selection" }));
    await waitFor(() => expect(pane.host.inserts).toHaveLength(1));
    const [insert] = pane.host.inserts;
    expect(insert.picture).toEqual({ base64: second.base64, mimeType: "image/png", size: { widthPx: 1536, heightPx: 1024 } });
    expect(insert.options.altText).toEqual({ title: "AI-generated image", description: "Lake in morning fog" });
    expect(insert.options.prompt).toBe(LAKE);
    expect(insert.options.target).toBe(pane.host.targets[0]);
    expect(await screen.findByText("Picture inserted.")).toBeInTheDocument();
  });

  test("with a picture selected, the button says Replace selected picture and replaces it", async () => {
    const host = new FakeHost();
    const picture = { id: "shape-7", sizePt: { widthPt: 400, heightPt: 225 } };
    host.selection = { text: LAKE, picture };
    const pane = await paneWithSelection(LAKE, { host });
    await waitFor(() => expect(screen.getByRole("radio", { name: "Landscape" })).toBeChecked()); // aspect follows the picture
    expect(screen.getByText("Matches the selected picture.")).toBeInTheDocument();
    await generateWith(pane, [fakeImage(1536, 1024)]);
    await pane.user.click(screen.getByRole("button", { name: "Replace selected picture" }));
    await waitFor(() => expect(host.replaces).toHaveLength(1));
    expect(host.replaces[0].target).toEqual(picture);
    expect(host.inserts).toHaveLength(0);
    expect(await screen.findByText("Picture replaced.")).toBeInTheDocument();
  });

  test("Edit sends the selected picture's bytes with the prompt, then replaces the picture", async () => {
    const host = new FakeHost("word");
    const picture = { id: "pic-1", sizePt: { widthPt: 300, heightPt: 300 } };
    host.selection = { text: "", picture };
    localStorage.setItem(promptStorageKey("word"), JSON.stringify({ text: "make it night", source: "typed" }));
    const pane = renderPane({ host });
    await pane.user.click(await screen.findByRole("button", { name: "Edit selected picture" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    const call = pane.imageClient.last;
    expect(call.kind).toBe("edit");
    expect(call.request).toMatchObject({ prompt: "make it night", size: "1024x1024", image: { mimeType: "image/png" } });
    await act(async () => call.resolve([fakeImage()]));
    await pane.user.click(await screen.findByRole("button", { name: "Replace selected picture" }));
    await waitFor(() => expect(host.replaces).toHaveLength(1));
    expect(host.replaces[0].target).toEqual(picture);
  });

  test("where the host cannot read a picture, Edit is absent and the pane says why", async () => {
    const host = new FakeHost("powerpoint");
    host.capabilities.features.editPicture = false;
    host.capabilities.reasons.editPicture = "capability.needsPowerPointApi110";
    host.selection = { text: LAKE, picture: { id: "s", sizePt: { widthPt: 100, heightPt: 100 } } };
    await paneWithSelection(LAKE, { host });
    expect(
      await screen.findByText(
        "Edit selected picture is not available: This needs a newer PowerPoint (PowerPointApi 1.10): Microsoft 365 or PowerPoint on the web.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit selected picture" })).not.toBeInTheDocument();
  });

  test("Word placement and caption go with the insert, and the button says what it will do", async () => {
    const pane = await paneWithSelection();
    await generateWith(pane);
    expect(screen.getByRole("combobox", { name: "Placement" })).toHaveDisplayValue("After the selected paragraph");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Placement" }), "In place of the selected text");
    await pane.user.click(screen.getByRole("checkbox", { name: "Add a caption with the prompt" }));
    await pane.user.click(screen.getByRole("button", { name: "Insert in place of the selected text" }));
    await waitFor(() => expect(pane.host.inserts).toHaveLength(1));
    expect(pane.host.inserts[0].options).toMatchObject({ wordPlacement: "replace-selection", caption: true });
    expect(pane.host.inserts[0].options.slidePlacement).toBeUndefined();
    expect(JSON.parse(localStorage.getItem("illustrate.insert.v1") ?? "{}")).toMatchObject({ wordPlacement: "replace-selection", caption: true });
  });

  test("slide placement goes with the insert on a slide", async () => {
    const pane = await paneWithSelection(LAKE, { host: new FakeHost("workbench-slide") });
    await generateWith(pane);
    expect(screen.queryByRole("checkbox", { name: "Add a caption with the prompt" })).not.toBeInTheDocument();
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Placement" }), "Full slide (background, sent to back)");
    await pane.user.click(screen.getByRole("button", { name: "Insert after selection" }));
    await waitFor(() => expect(pane.host.inserts).toHaveLength(1));
    expect(pane.host.inserts[0].options).toMatchObject({ slidePlacement: "full-slide" });
    expect(pane.host.inserts[0].options.wordPlacement).toBeUndefined();
  });

  test("without replace support, a selected picture still gets Insert after selection", async () => {
    const host = new FakeHost();
    host.capabilities.features.replacePicture = false;
    host.selection = { text: LAKE, picture: { id: "p", sizePt: { widthPt: 100, heightPt: 100 } } };
    const pane = await paneWithSelection(LAKE, { host });
    await generateWith(pane);
    expect(screen.getByRole("button", { name: "Insert after selection" })).toBeInTheDocument();
  });

  test("a host that cannot insert disables Insert and says why", async () => {
    const host = new FakeHost("word");
    host.capabilities = {
      features: { insertPicture: false, replacePicture: false, editPicture: false, altText: true, deck: false, provenance: false },
      reasons: { insertPicture: "capability.needsWordApi12" },
    };
    const pane = await paneWithSelection(LAKE, { host });
    await generateWith(pane);
    const insert = screen.getByRole("button", { name: "Insert after selection" });
    expect(insert).toHaveAttribute("aria-disabled", "true");
    expect(insert).toHaveAccessibleDescription("Inserting pictures needs Word 2016 or later (WordApi 1.2).");
  });

  test("a failed insert says what to do and keeps the picture in the history to insert again", async () => {
    const pane = await paneWithSelection();
    pane.host.insertFailures.push(new HostError("read_only", "The document is read-only"));
    await generateWith(pane);
    await pane.user.click(screen.getByRole("button", { name: "Insert after selection" }));
    expect(
      await screen.findByText(
        "The document is read-only or protected, so the picture was not inserted. Enable editing, then select Insert again. The picture is kept in History.",
      ),
    ).toBeInTheDocument();
    expect(pane.host.inserts).toHaveLength(0);

    await pane.user.click(screen.getByRole("button", { name: "History (1)" }));
    const item = await screen.findByRole("listitem", { name: "Picture 1 of 1" });
    expect(within(item).getByText("Not inserted yet")).toBeInTheDocument();
    await pane.user.click(within(item).getByRole("button", { name: "Insert again" }));
    await waitFor(() => expect(pane.host.inserts).toHaveLength(1));
    expect(pane.host.inserts[0].options.altText.description).toBe(LAKE);
    expect(await within(screen.getByRole("listitem", { name: "Picture 1 of 1" })).findByText("Inserted")).toBeInTheDocument();
  });

  test("the history keeps earlier generations until deleted", async () => {
    const pane = await paneWithSelection();
    await generateWith(pane);
    act(() => pane.host.select({ text: "A red kite over hills" }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue("A red kite over hills"));
    await generateWith(pane);
    await pane.user.click(screen.getByRole("button", { name: "History (2)" }));
    const first = await screen.findByRole("listitem", { name: "Picture 1 of 2" });
    expect(within(screen.getByRole("listitem", { name: "Picture 2 of 2" })).getByText(LAKE)).toBeInTheDocument();
    expect(within(first).getByText("A red kite over hills")).toBeInTheDocument();
    await pane.user.click(within(first).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "History (1)" })).toHaveFocus());
    expect(screen.queryByRole("heading", { name: "Results" })).not.toBeInTheDocument();
  });
});

describe("errors", () => {
  test.each([
    [
      new ApiError(400, "content_policy_violation", "content_filtered", "blocked"),
      "The content filter blocked this prompt. Rephrase it and try again.",
    ],
    [
      new ApiError(429, "rate_limited", "rate_limited", "slow down", { retryAfterMs: 20_000 }),
      "Too many pictures are being made right now. Wait 20 s, then select Generate again.",
    ],
    [
      new ApiError(503, "upstream_unavailable", "upstream_unavailable", "down"),
      "The image service is not available right now. Wait a minute and select Generate again.",
    ],
    [
      new ApiError(404, "DeploymentNotFound", "not_found", "nf"),
      "The image model is not set up (deployment not found). Ask your administrator to check the configuration.",
    ],
    [
      new ConnectionError("Failed to fetch"),
      "Can't reach the image service at https://localhost:3001. Check your network connection and that the gateway is running, then select Generate again.",
    ],
    [new TimeoutError(300_000), "The image service did not answer within 300 s. Select Generate again, perhaps with fewer pictures."],
    [
      new InvalidResponseError("bad PNG"),
      "The image service sent back something that is not a valid picture, so nothing was inserted. Select Generate again.",
    ],
  ])("%p shows what to do, keeps the prompt and lets the person generate again", async (error, text) => {
    const pane = await paneWithSelection();
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(1));
    await act(async () => pane.imageClient.last.reject(error));
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE);
    expect(screen.getByRole("button", { name: "Generate" })).not.toHaveAttribute("aria-disabled", "true");
    await pane.user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText(text)).not.toBeInTheDocument();
  });

  test("sign-in required (401 twice): prompt and history are kept; the message offers Sign in, which signs in", async () => {
    const session = new FakeSession();
    const signIn = jest.spyOn(session, "signIn");
    const pane = await paneWithSelection(LAKE, { session });
    await generateWith(pane);
    await pane.user.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(pane.imageClient.calls).toHaveLength(2));
    await act(async () => pane.imageClient.last.reject(new SignInRequiredError("interaction_required")));
    expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(LAKE);
    expect(screen.getByRole("button", { name: "History (1)" })).toBeInTheDocument();
    const bar = (await screen.findByText("Sign in to create pictures, then select Generate again.")).closest(".fui-MessageBar") as HTMLElement;
    await pane.user.click(within(bar).getByRole("button", { name: "Sign in" }));
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Signed in as Ada Lovelace")).toBeInTheDocument();
  });

  test.each(["workbench-word", "powerpoint"] as const)("a host refusal names the app (%s)", async (kind) => {
    const host = new FakeHost(kind);
    host.insertFailures.push(new HostError("insert_refused", "2001"));
    const pane = await paneWithSelection(LAKE, { host });
    await generateWith(pane);
    await pane.user.click(screen.getByRole("button", { name: "Insert after selection" }));
    const app = kind === "powerpoint" ? "PowerPoint" : "Word";
    expect(
      await screen.findByText(`${app} refused the picture. Click in the document, then select Insert again. The picture is kept in History.`),
    ).toBeInTheDocument();
  });
});

describe("account", () => {
  test("shows the account with Sign in and Sign out", async () => {
    const session = new FakeSession();
    const pane = await paneWithSelection(LAKE, { session });
    expect(screen.getByText("Not signed in")).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Signed in as Ada Lovelace")).toBeInTheDocument();
    await pane.user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByText("Not signed in")).toBeInTheDocument();
  });

  test("no account area without a session", async () => {
    await paneWithSelection();
    expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();
  });
});
