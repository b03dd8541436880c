// The run driver outside React: a request slot frees when the answer arrives, not when the library has saved it.
import { createRun, NO_DECK_STYLE, type DeckRun } from "../../../../src/core/deck";
import type { NewPicture, PictureSummary } from "../../../../src/library";
import { DeckRunController } from "../../../../src/taskpane/deck/deckRunController";
import { MemoryRunStore } from "../../../../src/taskpane/deck/runStore";
import { fakeImage } from "../fakes";
import { ControlledImageClient, FakeDeck, FakePictureStore, fakeClock } from "./deckFakes";

/** A picture store whose saves wait until the test lets them finish (a slow IndexedDB write). */
class HeldPictureStore extends FakePictureStore {
  readonly held: (() => void)[] = [];
  override add(picture: NewPicture): Promise<PictureSummary> {
    return new Promise((resolve, reject) => this.held.push(() => void super.add(picture).then(resolve, reject)));
  }
}

function tenItems(): DeckRun {
  return createRun({
    runId: "run-1",
    createdAt: 0,
    style: NO_DECK_STYLE,
    items: Array.from({ length: 10 }, (_, i) => ({ id: `s${i + 1}`, index: i, kind: "slide" as const, title: `Slide ${i + 1}`, prompt: `scene ${i + 1}` })),
  });
}

/** Lets the promise callbacks queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("DeckRunController", () => {
  it("sends the next request as soon as an answer arrives, while that picture is still being saved", async () => {
    const client = new ControlledImageClient();
    const pictures = new HeldPictureStore();
    const controller = new DeckRunController(tenItems(), {
      imageClient: client,
      pictures,
      runs: new MemoryRunStore(),
      host: new FakeDeck([]),
      clock: fakeClock(),
      concurrency: 2,
    });
    controller.attach();
    controller.start();
    expect(client.calls.map((c) => c.prompt.split(",")[0])).toEqual(["scene 1", "scene 2"]);

    client.find("scene 1").resolve([fakeImage(1, 1)]);
    await settle();
    // Scene 1's save has not finished, yet scene 3 went out: two requests out, never more.
    expect(pictures.held).toHaveLength(1);
    expect(client.calls.map((c) => c.prompt.split(",")[0])).toEqual(["scene 1", "scene 2", "scene 3"]);
    expect(client.inFlight).toBe(2);
    expect(controller.run.items.s1.state).toMatchObject({ status: "creating", answeredAt: expect.any(Number) });

    pictures.held.shift()?.();
    await settle();
    expect(controller.run.items.s1).toMatchObject({ pictureId: "pic-1", state: { status: "ready" } });
    expect(client.calls).toHaveLength(3);
    expect(client.maxInFlight).toBe(2);
    controller.dispose();
  });
});
