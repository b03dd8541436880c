// The local PromptWriter: deterministic, offline rules from a slide's title and strongest body phrases to a scene brief.
import { findConcepts } from "./concepts";
import { joinAnd, NO_TEXT_CLAUSE, type DeckStyle } from "./deckStyle";
import type { PromptWriter, VisualBrief } from "./promptWriter";
import { cleanItemText, isFiller, words, type Word } from "./slideText";
import type { DeckItemText } from "./types";

/** Most scene subjects a brief combines (more makes a cluttered picture). */
export const MAX_SUBJECTS = 2;
/** Most topic words a brief carries from the item's own text. */
export const MAX_TOPIC_WORDS = 6;
/** Longest topic word kept, in characters (a pasted token of 200 letters is not a topic). */
const MAX_WORD_CHARS = 24;
/** Longest brief the local writer returns, in characters (the scenes are curated and short; this bounds the rest). */
export const MAX_LOCAL_BRIEF_CHARS = 400;

/** A topic word as it goes into the prompt: acronyms keep their capitals, other words go lower case. */
function asTopicWord(word: Word): string {
  return word.text.length > 1 && word.text === word.text.toUpperCase() ? word.text : word.text.toLowerCase();
}

/**
 * Topic words: the title's content words, in order; when the title gives fewer than three, the body's most frequent
 * content words (then earliest) fill up to {@link MAX_TOPIC_WORDS}. Words a setting concept consumed ("EMEA") and
 * filler are left out; duplicates are dropped.
 */
function topicWords(all: readonly Word[], titleCount: number, skip: ReadonlySet<number>): string[] {
  const candidate = (w: Word, i: number) => !skip.has(i) && !isFiller(w) && w.text.length <= MAX_WORD_CHARS;
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (w: Word) => {
    if (out.length >= MAX_TOPIC_WORDS || seen.has(w.folded)) return;
    seen.add(w.folded);
    out.push(asTopicWord(w));
  };
  all.slice(0, titleCount).forEach((w, i) => candidate(w, i) && add(w));
  if (out.length >= 3) return out;
  const counts = new Map<string, { word: Word; count: number; first: number }>();
  all.forEach((w, i) => {
    if (i < titleCount || !candidate(w, i) || w.folded.length < 4) return;
    const entry = counts.get(w.folded);
    if (entry) entry.count++;
    else counts.set(w.folded, { word: w, count: 1, first: i });
  });
  [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).forEach((e) => add(e.word));
  return out;
}

/**
 * Writes the brief of one item. Deterministic: the same text always gives the same brief.
 * @returns `prompt: ""` when nothing in the item can be pictured (empty, only numbers or boilerplate).
 */
export function writeLocalBrief(item: DeckItemText): VisualBrief {
  const cleaned = cleanItemText(item.title, item.body);
  const titleWords = words(cleaned.title);
  const all = [...titleWords, ...cleaned.bodyLines.flatMap(words)];
  const hits = findConcepts(all, titleWords.length);
  const subjects = hits.filter((h) => h.concept.kind === "subject").slice(0, MAX_SUBJECTS);
  const setting = hits.find((h) => h.concept.kind === "setting");
  const topic = topicWords(all, titleWords.length, new Set(setting?.at ?? [])).join(" ");
  const settingPart = setting ? ` ${setting.concept.scene}` : "";
  let scene: string;
  if (subjects.length > 0) {
    scene = `A single clear scene of ${joinAnd(subjects.map((s) => s.concept.scene))}${settingPart}${topic ? `, evoking ${topic}` : ""}`;
  } else if (topic) {
    scene = `A single clear scene that conveys ${topic}${settingPart}`;
  } else if (setting) {
    scene = `A single clear scene${settingPart}`;
  } else {
    return { itemId: item.id, prompt: "", writer: "local", concepts: [] };
  }
  const room = MAX_LOCAL_BRIEF_CHARS - NO_TEXT_CLAUSE.length - 3;
  if (scene.length > room) scene = scene.slice(0, scene.lastIndexOf(" ", room));
  return {
    itemId: item.id,
    prompt: `${scene}, ${NO_TEXT_CLAUSE}.`,
    writer: "local",
    concepts: [...subjects, ...(setting ? [setting] : [])].map((h) => h.concept.id),
  };
}

/** The default {@link PromptWriter}: offline, never throws, ignores the deck style (the run suffix carries it). */
export const localPromptWriter: PromptWriter = {
  id: "local",
  write(items: readonly DeckItemText[], _deckStyle: DeckStyle): Promise<VisualBrief[]> {
    return Promise.resolve(items.map(writeLocalBrief));
  },
};
