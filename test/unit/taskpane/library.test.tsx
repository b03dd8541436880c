/** @jest-environment jsdom */
// The pane with its picture library (Dexie on fake-indexeddb): saved before shown, survives a remount, per account.
import "./domShims"; // first: jsdom gaps (TextDecoder, structuredClone, layout) before the pane's modules load
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import { styledPrompt } from "../../../src/core/protocol/styles";
import { LibraryQuotaError } from "../../../src/library/errors";
import type { PictureLibrary } from "../../../src/library/types";
import type { OpenLibrary } from "../../../src/taskpane/hooks/useLibrary";
import { fakeBrowser } from "../library/libraryFixtures";
import { fakeImage, FakeHost, FakeSession, MAI_BACKEND } from "./fakes";
import { generateInPane } from "./generateInPane";
import { renderPane } from "./renderPane";

const LAKE = "A misty mountain lake at dawn";
const KITE = "A red kite over green hills";

beforeEach(() => localStorage.clear());

/** One browser profile: every pane opened with `openLibrary` shares its IndexedDB. */
function profile() {
  const browser = fakeBrowser();
  const opened: PictureLibrary[] = [];
  const openLibrary: OpenLibrary = async (account, events) => {
    const library = await browser.open({ account, ...events });
    opened.push(library);
    return library;
  };
  return { browser, opened, openLibrary };
}

async function pane(openLibrary: OpenLibrary, extra: Parameters<typeof renderPane>[0] = {}) {
  const host = extra.host ?? new FakeHost();
  const rendered = renderPane({ openLibrary, ...extra, host });
  return rendered;
}

// Real 1×1 PNG bytes with their real size: the library checks stored bytes again when it hands them out.

const generate = generateInPane;

/**
 * The alert dialog named `name`, once it is accessible. Tabster (Fluent's focus manager) makes a modal accessible
 * when focus enters it, and learns of the modal from a MutationObserver. On a loaded machine jsdom can run the
 * dialog's own focus call before that observer, and the surface then stays focused but `aria-hidden` until focus
 * moves again. So: wait for the surface in the DOM, move focus to its first button as a keyboard user would
 * (Tab), then require it accessible by role and name, which is what a screen reader gets.
 */
async function openAlertDialog(name: string): Promise<HTMLElement> {
  // By its title's text: an aria-hidden surface has no accessible name yet.
  const surface = await waitFor(() => {
    const found = screen.getAllByRole("alertdialog", { hidden: true }).find((dialog) => dialog.textContent?.includes(name));
    if (!found) throw new Error(`no alert dialog titled “${name}”`);
    return found;
  });
  const first = within(surface).getAllByRole("button", { hidden: true })[0]!;
  if (!surface.contains(document.activeElement) || document.activeElement === surface) act(() => first.focus());
  return screen.findByRole("alertdialog", { name });
}

async function openHistory(p: Awaited<ReturnType<typeof pane>>, count: number) {
  const header = await screen.findByRole("button", { name: `History (${count})` });
  await p.user.click(header);
  return screen.findByRole("list", { name: "Your pictures, newest first" });
}

test("a generated picture is in the library before it is shown as a result", async () => {
  const { openLibrary, opened } = profile();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowOpen: OpenLibrary = async (account, events) => {
    const library = await openLibrary(account, events);
    const add = library.add.bind(library);
    library.add = async (picture) => {
      await gate; // the write is slow: the result must wait for it
      return add(picture);
    };
    return library;
  };
  const p = await pane(slowOpen);
  const box = screen.getByRole("textbox", { name: "Prompt" });
  await p.user.type(box, LAKE);
  await p.user.click(screen.getByRole("button", { name: "Generate" }));
  await waitFor(() => expect(p.imageClient.calls).toHaveLength(1));
  await act(async () => p.imageClient.last.resolve([fakeImage(1, 1)]));
  expect(screen.queryByRole("heading", { name: "Results" })).not.toBeInTheDocument();
  await act(async () => release());
  await screen.findByRole("heading", { name: "Results" });
  const page = await opened[0]!.list();
  expect(page.items.map((item) => item.prompt)).toEqual([LAKE]);
  expect(screen.queryByText(/could not be saved/)).not.toBeInTheDocument();
});

test("when saving fails (quota) the picture stays in memory, the pane says it was not saved, and it can be inserted", async () => {
  const { openLibrary } = profile();
  const failing: OpenLibrary = async (account, events) => {
    const library = await openLibrary(account, events);
    library.add = async () => {
      throw new LibraryQuotaError("QuotaExceededError");
    };
    return library;
  };
  const p = await pane(failing);
  await generate(p, LAKE);
  expect(
    screen.getByText(
      "The picture could not be saved on this computer (storage full or unavailable): it is kept only until the pane reloads. Insert or download it to keep it.",
    ),
  ).toBeInTheDocument();
  await p.user.click(screen.getByRole("button", { name: "History (1)" }));
  const item = screen.getByRole("listitem", { name: "Unsaved picture 1 of 1" });
  expect(within(item).getByText("Not saved: kept until the pane reloads")).toBeInTheDocument();
  await p.user.click(within(item).getByRole("button", { name: "Insert again" }));
  await waitFor(() => expect(p.host.inserts).toHaveLength(1));
  // Not in the library, so the document is not told a library id that leads nowhere.
  expect(p.host.inserts[0]!.options.provenance).toBeUndefined();
});

test("without IndexedDB the pane keeps the in-memory history and says pictures will not survive a reload", async () => {
  const { browser } = profile();
  const p = await pane((account, events) => browser.open({ account, ...events, indexedDB: null }));
  expect(
    await screen.findByText(
      "This browser can't keep pictures (private mode or no storage): pictures stay only until the pane reloads. Insert or download the ones you want to keep.",
    ),
  ).toBeInTheDocument();
  await generate(p, LAKE);
  await openHistory(p, 1);
  expect(await screen.findByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent(LAKE);
});

test("History survives a reload: the same pictures with their prompts, and one can be inserted again with its provenance", async () => {
  const { openLibrary } = profile();
  const first = await pane(openLibrary);
  await generate(first, LAKE);
  await generate(first, KITE, [fakeImage(1, 1, MAI_BACKEND), fakeImage(1, 1, MAI_BACKEND)]);
  first.unmount();
  cleanup();

  const host = new FakeHost();
  const second = await pane(openLibrary, { host });
  await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: /^History/ })).toHaveTextContent("History (3)"));
  await openHistory(second, 3);
  const rows = await screen.findAllByRole("listitem", { name: /^Picture \d of 3$/ });
  expect(rows.map((row) => within(row).getByText(/A /, { selector: "[dir=auto]" }).textContent)).toEqual([KITE, KITE, LAKE]);
  expect(await within(rows[2]!).findByRole("img", { name: `Earlier picture: ${LAKE}` })).toHaveAttribute("src", expect.stringMatching(/^blob:/));

  await second.user.click(within(rows[2]!).getByRole("button", { name: "Insert again" }));
  await waitFor(() => expect(host.inserts).toHaveLength(1));
  const options = host.inserts[0]!.options;
  expect(options.altText.description).toBe(LAKE);
  expect(options.provenance).toEqual({ libraryId: expect.any(String), prompt: LAKE, style: "none", model: "MAI-Image-2", size: "1024x1024" });
  expect(await within(screen.getByRole("listitem", { name: "Picture 3 of 3" })).findByText("Inserted")).toBeInTheDocument();

  // Recorded with this document: the "this document" filter finds it and only it.
  await second.user.click(screen.getByRole("checkbox", { name: "Only pictures inserted in this document" }));
  await waitFor(() => expect(screen.getAllByRole("listitem", { name: /^Picture \d of 1$/ })).toHaveLength(1));
  expect(screen.getByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent(LAKE);
});

test("another account never sees the first account's pictures; each finds its own again", async () => {
  const { openLibrary } = profile();
  const session = new FakeSession();
  session.signInResult = { name: "Ada Lovelace", username: "ada@contoso.com", homeAccountId: "oid-ada.tid-1" };
  const p = await pane(openLibrary, { session });
  await p.user.click(screen.getByRole("button", { name: "Sign in" }));
  await screen.findByText("Signed in as Ada Lovelace");
  await generate(p, LAKE);
  await screen.findByRole("button", { name: "History (1)" });

  await p.user.click(screen.getByRole("button", { name: "Sign out" }));
  session.signInResult = { name: "Grace Hopper", username: "grace@contoso.com", homeAccountId: "oid-grace.tid-1" };
  await p.user.click(screen.getByRole("button", { name: "Sign in" }));
  await screen.findByText("Signed in as Grace Hopper");
  await screen.findByRole("button", { name: "History (0)" });
  expect(screen.queryByRole("heading", { name: "Results" })).not.toBeInTheDocument();
  const rowsWith = (text: string) => screen.queryAllByRole("listitem").filter((row) => row.textContent?.includes(text));
  expect(rowsWith(LAKE)).toHaveLength(0);

  await generate(p, KITE);
  await openHistory(p, 1);
  expect(await screen.findByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent(KITE);
  expect(rowsWith(LAKE)).toHaveLength(0);

  await p.user.click(screen.getByRole("button", { name: "Sign out" }));
  session.signInResult = { name: "Ada Lovelace", username: "ada@contoso.com", homeAccountId: "oid-ada.tid-1" };
  await p.user.click(screen.getByRole("button", { name: "Sign in" }));
  await waitFor(() => expect(screen.getByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent(LAKE));
  expect(rowsWith(KITE)).toHaveLength(0);
});

test("delete offers Undo, which puts the picture back", async () => {
  const { openLibrary } = profile();
  const p = await pane(openLibrary);
  await generate(p, LAKE);
  await openHistory(p, 1);
  const row = await screen.findByRole("listitem", { name: "Picture 1 of 1" });
  await p.user.click(within(row).getByRole("button", { name: "Delete" }));
  await screen.findByRole("button", { name: "History (0)" });
  expect(screen.queryByRole("heading", { name: "Results" })).not.toBeInTheDocument();
  expect(await screen.findByText(`Deleted “${LAKE}”.`)).toBeInTheDocument();
  await p.user.click(screen.getByRole("button", { name: "Undo" }));
  expect(await screen.findByText("The picture is back.")).toBeInTheDocument();
  expect(await screen.findByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent(LAKE);
  expect(screen.getByRole("button", { name: "History (1)" })).toBeInTheDocument();
});

test("delete all asks first, then empties the library", async () => {
  const { openLibrary, opened } = profile();
  const p = await pane(openLibrary);
  await generate(p, LAKE);
  await openHistory(p, 1);
  await p.user.click(await screen.findByRole("button", { name: "Delete all pictures…" }));
  const dialog = await openAlertDialog("Delete all your pictures on this computer?");
  await p.user.click(within(dialog).getByRole("button", { name: "Cancel" }));
  expect((await opened[0]!.list()).total).toBe(1);
  // The pane is accessible again once Tabster lets go of the closed modal (it restores aria-hidden asynchronously).
  await p.user.click(await screen.findByRole("button", { name: "Delete all pictures…" }));
  await p.user.click(within(await openAlertDialog("Delete all your pictures on this computer?")).getByRole("button", { name: "Delete all" }));
  expect(await screen.findByText("Deleted 1 picture from this computer.")).toBeInTheDocument();
  await screen.findByRole("button", { name: "History (0)" });
  expect((await opened[0]!.list()).total).toBe(0);
});

test("search narrows the list by prompt text", async () => {
  const { browser, openLibrary } = profile();
  const seed = await browser.open({ account: null });
  const { png, picture } = await import("../library/libraryFixtures");
  const image = await png();
  for (const prompt of [LAKE, KITE, "A lake of stars", "Städte bei Nacht"]) await seed.add(picture(image, prompt));
  await seed.settled();
  seed.close();

  const p = await pane(openLibrary);
  await openHistory(p, 4);
  await waitFor(() => expect(screen.getAllByRole("listitem", { name: /of 4$/ })).toHaveLength(4));
  await p.user.type(screen.getByRole("searchbox", { name: "Search prompts" }), "LAKE");
  await waitFor(() => expect(screen.getAllByRole("listitem", { name: /of 2$/ })).toHaveLength(2));
  expect(screen.getAllByRole("listitem").map((row) => row.textContent)).toEqual([
    expect.stringContaining("A lake of stars"),
    expect.stringContaining(LAKE),
  ]);
  await p.user.clear(screen.getByRole("searchbox", { name: "Search prompts" }));
  await p.user.type(screen.getByRole("searchbox", { name: "Search prompts" }), "stadte");
  await waitFor(() => expect(screen.getByRole("listitem", { name: "Picture 1 of 1" })).toHaveTextContent("Städte bei Nacht"));
  await p.user.type(screen.getByRole("searchbox", { name: "Search prompts" }), "zzz");
  expect(await screen.findByText("No pictures match.")).toBeInTheDocument();
});

test("selecting an Illustrate picture fills its prompt; Regenerate makes a new one with the same prompt and style and replaces it in place", async () => {
  const { openLibrary } = profile();
  const host = new FakeHost();
  const p = await pane(openLibrary, { host });
  const picture = {
    id: "pic-9",
    sizePt: { widthPt: 300, heightPt: 200 },
    provenance: { libraryId: "old-id", prompt: KITE, style: "watercolor", model: "MAI-Image-2", size: "1536x1024" },
  };
  act(() => host.select({ text: "", picture }));
  await waitFor(() => expect(screen.getByRole("textbox", { name: "Prompt" })).toHaveValue(KITE));
  expect(screen.getByText(`This picture was made by Illustrate: “${KITE}”`)).toBeInTheDocument();

  await p.user.click(screen.getByRole("button", { name: "Regenerate" }));
  await waitFor(() => expect(p.imageClient.calls).toHaveLength(1));
  expect(p.imageClient.last.kind).toBe("generate");
  expect(p.imageClient.last.request.prompt).toBe(styledPrompt(KITE, "watercolor"));
  expect(p.imageClient.last.request.n).toBe(1);
  await act(async () => p.imageClient.last.resolve([fakeImage(1, 1, MAI_BACKEND)]));
  await waitFor(() => expect(host.replaces).toHaveLength(1));
  expect(host.replaces[0]!.target.id).toBe("pic-9");
  expect(host.replaces[0]!.options.provenance).toEqual({
    libraryId: expect.any(String),
    prompt: KITE,
    style: "watercolor",
    model: "MAI-Image-2",
    size: "1536x1024",
  });
  expect(host.replaces[0]!.options.provenance!.libraryId).not.toBe("old-id");

  await p.user.click(screen.getByRole("button", { name: "Variation" }));
  await waitFor(() => expect(p.imageClient.calls).toHaveLength(2));
  expect(p.imageClient.last.kind).toBe("edit");
  expect(p.imageClient.last.request.prompt).toBe(styledPrompt(KITE, "watercolor"));
});
