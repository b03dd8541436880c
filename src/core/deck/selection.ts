// Which slides or sections start ticked for a run, why the others do not, and the cap on a run's size.
import { cleanItemText, foldForMatch } from "./slideText";
import type { DeckItem } from "./types";

/**
 * Most items one run generates. Each item is one image request; at the gateway's usual budget (a few concurrent
 * requests, tens of images a minute, shared/docs/image-api.md "Rate limits") 40 pictures take several minutes and
 * a review grid of 40 is what a person can still judge. Larger decks are illustrated in several runs.
 */
export const MAX_ITEMS_PER_RUN = 40;

/** What an item is for the run's rules. */
export type ItemRole = "title" | "section-header" | "closing" | "agenda" | "references" | "empty" | "content";

/** Why an item starts unticked; each is a pane string key. */
export type UntickReason =
  | "deck.untick.hasPicture"
  | "deck.untick.titleSlide"
  | "deck.untick.sectionHeader"
  | "deck.untick.closingSlide"
  | "deck.untick.agendaSlide"
  | "deck.untick.references"
  | "deck.untick.noText"
  /** Ticking it would take the run over {@link MAX_ITEMS_PER_RUN}. */
  | "deck.untick.runCap";

/** Closing titles (folded, trailing punctuation ignored), in the languages of the slide-text rules. */
const CLOSING =
  /^(?:thank you(?: for your (?:attention|time))?|thanks|many thanks|questions|any questions|q ?& ?a|questions (?:and|&) answers|contact(?: us)?|get in touch|the end|danke(?: schon)?|vielen dank|fragen|merci(?: beaucoup)?|des questions|gracias|preguntas|grazie|domande|obrigad[oa]|perguntas|bedankt|dank je wel|vragen)$/u;
const AGENDA =
  /^(?:agenda|today'?s agenda|contents|table of contents|outline|overview|inhalt|inhaltsverzeichnis|tagesordnung|sommaire|ordre du jour|indice|orden del dia|sommario|ordine del giorno|sumario|pauta|inhoud|inhoudsopgave)$/u;
const REFERENCES =
  /^(?:references|bibliography|sources|appendix|annex|literatur|quellen|anhang|bibliographie|annexe|bibliografia|referencias|anexo|appendice|bijlage)$/u;

function normTitle(title: string): string {
  return foldForMatch(title)
    .replace(/[\s.!?:…]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Classifies an item from its layout and text:
 * - `title`: layout "Title Slide", or a centre-title / subtitle placeholder and no body or content placeholder, or the
 *   first slide when the host gives no layout and the slide has little text (≤ 2 body lines);
 * - `section-header`: layout "Section Header" (any case; "Section" in the layout name);
 * - `closing` / `agenda` / `references`: by the title ("Thank you", "Questions?", "Agenda", "Contents", "Appendix"…);
 * - `empty`: nothing left to write a prompt from once boilerplate and numbers are removed;
 * - otherwise `content`.
 */
export function itemRole(item: DeckItem): ItemRole {
  const title = normTitle(item.title);
  if (CLOSING.test(title)) return "closing";
  if (AGENDA.test(title)) return "agenda";
  if (REFERENCES.test(title)) return "references";
  const layout = item.layout?.name ? foldForMatch(item.layout.name) : "";
  if (item.kind === "slide") {
    if (/\bsection\b/u.test(layout)) return "section-header";
    if (/\btitle slide\b/u.test(layout)) return "title";
    const placeholders = item.layout?.placeholders ?? [];
    const hasBody = placeholders.some((p) => p === "Body" || p === "Content" || p === "Picture" || p === "Chart" || p === "Table");
    if (placeholders.includes("CenterTitle") && !hasBody) return "title";
  }
  const cleaned = cleanItemText(item.title, item.body);
  if (!cleaned.title && cleaned.bodyLines.length === 0) return "empty";
  if (item.kind === "slide" && item.index === 0 && !item.layout && cleaned.bodyLines.length <= 2) return "title";
  return "content";
}

const ROLE_REASON: Partial<Record<ItemRole, UntickReason>> = {
  title: "deck.untick.titleSlide",
  "section-header": "deck.untick.sectionHeader",
  closing: "deck.untick.closingSlide",
  agenda: "deck.untick.agendaSlide",
  references: "deck.untick.references",
  empty: "deck.untick.noText",
};

/** The ticks a run starts with. */
export interface DefaultSelection {
  /** Ids of the items that start ticked, in deck order; never more than `maxPerRun`. */
  ticked: string[];
  /** Why each unticked item is unticked (the pane shows it beside the checkbox). */
  reasons: Record<string, UntickReason>;
  /** Present when more items qualified than one run takes: `qualified` of them, the first `limit` ticked. */
  capped?: { qualified: number; limit: number };
}

/**
 * Default ticks: every `content` item without a picture, in deck order, up to `maxPerRun`. Items that already have a
 * picture, title / section-header / closing / agenda / references slides, and items with no usable text start
 * unticked, each with its reason. Items are taken in `index` order whatever order they come in.
 */
export function defaultSelection(items: readonly DeckItem[], maxPerRun = MAX_ITEMS_PER_RUN): DefaultSelection {
  const ticked: string[] = [];
  const reasons: Record<string, UntickReason> = {};
  let qualified = 0;
  for (const item of [...items].sort((a, b) => a.index - b.index)) {
    const roleReason = ROLE_REASON[itemRole(item)];
    const reason = item.hasPicture ? "deck.untick.hasPicture" : roleReason;
    if (reason) {
      reasons[item.id] = reason;
      continue;
    }
    qualified++;
    if (ticked.length < maxPerRun) ticked.push(item.id);
    else reasons[item.id] = "deck.untick.runCap";
  }
  return qualified > maxPerRun ? { ticked, reasons, capped: { qualified, limit: maxPerRun } } : { ticked, reasons };
}

/** Whether the person's ticks fit in one run. */
export type RunSizeCheck =
  | { ok: true; count: number }
  | { ok: false; key: "deck.runTooLarge"; count: number; limit: number; /** How many to untick. */ over: number }
  | { ok: false; key: "deck.runEmpty"; count: 0 };

/** Checks the ticks before Generate all: at least one, at most `maxPerRun` ({@link MAX_ITEMS_PER_RUN} says why). */
export function checkRunSize(tickedIds: readonly string[], maxPerRun = MAX_ITEMS_PER_RUN): RunSizeCheck {
  const count = new Set(tickedIds).size;
  if (count === 0) return { ok: false, key: "deck.runEmpty", count: 0 };
  if (count > maxPerRun) return { ok: false, key: "deck.runTooLarge", count, limit: maxPerRun, over: count - maxPerRun };
  return { ok: true, count };
}
