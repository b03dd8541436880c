/** @jest-environment jsdom */
// The first-paint English table (issue #11: no i18next in the first bundle): it is what i18next makes of en.json, and
// the pane's first draw looks exactly the same with it as with i18next.
import "./domShims";
import committed from "../../../src/taskpane/strings/firstPaint.en.json";
import { firstPaintId, firstPaintStrings } from "../../../src/taskpane/strings/firstPaintStrings";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { TaskPane } from "../../../src/taskpane/TaskPane";
import { StringsProvider } from "../../../src/taskpane/strings/useStrings";
import { FakeDeck } from "./deck/deckFakes";
import { FakeHost, FakeImageClient } from "./fakes";
import type { PaneStrings } from "../../../src/taskpane/strings/paneStrings";
import { createStrings, paneStringsOf } from "../../../src/taskpane/strings/strings";
import type { HostKind } from "../../../src/hosts/DocumentHost";
import { firstPaintTable } from "../../../scripts/lib/firstPaintTable";

/**
 * The pane's first draw as HTML, with React's ids (`useId`, counting up across renders) made alike. Call only from
 * synchronous code: nothing may settle in between (no selection read, no lazy panel loaded by an earlier draw).
 */
function firstDraw(strings: PaneStrings, kind: HostKind, withDeck: boolean): string {
  const host = new FakeHost(kind);
  if (withDeck) Object.defineProperty(host, "deck", { value: new FakeDeck() });
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <StringsProvider strings={strings}>
        <TaskPane host={host} imageClient={new FakeImageClient()} />
      </StringsProvider>
    </FluentProvider>,
  );
  const html = container.innerHTML.replace(/_r_[0-9a-z]+_/g, "_r_");
  unmount();
  return html;
}

describe("first-paint strings", () => {
  test("firstPaint.en.json is what i18next makes of en.json (else: npx tsx scripts/make-first-paint-strings.ts)", () => {
    expect(committed).toEqual(firstPaintTable());
  });

  test("the first draw is the same as with i18next's strings, in Word and PowerPoint, with and without the deck", () => {
    const cases = [
      ["word", true],
      ["powerpoint", true],
      ["workbench-word", true],
      ["workbench-slide", true],
      ["word", false],
    ] as const;
    const missing = new Set<string>();
    const english = paneStringsOf(createStrings("en"));
    // Every draw before any promise settles: each one a first draw, nothing loaded by the one before.
    const draws = cases.map(([kind, withDeck]) => ({
      kind,
      withDeck,
      first: firstDraw(firstPaintStrings({ onMissing: (id) => missing.add(id) }), kind, withDeck),
      full: firstDraw(english, kind, withDeck),
    }));
    for (const { first, full } of draws) {
      expect(first).toBe(full);
      expect(first).toContain(">Generate<");
      expect(first).toContain(">Use selection<");
    }
    // Asked for but absent: only the Insert texts, for panels that are not drawn yet (they wait for i18next's chunk).
    expect([...missing].filter((id) => !id.startsWith("insert."))).toEqual([]);
  });

  test("a call outside the table draws as nothing, never as its key", () => {
    const { t } = firstPaintStrings();
    expect(t("error.unauthorized")).toBe("");
    expect(t("constructor")).toBe(""); // own keys only, nothing from Object.prototype
    expect(t("options.countValue", { count: 9 })).toBe("");
    expect(t("options.countValue", { count: 2 })).toBe("2 pictures");
  });

  test("ids: parameters in name order, defaultValue left out", () => {
    expect(firstPaintId("a.b", { z: 1, a: "x y", defaultValue: "d" })).toBe("a.b?a=x+y&z=1");
    expect(firstPaintId("a.b")).toBe("a.b");
  });
});
