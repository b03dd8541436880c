/** @jest-environment jsdom */
// The pane over a library in trouble: damaged records found on load, storage nearly full, another pane's upgrade.
import "./domShims"; // first: jsdom gaps (TextDecoder, structuredClone, layout) before the pane's modules load
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import type { LibraryDatabase } from "../../../src/library/schema";
import type { PictureLibrary } from "../../../src/library/types";
import type { OpenLibrary } from "../../../src/taskpane/hooks/useLibrary";
import { base64ByteLength } from "../../../src/taskpane/hooks/usePaneLibrary";
import { PNG_1X1 } from "../../support/pictures";
import { fakeBrowser } from "../library/libraryFixtures";
import { FakeHost } from "./fakes";
import { generateInPane } from "./generateInPane";
import { renderPane } from "./renderPane";

const LAKE = "A misty mountain lake at dawn";
const KITE = "A red kite over green hills";
const CANOE = "A canoe on a still river";

beforeEach(() => localStorage.clear());

const generate = generateInPane;

const historyHeading = () => screen.getByRole("heading", { level: 2, name: /^History/ });

test("a stored picture whose bytes are damaged is left out when the pane opens, and the pane says so; the rest loads", async () => {
  const browser = fakeBrowser();
  const first = renderPane({ openLibrary: (account, events) => browser.open({ account, ...events }), host: new FakeHost() });
  await generate(first, LAKE);
  await generate(first, KITE);
  await waitFor(() => expect(historyHeading()).toHaveTextContent("History (2)"));
  first.unmount();
  cleanup();

  // On disk, the newest picture's bytes lose their end (a truncated PNG) before the pane opens again.
  const damaging: OpenLibrary = async (account, events) => {
    const library = await browser.open({ account, ...events });
    const db = (library as unknown as { db: LibraryDatabase }).db;
    const [newest] = await db.pictures.orderBy("created").reverse().toArray();
    const image = await db.images.get(newest!.id);
    await db.images.put({ id: newest!.id, bytes: image!.bytes.slice(0, image!.bytes.length - 12) });
    return library;
  };
  const second = renderPane({ openLibrary: damaging, host: new FakeHost() });
  expect(await screen.findByText("1 damaged picture is not shown.", {}, { timeout: 5_000 })).toBeInTheDocument();
  await waitFor(() => expect(historyHeading()).toHaveTextContent("History (1)"));
  await second.user.click(screen.getByRole("button", { name: "History (1)" }));
  const row = await screen.findByRole("listitem", { name: "Picture 1 of 1" });
  expect(row).toHaveTextContent(LAKE);
  expect(within(screen.getByRole("list", { name: "Your pictures, newest first" })).queryByText(KITE)).not.toBeInTheDocument();
});

test("storage nearly full: the pane names the pictures that will go a picture before any goes; then they go", async () => {
  const browser = fakeBrowser();
  const b = base64ByteLength(PNG_1X1);
  // No origin estimate: usage is what the library holds (1,024 bytes of overhead per picture, see rows.ts). Two
  // pictures fit; a third does not.
  const maxBytes = 2 * b + 2000;
  const opened: PictureLibrary[] = [];
  const openLibrary: OpenLibrary = async (account, events) => {
    const library = await browser.open({ account, ...events, storage: {}, maxBytes });
    opened.push(library);
    return library;
  };
  const p = renderPane({ openLibrary, host: new FakeHost() });
  await generate(p, LAKE);
  expect(screen.queryByText(/Storage is/)).not.toBeInTheDocument();

  await generate(p, KITE);
  expect(
    await screen.findByText(
      `Storage is nearly full: the next picture will remove the oldest unpinned one from History: “${LAKE}”. Pin or download it to keep it.`,
    ),
  ).toBeInTheDocument();
  await waitFor(() => expect(historyHeading()).toHaveTextContent("History (2)")); // nothing deleted yet
  expect((await opened[0]!.list()).items.map((item) => item.prompt)).toEqual([KITE, LAKE]);

  await generate(p, CANOE);
  expect(
    await screen.findByText(`Storage is full: to make room, 1 older picture is removed from History: “${LAKE}”. Pin pictures to keep them.`),
  ).toBeInTheDocument();
  await waitFor(async () => expect((await opened[0]!.list()).items.map((item) => item.prompt)).toEqual([CANOE, KITE]));
});

test("another pane's older version blocks the open, then a newer pane closes the library: the pane says what to do each time", async () => {
  let events: Parameters<OpenLibrary>[1] | undefined;
  let release!: () => void;
  const otherPaneLetsGo = new Promise<void>((resolve) => (release = resolve));
  const browser = fakeBrowser();
  let library: PictureLibrary | undefined;
  const openLibrary: OpenLibrary = async (account, given) => {
    events = given;
    await otherPaneLetsGo; // IndexedDB's open waits while the other pane holds the old version
    library = await browser.open({ account, ...given });
    return library;
  };
  const p = renderPane({ openLibrary, host: new FakeHost() });
  await waitFor(() => expect(events).toBeDefined());
  act(() => events!.onBlocked!());
  const blocked =
    "Another Illustrate pane is using an older version of the picture library. Close or reload the other Illustrate panes to open it here.";
  expect(await screen.findByText(blocked)).toBeInTheDocument();

  await act(async () => release());
  await waitFor(() => expect(library).toBeDefined());
  await waitFor(() => expect(screen.queryByText(blocked)).not.toBeInTheDocument()); // opened: no longer blocked

  // A newer pane upgrades: Dexie closes this connection (openPictureLibrary's handler), then tells the pane.
  library!.close();
  act(() => events!.onVersionChange!());
  expect(await screen.findByText("A newer Illustrate pane updated the picture library. Reload this pane to see your pictures.")).toBeInTheDocument();
  // Still a working pane: a new picture is shown and kept in memory, said to be unsaved.
  await generate(p, LAKE);
  expect(
    screen.getByText(
      "The picture could not be saved on this computer (storage full or unavailable): it is kept only until the pane reloads. Insert or download it to keep it.",
    ),
  ).toBeInTheDocument();
  await p.user.click(screen.getByRole("button", { name: "History (1)" }));
  const item = await screen.findByRole("listitem", { name: /1 of 1$/ });
  expect(item).toHaveTextContent(LAKE);
});
