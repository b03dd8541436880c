// Reads a prompt's words into scene choices (time, weather, season, land, water, subjects); pure.
import {
  FEATURE_WORDS,
  LAND_WORDS,
  NUMBER_WORDS,
  SEASON_WORDS,
  SUBJECT_WORDS,
  TIME_WORDS,
  WATER_WORDS,
  WEATHER_WORDS,
  type Feature,
  type Land,
  type Season,
  type SubjectKind,
  type TimeOfDay,
  type Water,
  type Weather,
} from "./vocabulary";

/** A subject the prompt names, with how many it asks for. */
export interface SubjectMention {
  kind: SubjectKind;
  /** Explicit count ("two boats" → 2), `undefined` for a bare singular, `"many"` for a plural or a group word. */
  count: number | "many" | undefined;
}

/** What the prompt's words ask for; `undefined` where no word decided it. */
export interface PromptReading {
  time?: TimeOfDay;
  weather?: Weather;
  season?: Season;
  land?: Land;
  water?: Exclude<Water, "none">;
  subjects: SubjectMention[];
  /** Extra features named (a rainbow, a road). */
  features: Feature[];
  /** Prompt words that set something, in prompt order (for tests and the description). */
  matched: string[];
}

/** Words that name a group, so they mean "many" even in the singular. */
const GROUP_WORDS = new Set(["forest", "woodland", "orchard", "flock", "people", "taiga", "village", "wildflower", "cattle", "herd"]);

/** Nouns whose plural is the singular ("sheep"): bare, they mean several. */
const SAME_PLURAL = new Set(["sheep", "deer", "elk", "moose", "reindeer", "cattle"]);

/** Subjects that are trees, so a following "tree(s)" only names them. */
const TREE_KINDS = new Set<SubjectKind>(["tree", "pine", "palm"]);

/** Lower-case words of `text` (letters and digits only). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Candidate dictionary forms of a word: itself and, for plurals, the singular ("boats" → "boat", "ponies" → "pony"). */
function forms(word: string): string[] {
  const result = [word];
  if (word.length > 3 && word.endsWith("ies")) result.push(`${word.slice(0, -3)}y`);
  if (word.length > 3 && word.endsWith("es")) result.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith("s") && !word.endsWith("ss")) result.push(word.slice(0, -1));
  return result;
}

/** The key of `table` whose word list holds one of `candidates`, if any. */
function lookup<K extends string>(table: Record<K, readonly string[]>, candidates: string[]): K | undefined {
  for (const key of Object.keys(table) as K[]) {
    if (candidates.some((candidate) => table[key].includes(candidate))) return key;
  }
  return undefined;
}

/**
 * Reads `prompt`: the first word of each kind decides it ("at dawn, not dusk" → dawn); every subject named
 * is kept with its count. Unknown words are ignored.
 */
export function readPrompt(prompt: string): PromptReading {
  const reading: PromptReading = { subjects: [], features: [], matched: [] };
  const tokens = words(prompt);
  tokens.forEach((token, index) => {
    const candidates = forms(token);
    let used = false;
    const take = <T>(current: T | undefined, found: T | undefined): T | undefined => {
      if (found === undefined) return current;
      used = true;
      return current ?? found;
    };
    reading.time = take(reading.time, lookup(TIME_WORDS, candidates));
    reading.weather = take(reading.weather, lookup(WEATHER_WORDS, candidates));
    reading.season = take(reading.season, lookup(SEASON_WORDS, candidates));
    reading.land = take(reading.land, lookup(LAND_WORDS, candidates));
    reading.water = take(reading.water, lookup(WATER_WORDS, candidates));
    const feature = lookup(FEATURE_WORDS, candidates);
    if (feature) {
      used = true;
      if (!reading.features.includes(feature)) reading.features.push(feature);
    }
    const kind = lookup(SUBJECT_WORDS, candidates);
    const previous = reading.subjects.at(-1);
    if (kind === "tree" && candidates.includes("tree") && previous && TREE_KINDS.has(previous.kind) && reading.matched.at(-1) === tokens[index - 1]) {
      // "palm trees", "pine tree": the noun after a tree kind sets the count, not a second subject.
      if (token !== "tree" && previous.count === undefined) previous.count = "many";
      reading.matched.push(token);
      return;
    }
    if (kind) {
      used = true;
      const before = tokens[index - 1];
      const number = before === undefined ? undefined : (NUMBER_WORDS[before] ?? (/^\d+$/.test(before) ? Number(before) : undefined));
      const dictionaryForm = candidates.find((candidate) => SUBJECT_WORDS[kind].includes(candidate));
      const group = GROUP_WORDS.has(dictionaryForm ?? token);
      const plural = dictionaryForm !== token || group || (SAME_PLURAL.has(token) && number === undefined);
      // "a forest", "a flock": one group of many.
      const count = group && (number === undefined || number === 1) ? "many" : (number ?? (plural ? "many" : undefined));
      const earlier = reading.subjects.find((subject) => subject.kind === kind);
      // Named twice ("camping ... tents"): the more specific count wins.
      if (!earlier) reading.subjects.push({ kind, count });
      else if (earlier.count === undefined) earlier.count = count;
    }
    if (used) reading.matched.push(token);
  });
  return reading;
}
