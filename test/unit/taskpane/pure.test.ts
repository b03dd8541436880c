// Pure helpers of the pane: image src, history, style presets, theme from Office, strings.
import { STYLE_PRESETS, STYLE_SUFFIX, styledPrompt } from "../../../src/core/protocol/styles";
import { historyReducer, type HistoryItem } from "../../../src/taskpane/history";
import { imageSrc } from "../../../src/taskpane/imageSrc";
import { luminance, paneThemeFor } from "../../../src/taskpane/officeEnvironment";
import { createStrings, hasString } from "../../../src/taskpane/strings/strings";
import { fakeImage } from "./fakes";
import { PNG_1X1 } from "../../support/pictures";

describe("imageSrc", () => {
  test("builds a data URL for PNG and JPEG base64", () => {
    expect(imageSrc({ base64: PNG_1X1, mimeType: "image/png" })).toBe(`data:image/png;base64,${PNG_1X1}`);
    expect(imageSrc({ base64: "/9j/4AAQ", mimeType: "image/jpeg" })).toBe("data:image/jpeg;base64,/9j/4AAQ");
  });
  test.each([
    ["svg", { base64: PNG_1X1, mimeType: "image/svg+xml" }],
    ["quote injection", { base64: `${PNG_1X1}" onerror="x`, mimeType: "image/png" }],
    ["data: prefix", { base64: `data:image/png;base64,${PNG_1X1}`, mimeType: "image/png" }],
    ["empty", { base64: "", mimeType: "image/png" }],
  ])("refuses %s", (_name, picture) => {
    expect(imageSrc(picture as never)).toBeUndefined();
  });
  test("one picture, one check: the same string on every call, the bytes' check made once", () => {
    const picture = { base64: PNG_1X1, mimeType: "image/png" as const };
    const scans = jest.spyOn(RegExp.prototype, "test");
    try {
      const first = imageSrc(picture);
      const checks = scans.mock.calls.length;
      expect(checks).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) expect(imageSrc(picture)).toBe(first);
      expect(scans.mock.calls.length).toBe(checks);
      // Another object with the same bytes is checked on its own.
      expect(imageSrc({ ...picture })).toBe(first);
      expect(scans.mock.calls.length).toBeGreaterThan(checks);
    } finally {
      scans.mockRestore();
    }
  });
});

describe("history", () => {
  const item = (id: string): HistoryItem => ({
    id,
    image: fakeImage(),
    prompt: id,
    sentPrompt: id,
    style: "none",
    aspect: "square",
    batchId: "b",
    createdAt: 0,
    insertedCount: 0,
  });
  test("adds newest first, counts inserts, drops only on discard", () => {
    let h = historyReducer([], { type: "add", items: [item("a")] });
    h = historyReducer(h, { type: "add", items: [item("b"), item("c")] });
    expect(h.map((i) => i.id)).toEqual(["b", "c", "a"]);
    h = historyReducer(h, { type: "inserted", id: "a" });
    h = historyReducer(h, { type: "inserted", id: "a" });
    expect(h.find((i) => i.id === "a")?.insertedCount).toBe(2);
    h = historyReducer(h, { type: "discard", id: "c" });
    expect(h.map((i) => i.id)).toEqual(["b", "a"]);
  });
});

describe("style presets", () => {
  test("None leaves the prompt alone; others append their suffix once", () => {
    expect(styledPrompt("  A fox  ", "none")).toBe("A fox");
    expect(styledPrompt("A fox.", "lineArt")).toBe(`A fox, ${STYLE_SUFFIX.lineArt}`);
    expect(styledPrompt("", "photo")).toBe("");
  });
  test("the styled prompt stays within the length limit", () => {
    const long = "a".repeat(5000);
    for (const preset of STYLE_PRESETS) expect(styledPrompt(long, preset, 4000).length).toBeLessThanOrEqual(4000);
    expect(styledPrompt(long, "photo", 4000).endsWith(STYLE_SUFFIX.photo)).toBe(true);
  });
  test("every preset has a label", () => {
    for (const preset of STYLE_PRESETS) expect(hasString(`style.${preset}`)).toBe(true);
  });
});

describe("theme from Office", () => {
  test.each([
    ["#FFFFFF", false, "light"],
    ["#E6E6E6", false, "light"],
    ["#262626", false, "dark"],
    ["#000", false, "dark"],
    ["#444444", false, "dark"],
    [undefined, false, "light"],
    ["not a colour", false, "light"],
    ["#FFFFFF", true, "highContrast"],
  ] as const)("%s (forced colours %s) → %s", (background, forced, theme) => {
    expect(paneThemeFor(background, forced)).toBe(theme);
  });
  test("luminance", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
  });
});

describe("strings", () => {
  test("an unknown language falls back to English; plurals work", () => {
    const strings = createStrings("nl-NL");
    expect(strings.t("generate.button")).toBe("Generate");
    expect(strings.t("options.countValue", { count: 1 })).toBe("1 picture");
    expect(strings.t("options.countValue", { count: 3 })).toBe("3 pictures");
  });
  test("values are not HTML-escaped (React renders them as text)", () => {
    expect(createStrings().t("error.unknown", { message: "<b>&" })).toBe("Something went wrong: <b>&. Try again.");
  });
});
