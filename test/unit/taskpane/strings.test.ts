// The translations: every key in every language, the same {{variables}} (and formats), the plural forms each needs.
import fs from "node:fs";
import path from "node:path";
import { pickLanguage } from "../../../src/taskpane/strings/language";
import EN_RESOURCES from "../../../src/taskpane/strings/en.json";
import { directionOf, LANGUAGES, loadStrings, supportedLanguage } from "../../../src/taskpane/strings/strings";

const STRINGS_DIR = path.resolve(__dirname, "../../../src/taskpane/strings");
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Table = { [key: string]: string | Table };

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`; a non-string leaf is reported as an error. */
function flatten(table: Table, prefix = "", into: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(table)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") into[full] = value;
    else if (typeof value === "object" && value !== null) flatten(value, full, into);
    else throw new Error(`${full} is not a string`);
  }
  return into;
}

/** The `{{name}}` / `{{name, format}}` placeholders of a string, as "name" or "name, format", sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s*,\s*/, ", ")).sort();
}

const without = (list: string[], name: string) => list.filter((p) => p.split(",")[0] !== name);

const english = flatten(EN_RESOURCES as Table);
/** English plural families: base key → its forms' texts. */
const englishPlurals = new Set(
  Object.keys(english)
    .filter((k) => k.endsWith("_other"))
    .map((k) => k.replace(PLURAL_SUFFIX, "")),
);
const baseOf = (key: string) =>
  PLURAL_SUFFIX.test(key) && englishPlurals.has(key.replace(PLURAL_SUFFIX, "")) ? key.replace(PLURAL_SUFFIX, "") : key;
const englishSingles = Object.keys(english).filter((k) => !englishPlurals.has(baseOf(k)) || baseOf(k) === k);

/** Every problem of one language's table against English (empty = complete and consistent). */
function problems(language: string, table: Record<string, string>): string[] {
  const found: string[] = [];
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  for (const key of englishSingles) {
    if (!(key in table)) found.push(`${language}: missing ${key}`);
    else if (table[key]!.trim() === "") found.push(`${language}: empty ${key}`);
    else if (placeholders(table[key]!).join("|") !== placeholders(english[key]!).join("|"))
      found.push(`${language}: ${key} has ${placeholders(table[key]!).join(" ")}; English has ${placeholders(english[key]!).join(" ")}`);
  }
  for (const base of englishPlurals) {
    const englishOther = placeholders(english[`${base}_other`]!);
    for (const category of categories) {
      const key = `${base}_${category}`;
      const text = table[key];
      if (text === undefined) {
        found.push(`${language}: missing plural form ${key}`);
        continue;
      }
      // A form may say the number in words ("صورتان", "une image"): only `count` may be left out, and only there.
      const mustHaveCount = category === "other" || category === "few" || category === "many";
      const expected = mustHaveCount ? englishOther : without(englishOther, "count");
      const actual = mustHaveCount ? placeholders(text) : without(placeholders(text), "count");
      if (actual.join("|") !== expected.join("|"))
        found.push(`${language}: ${key} has ${placeholders(text).join(" ")}; English has ${englishOther.join(" ")}`);
    }
  }
  for (const key of Object.keys(table)) {
    const base = baseOf(key);
    const known = base === key ? key in english && !englishPlurals.has(key) : categories.includes(key.slice(base.length + 1));
    if (!known) found.push(`${language}: unknown key ${key}`);
  }
  return found;
}

describe("translations", () => {
  test("one JSON file per language, no others", () => {
    const files = fs
      .readdirSync(STRINGS_DIR)
      .filter((f) => f.endsWith(".json") && f !== "firstPaint.en.json") // the first draw's English, firstPaintStrings.test.tsx
      .sort();
    expect(files).toEqual([...LANGUAGES].map((l) => `${l}.json`).sort());
  });

  test.each(LANGUAGES.filter((l) => l !== "en"))("%s: every key, the same {{variables}} and formats, every plural form", (language) => {
    const table = flatten(JSON.parse(fs.readFileSync(path.join(STRINGS_DIR, `${language}.json`), "utf8")) as Table);
    expect(problems(language, table)).toEqual([]);
  });

  test("English itself has every plural form English needs", () => {
    expect(problems("en", english)).toEqual([]);
  });

  test("the check catches a missing key, a dropped or renamed variable, a changed format and a missing plural form", () => {
    const ar = flatten(JSON.parse(fs.readFileSync(path.join(STRINGS_DIR, "ar.json"), "utf8")) as Table);
    const broken: Record<string, string> = {
      ...ar,
      "error.requestId": "المعرّف",
      "account.signedInAs": "{{user}}",
      "history.heading": "السجل ({{count}})",
    };
    delete broken["insert.done"];
    delete broken["options.countValue_two"];
    expect(problems("ar", broken).sort()).toEqual(
      [
        "ar: missing insert.done",
        "ar: error.requestId has ; English has requestId",
        "ar: account.signedInAs has user; English has name",
        "ar: history.heading has count; English has count, number",
        "ar: missing plural form options.countValue_two",
      ].sort(),
    );
    expect(problems("ar", { ...ar, "generate.working_many": "جارٍ إنشاء الصور…" })).toEqual([
      "ar: generate.working_many has ; English has count, number",
    ]);
    expect(
      problems("de", { ...flatten(JSON.parse(fs.readFileSync(path.join(STRINGS_DIR, "de.json"), "utf8")) as Table), "insert.extra": "x" }),
    ).toEqual(["de: unknown key insert.extra"]);
  });
});

describe("loading a language", () => {
  test("Arabic loads lazily, reads right to left, and uses all six plural forms", async () => {
    const { strings, ready } = loadStrings("ar-SA");
    await ready;
    expect(strings.language).toBe("ar-SA");
    expect(strings.resolvedLanguage).toBe("ar");
    expect(directionOf(strings.language)).toBe("rtl");
    expect(strings.t("generate.button")).toBe("إنشاء");
    const counts = [0, 1, 2, 3, 11, 100].map((count) => strings.t("options.countValue", { count }));
    expect(new Set(counts).size).toBe(6);
    expect(counts[1]).toBe("صورة واحدة");
    expect(counts[2]).toBe("صورتان");
    expect(counts[3]).toBe(`${new Intl.NumberFormat("ar-SA").format(3)} صور`);
  });

  test("numbers go through Intl for the shown language", async () => {
    const de = await loadStrings("de-DE").ready;
    expect(de.t("error.timeout", { seconds: 1200 })).toBe(
      `Der Bilddienst hat nicht innerhalb von ${new Intl.NumberFormat("de-DE").format(1200)} s geantwortet. Wählen Sie erneut „Generieren“, eventuell mit weniger Bildern.`,
    );
    expect(de.t("error.timeout", { seconds: 1200 })).toContain("1.200 s");
    const fr = await loadStrings("fr").ready;
    expect(fr.t("options.countValue", { count: 1 })).toBe("1 image");
    expect(fr.t("options.countValue", { count: 3 })).toBe("3 images");
    expect(fr.t("options.countValue", { count: 1_000_000 })).toBe(`${new Intl.NumberFormat("fr").format(1_000_000)} d’images`);
  });

  test("a key a language lacks falls back to English, per key", async () => {
    const ja = await loadStrings("ja").ready;
    const table = ja.getResourceBundle("ja", "translation") as { app: Record<string, string> };
    delete table.app.subtitle;
    expect(ja.t("app.subtitle")).toBe("Create a picture from your text");
    expect(ja.t("generate.button")).toBe("生成");
  });

  test("a language without resources shows (and is tagged) English; a regional variant uses its language", async () => {
    expect((await loadStrings("nl-NL").ready).language).toBe("en");
    expect((await loadStrings("nl-NL").ready).t("generate.button")).toBe("Generate");
    expect((await loadStrings("es-MX").ready).t("generate.button")).toBe("Generar");
    expect(supportedLanguage("DE_at")).toBe("de");
    expect(supportedLanguage("")).toBe("en");
    expect(directionOf("de")).toBe("ltr");
  });
});

describe("pickLanguage", () => {
  test("?lang= first, then Office's display language, then the browser's", () => {
    expect(pickLanguage({ search: "?doc=word&lang=ar", officeLanguage: "de-DE", browserLanguages: ["fr-FR"] })).toBe("ar");
    expect(pickLanguage({ search: "?doc=word", officeLanguage: "de-DE", browserLanguages: ["fr-FR"] })).toBe("de-DE");
    expect(pickLanguage({ browserLanguages: ["", "ja-JP", "en"] })).toBe("ja-JP");
    expect(pickLanguage({})).toBe("en");
  });
});
