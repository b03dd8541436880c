/** @jest-environment jsdom */
// The deck panel against a fake deck host, a controlled image client, a memory library and a fake-IndexedDB run store.
import "../domShims";
import { deserialize, serialize } from "node:v8";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { HostError } from "../../../../src/hosts/errors";
import { ApiError } from "../../../../src/core/protocol/errors";
import { TaskPane } from "../../../../src/taskpane/TaskPane";
import type { DeckServices } from "../../../../src/taskpane/deck/deckServices";
import { FakeHost } from "../fakes";
import { ConnectionError } from "../../../../src/imaging/errors";
import { ControlledImageClient, DECK, deckHost, deckServices, FakeDeck, fakeClock } from "./deckFakes";

// jsdom has no structuredClone, which fake-indexeddb needs to store rows (browsers have it): Node's own, via v8.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

const SCENES: Record<string, string> = { s2: "scene two", s3: "scene three", s5: "scene five", s7: "scene seven" };

function renderDeckPane(host: FakeHost, imageClient: ControlledImageClient, services: DeckServices, options: { strict?: boolean } = {}) {
  const user = userEvent.setup();
  const pane = (
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} imageClient={imageClient} deckServices={services} />
    </FluentProvider>
  );
  const result = render(options.strict ? <StrictMode>{pane}</StrictMode> : pane);
  return { user, ...result };
}

const card = (label: RegExp) => screen.getByRole("listitem", { name: label });

async function openPanel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: "Illustrate slides…" }));
  await screen.findByRole("heading", { name: "Illustrate slides" });
}

/** Opens the panel, writes a known prompt for each ticked slide, and selects Generate all. */
async function startRun(user: ReturnType<typeof userEvent.setup>) {
  await openPanel(user);
  for (const [id, scene] of Object.entries(SCENES)) {
    const number = Number(id.slice(1));
    const box = await screen.findByRole("textbox", { name: new RegExp(`^Prompt for Slide ${number}:`) });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).not.toBe(""));
    fireEvent.change(box, { target: { value: scene } });
  }
  await user.click(screen.getByRole("button", { name: "Generate all" }));
  await screen.findByRole("list", { name: "Which to illustrate" });
}

/** A deck host, controlled client and k-concurrent services, rendered, with Generate all selected. */
async function runningDeck(concurrency: number) {
  const host = deckHost();
  const client = new ControlledImageClient();
  const { services } = deckServices({ concurrency });
  const { user } = renderDeckPane(host, client, services);
  await startRun(user);
  return { host, client, user };
}

describe("deck panel", () => {
  it("is hidden with the capability reason when the host has no deck", async () => {
    const host = new FakeHost("workbench-slide");
    host.capabilities.reasons.deck = "capability.needsPowerPointApi15";
    renderDeckPane(host, new ControlledImageClient(), deckServices().services);
    expect(await screen.findByText(/Illustrating a whole deck or document is not available here: This needs a newer PowerPoint/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Illustrate slides…" })).toBeNull();
  });

  it("lists the deck under React StrictMode (the pane's mount), not stuck at reading the document", async () => {
    const { user } = renderDeckPane(deckHost(), new ControlledImageClient(), deckServices().services, { strict: true });
    await openPanel(user);
    expect(await screen.findByRole("button", { name: "Generate all" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /^Slide 2:/ })).toBeChecked();
    expect(screen.queryByText("Reading the document…")).toBeNull();
  });

  it("ticks content slides by default, says why the others are not, reads the palette, and writes editable prompts", async () => {
    const host = deckHost();
    const { user } = renderDeckPane(host, new ControlledImageClient(), deckServices().services);
    await openPanel(user);
    for (const n of [2, 3, 5, 7]) expect(await screen.findByRole("checkbox", { name: new RegExp(`^Slide ${n}:`) })).toBeChecked();
    for (const n of [1, 4, 6, 8]) expect(screen.getByRole("checkbox", { name: new RegExp(`^Slide ${n}:`) })).not.toBeChecked();
    expect(screen.getByText("Title slide")).toBeInTheDocument();
    expect(screen.getByText("Section header")).toBeInTheDocument();
    expect(screen.getByText("Already has a picture")).toBeInTheDocument();
    expect(await screen.findByRole("textbox", { name: "Colour 1 (hex)" })).toHaveValue("#1F4E79");
    const prompt = await screen.findByRole("textbox", { name: /^Prompt for Slide 2:/ });
    await waitFor(() => expect((prompt as HTMLTextAreaElement).value).toMatch(/no text, letters or numbers/));
    expect(screen.getByText("Prompts were written here from the slide text (the image service has no prompt writer).")).toBeInTheDocument();
    expect(prompt).toHaveAttribute("dir", "auto");
    await user.clear(prompt);
    await user.type(prompt, "A lighthouse");
    expect(prompt).toHaveValue("A lighthouse");
  });

  it("runs k=2 at a time, shows a filtered item, regenerates one, inserts the accepted ones and reports a failure", async () => {
    const { host, client, user } = await runningDeck(2);
    await waitFor(() => expect(client.calls).toHaveLength(2));
    expect(client.calls[0].prompt).toMatch(/^scene two, with no text, letters or numbers anywhere in the picture\. Style: /);
    expect(client.calls[0].prompt).toMatch(/colour palette of/);

    await act(async () => client.find("scene two").resolve([(await import("../fakes")).fakeImage(1, 1)]));
    await act(async () => client.filterNext("scene three", ["violence"]));
    await waitFor(() => expect(client.calls).toHaveLength(4));
    expect(client.maxInFlight).toBe(2);
    await act(async () => client.finishNext());
    await act(async () => client.finishNext());
    expect(client.maxInFlight).toBe(2);

    await waitFor(() => expect(within(card(/^Slide 3:/)).getByText(/Blocked by the content filter \(violence\)/)).toBeInTheDocument());
    expect(within(card(/^Slide 3:/)).getByText(/Rephrase the prompt/)).toBeInTheDocument();
    await waitFor(() => expect(within(card(/^Slide 7:/)).getByText("Ready")).toBeInTheDocument());
    expect(screen.getByRole("status", { name: "Progress of the run" })).toHaveTextContent("3 of 4 ready");

    // Regenerate slide 5: same prompt, a new request; the old picture is kept.
    await user.click(screen.getByRole("button", { name: "Regenerate — Slide 5: Customer satisfaction" }));
    await waitFor(() => expect(client.callsFor("scene five")).toBe(2));
    await act(async () => client.finishNext());
    await waitFor(() => expect(within(card(/^Slide 5:/)).getByText("1 earlier picture kept in the library")).toBeInTheDocument());

    // Edit slide 3's prompt and regenerate.
    await user.click(screen.getByRole("button", { name: "Edit prompt — Slide 3: Our team" }));
    const edit = within(card(/^Slide 3:/)).getByRole("textbox");
    fireEvent.change(edit, { target: { value: "a calm meadow" } });
    await user.click(screen.getByRole("button", { name: "Regenerate with this prompt" }));
    await waitFor(() => expect(client.callsFor("a calm meadow")).toBe(1));
    await act(async () => client.finishNext());
    await waitFor(() => expect(within(card(/^Slide 3:/)).getByText("Ready")).toBeInTheDocument());

    expect(host.deck.inserts).toHaveLength(0); // nothing in the document before Insert
    for (const n of [2, 3, 5, 7]) await user.click(screen.getByRole("button", { name: new RegExp(`^Accept — Slide ${n}:`) }));
    host.deck.insertFailures.s3 = new HostError("read_only", "read-only");
    await user.click(screen.getByRole("button", { name: "Insert accepted" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "Illustrate slides" }).closest("section")?.textContent).toMatch(/Inserted 3 of 4\./));
    expect(screen.getByText(/Not inserted: Slide 3: Our team/)).toBeInTheDocument();
    expect(host.deck.inserts.map((i) => i.itemId)).toEqual(["s2", "s5", "s7"]);
    expect(host.deck.inserts[0].options.altText.description).toMatch(/scene two/);
    expect(within(card(/^Slide 3:/)).getByText(/Not inserted: the document is read-only/)).toBeInTheDocument();

    // The failed one stays to insert again; nothing already in goes in twice.
    delete host.deck.insertFailures.s3;
    await user.click(screen.getByRole("button", { name: "Insert accepted" }));
    await screen.findByText(/Inserted 1 of 1\./);
    expect(host.deck.inserts.map((i) => i.itemId)).toEqual(["s2", "s5", "s7", "s3"]);
  });

  it("pauses on 429 until the clock passes retry-after, then sends again", async () => {
    const host = deckHost();
    const client = new ControlledImageClient();
    const clock = fakeClock();
    const { services } = deckServices({ concurrency: 1, clock });
    const { user } = renderDeckPane(host, client, services);
    await startRun(user);
    await waitFor(() => expect(client.calls).toHaveLength(1));
    await act(async () => client.find("scene two").reject(new ApiError(429, "rate_limited", "rate_limited", "slow down", { retryAfterMs: 5000 })));
    await waitFor(() => expect(screen.getByRole("status", { name: "Progress of the run" })).toHaveTextContent("paused for 5 s"));
    expect(client.calls).toHaveLength(1);
    await act(async () => clock.advance(4000));
    expect(client.calls).toHaveLength(1);
    await act(async () => clock.advance(1000));
    await waitFor(() => expect(client.calls).toHaveLength(2));
    expect(client.calls[1].prompt).toMatch(/^scene two/);
  });

  it("Cancel all aborts every request in flight", async () => {
    const client = new ControlledImageClient();
    const { user } = renderDeckPane(deckHost(), client, deckServices().services);
    await startRun(user);
    await waitFor(() => expect(client.inFlight).toBe(2));
    const signals = client.pending.map((p) => p.callbacks.signal);
    await user.click(screen.getByRole("button", { name: "Cancel all" }));
    expect(signals.every((s) => s?.aborted)).toBe(true);
    await waitFor(() => expect(within(card(/^Slide 7:/)).getByText(/Failed: cancelled/)).toBeInTheDocument());
    expect(client.calls).toHaveLength(2);
  });

  it("a run left unfinished on slides is not offered in Word (the account's store holds both apps' runs)", async () => {
    const first = new ControlledImageClient();
    const stores = deckServices();
    const pane = renderDeckPane(deckHost(), first, stores.services);
    await startRun(pane.user);
    await waitFor(() => expect(first.calls).toHaveLength(2));
    pane.unmount(); // slides in flight: a run worth resuming, in PowerPoint

    const sections = new FakeDeck(DECK.map((item) => ({ ...item, id: `w${item.id}`, kind: "section" as const })));
    const word = new FakeHost("workbench-word") as FakeHost & { deck: FakeDeck };
    Object.defineProperty(word, "deck", { value: sections });
    const again = deckServices({ indexedDB: stores.indexedDB, library: stores.library });
    const { user } = renderDeckPane(word, new ControlledImageClient(), again.services);
    await user.click(await screen.findByRole("button", { name: "Illustrate sections…" }));
    const heading = await screen.findByRole("heading", { name: "Illustrate sections" });
    await screen.findByRole("button", { name: "Generate all" });
    // Word's term in the writer's notice: sections, not slides.
    expect(await screen.findByText("Prompts were written here from the section text (the image service has no prompt writer).")).toBeInTheDocument();
    expect(heading.closest("section")?.textContent).not.toMatch(/was not finished/);
    expect(screen.queryByRole("button", { name: "Resume" })).toBeNull();
  });

  it("a Word run left unfinished is offered again in Word after a later slide run (runs are kept per app)", async () => {
    const stores = deckServices();
    const sections = new FakeDeck(DECK.map((item) => ({ ...item, id: `w${item.id}`, kind: "section" as const })));
    const wordHost = () => {
      const word = new FakeHost("workbench-word") as FakeHost & { deck: FakeDeck };
      Object.defineProperty(word, "deck", { value: sections });
      return word;
    };
    const wordClient = new ControlledImageClient();
    const word = renderDeckPane(wordHost(), wordClient, stores.services);
    await word.user.click(await screen.findByRole("button", { name: "Illustrate sections…" }));
    const box = await screen.findByRole("textbox", { name: /^Prompt for Section 2:/ });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).not.toBe(""));
    await word.user.click(screen.getByRole("button", { name: "Generate all" }));
    await waitFor(() => expect(wordClient.calls).toHaveLength(2));
    word.unmount(); // sections in flight: a Word run worth resuming

    const slideServices = { ...deckServices({ indexedDB: stores.indexedDB, library: stores.library }).services, newId: () => "slides-run" };
    const slides = renderDeckPane(deckHost(), new ControlledImageClient(), slideServices);
    await startRun(slides.user); // a slide run, written after the Word one
    slides.unmount();

    const again = renderDeckPane(wordHost(), new ControlledImageClient(), deckServices({ indexedDB: stores.indexedDB, library: stores.library }).services);
    await again.user.click(await screen.findByRole("button", { name: "Illustrate sections…" }));
    expect(await screen.findByRole("button", { name: "Resume" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Illustrate sections" }).closest("section")?.textContent).toMatch(/was not finished/);
  });

  it("after a reload mid-run, Resume finishes the run without generating any item twice", async () => {
    const deck = new FakeDeck();
    const first = new ControlledImageClient();
    const stores = deckServices();
    const pane = renderDeckPane(deckHost(deck), first, stores.services);
    await startRun(pane.user);
    await waitFor(() => expect(first.calls).toHaveLength(2));
    await act(async () => first.find("scene two").resolve([(await import("../fakes")).fakeImage(1, 1)]));
    await waitFor(() => expect(first.calls).toHaveLength(3));
    await waitFor(() => expect(within(card(/^Slide 2:/)).getByText("Ready")).toBeInTheDocument());
    pane.unmount(); // the pane reloads with scene three and five in flight

    const second = new ControlledImageClient();
    const again = deckServices({ indexedDB: stores.indexedDB, library: stores.library });
    const { user } = renderDeckPane(deckHost(deck), second, again.services);
    await openPanel(user);
    await waitFor(() => expect(screen.getByRole("heading", { name: "Illustrate slides" }).closest("section")?.textContent).toMatch(/was not finished/));
    expect(second.calls).toHaveLength(0); // nothing is sent before Resume
    await user.click(screen.getByRole("button", { name: "Resume" }));
    await waitFor(() => expect(second.calls).toHaveLength(2));
    await act(async () => second.finishNext());
    await act(async () => second.finishNext());
    await waitFor(() => expect(second.calls).toHaveLength(3));
    await act(async () => second.finishNext());
    await waitFor(() => expect(screen.getByRole("status", { name: "Progress of the run" })).toHaveTextContent("4 of 4 ready"));
    // The counts end as a sentence before the next one (it read "0 failed All pictures are made.").
    expect(screen.getByRole("status", { name: "Progress of the run" })).toHaveTextContent(
      "4 of 4 ready · 0 creating · 0 queued · 0 waiting · 0 failed. All pictures are made. Accept the ones you want, then select Insert accepted.",
    );
    expect(second.callsFor("scene two")).toBe(0); // finished before the reload: never generated again
    for (const scene of ["scene three", "scene five", "scene seven"]) expect(first.callsFor(scene) <= 1 && second.callsFor(scene) === 1).toBe(true);
  });
  describe("bad input and faults (issue 8)", () => {
    it("an empty deck says there is nothing to illustrate and offers no Generate all", async () => {
      const { user } = renderDeckPane(deckHost(new FakeDeck([])), new ControlledImageClient(), deckServices().services);
      await openPanel(user);
      expect(await screen.findByText("There is nothing to illustrate: the document has no slides or sections.")).toBeInTheDocument();
      expect(screen.queryByRole("button", { name: "Generate all" })).toBeNull();
    });

    it("a deck of only title slides ticks nothing, and Generate all sends nothing", async () => {
      const titles = DECK.filter((item) => item.layout?.name === "Title Slide");
      const client = new ControlledImageClient();
      const { user } = renderDeckPane(deckHost(new FakeDeck(titles)), client, deckServices().services);
      await openPanel(user);
      await screen.findByRole("checkbox", { name: /^Slide 1:/ });
      expect(screen.queryAllByRole("checkbox", { checked: true })).toHaveLength(0);
      await user.click(screen.getByRole("button", { name: "Generate all" }));
      expect(client.calls).toHaveLength(0);
      expect(screen.getByRole("list", { name: "Which to illustrate" })).toBeInTheDocument(); // still choosing
    });

    it("a deck over the cap (60 slides; 200 in the selection and adapter tests) ticks the first 40 and says why the rest are not", async () => {
      const many = Array.from({ length: 60 }, (_, i) => ({ ...DECK[1], id: `m${i}`, index: i, title: `Topic ${i + 1}` }));
      const { user } = renderDeckPane(deckHost(new FakeDeck(many)), new ControlledImageClient(), deckServices().services);
      await openPanel(user);
      expect(await screen.findByText("60 items qualify, but one run takes at most 40: the first 40 are ticked. Run the rest afterwards.")).toBeInTheDocument();
      expect(screen.getAllByRole("checkbox", { checked: true })).toHaveLength(40);
      expect(screen.getByRole("checkbox", { name: /^Slide 40:/ })).toBeChecked();
      expect(screen.getByRole("checkbox", { name: /^Slide 41:/ })).not.toBeChecked();
    });

    it("a slide deleted between Generate and Insert says 'gone', keeps its picture, and the others go in", async () => {
      const { host, client, user } = await runningDeck(4);
      await waitFor(() => expect(client.calls).toHaveLength(4));
      for (let i = 0; i < 4; i++) await act(async () => client.finishNext());
      await screen.findByText(/All pictures are made/);
      await user.click(screen.getByRole("button", { name: "Accept all ready" }));
      host.deck.insertFailures.s5 = new HostError("item_gone", "The slide is no longer in the deck");
      await user.click(screen.getByRole("button", { name: "Insert accepted" }));
      await screen.findByText(/Inserted 3 of 4\./);
      expect(host.deck.inserts.map((i) => i.itemId)).toEqual(["s2", "s3", "s7"]);
      expect(within(card(/^Slide 5:/)).getByText(/Slide or section gone/)).toBeInTheDocument();
      expect(within(card(/^Slide 5:/)).getByRole("img")).toBeInTheDocument(); // the picture is not lost
    });

    it("the gateway going away mid-run: items say can't reach, Resume sends only those when it is back", async () => {
      const { client, user } = await runningDeck(2);
      await waitFor(() => expect(client.calls).toHaveLength(2));
      await act(async () => client.finishNext()); // scene two is ready
      await waitFor(() => expect(client.calls).toHaveLength(3));
      await act(async () => client.find("scene three").reject(new ConnectionError("Failed to fetch")));
      await waitFor(() => expect(client.calls).toHaveLength(4));
      await act(async () => client.find("scene five").reject(new ConnectionError("Failed to fetch")));
      await act(async () => client.find("scene seven").reject(new ConnectionError("Failed to fetch")));
      await waitFor(() => expect(within(card(/^Slide 7:/)).getByText(/can.t reach the image service/)).toBeInTheDocument());
      expect(within(card(/^Slide 3:/)).getByText(/can.t reach the image service/)).toBeInTheDocument();

      await user.click(await screen.findByRole("button", { name: "Resume" }));
      await waitFor(() => expect(client.calls).toHaveLength(6));
      await act(async () => client.finishNext());
      await act(async () => client.finishNext());
      await waitFor(() => expect(client.calls).toHaveLength(7));
      await act(async () => client.finishNext());
      await waitFor(() => expect(screen.getByRole("status", { name: "Progress of the run" })).toHaveTextContent("4 of 4 ready"));
      expect(client.callsFor("scene two")).toBe(1); // finished before the outage: never sent again
    });
  });
});
