// Cleans slide or section text for prompt writing: drops boilerplate, numbers, money, dates, URLs, filler words.

/** Characters of an item's body that are read at all; the rest is ignored so a huge slide stays cheap and bounded. */
export const MAX_BODY_CHARS_READ = 4000;

/**
 * Whole lines that carry no content: placeholder prompts, note labels, closings, footers. Matched after bullets
 * are stripped, case-insensitively, with trailing punctuation ignored. English plus the common German, French,
 * Spanish, Italian, Portuguese and Dutch forms.
 */
const BOILERPLATE_LINE =
  /^(?:click to (?:add|edit) (?:text|title|subtitle|notes|master (?:title|text|subtitle) styles?)|(?:speaker )?notes?|thank you(?: for your attention)?|thanks|many thanks|thank you very much|questions|any questions|q ?& ?a|danke(?: schön)?|vielen dank|fragen|merci(?: beaucoup)?|des questions|gracias|preguntas|grazie|domande|obrigad[oa]|perguntas|dank je wel|bedankt|vragen|confidential|strictly confidential|internal(?: use)?(?: only)?|vertraulich|intern|draft|entwurf|(?:slide|page|seite|folie|diapositive) \d+(?: (?:of|von|sur|de) \d+)?)[\s.!?:…]*$/iu;

/** Labels and placeholder prompts removed wherever they occur in a line. */
const INLINE_BOILERPLATE =
  /\b(?:speaker notes?|notes? for speaker|sprechernotizen|notes de l'orateur)\s*:|click to (?:add|edit) (?:text|title|subtitle|notes)/giu;

const BULLET = /^\s*(?:[•◦▪▫■□●○◆◇►▶➢➤✓✔\-–—*+·]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/iu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const COPYRIGHT = /(?:©|\(c\)|copyright\b).*$/giu;
/** Numeric dates (2024-03-01, 01/03/2024, 1.3.24) and times (14:30). */
const NUMERIC_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b/gu;
/** Money, percentages, and numbers with their scale words: $4.2M, €3 bn, 12 %, 1,200 USD, 5 Mio. €. */
const MONEY_AND_PERCENT =
  /[$€£¥₹]\s?\d[\d.,\s]*(?:\s?(?:k|m|bn|mn|b|mio|mrd|million|billion|thousand)\b\.?)?|\d[\d.,]*\s?(?:%|percent|pct|pp|bps|usd|eur|gbp|chf|jpy|k€|m€|[$€£¥₹])/giu;
/** Period and version tokens: Q3, H1, FY24, FY 2025, CY23, v2.1. */
const PERIOD_TOKEN = /\b(?:q[1-4]|h[12]|fy\s?\d{2,4}|cy\s?\d{2,4}|v\d+(?:\.\d+)*)\b/giu;
/** Anything left with a digit in it (7, 2024, 3x, 24/7, 10k). */
const DIGIT_TOKEN = /\S*\d\S*/gu;

/** Words that carry no picture: function words (en, de, fr, es, it, pt, nl), business filler, months, units. */
const FILLER = new Set(
  (
    "a an the and or but nor of to in on at by for from with without into onto over under about as is are was were be been being " +
    "this that these those it its we our us you your they their he she his her i me my mine them there here than then so such " +
    "not no yes all any each every some more most less least very much many few also just only still even again new vs via per " +
    "up down out off will would can could should may might must shall do does did done have has had get got make made " +
    "how what why when where which who whom whose while during before after across between within against toward towards " +
    "slide slides section overview update updates summary introduction intro recap key highlights agenda status next step steps " +
    "item items point points topic topics note notes etc including include includes e.g i.e approx around about total " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "region regions area areas region's " +
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday week weeks month months monthly weekly daily year years quarter quarterly annual annually yearly yoy qoq mom ytd " +
    "million millions billion billions thousand thousands mio mrd bn mn k percent pct " +
    "der die das den dem des und oder aber ein eine einer eines einem einen im in mit für von zu zum zur auf ist sind war als auch nicht wir unser unsere sie es bei nach über unter vom " +
    "le la les l des du de d et ou un une pour avec sur dans au aux est sont nous notre nos vous votre ce cette ces par plus " +
    "el los las y o un una unos unas para con por en del al es son nuestro nuestra nuestros más " +
    "il lo gli e di da per con su nel nella è sono nostro nostra più " +
    "o os as do da dos das para com em no na é são nosso nossa mais " +
    "het een en van voor met op is zijn onze ons"
  ).split(" "),
);

/** Cleaned text of one item: its title and body lines, with nothing in them a picture should show. */
export interface CleanedText {
  title: string;
  /** Body lines, boilerplate lines removed, each cleaned; at most {@link MAX_BODY_CHARS_READ} characters read. */
  bodyLines: string[];
}

/** Folds case and diacritics for matching: "Sécurité" → "securite", "’" → "'". */
export function foldForMatch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/gu, "'")
    .toLowerCase();
}

/** Removes what a picture must not show from one line: URLs, e-mails, dates, money, percentages, numbers, control characters. */
export function cleanLine(line: string): string {
  return line
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, " ")
    .replace(INLINE_BOILERPLATE, " ")
    .replace(BULLET, "")
    .replace(URL, " ")
    .replace(EMAIL, " ")
    .replace(COPYRIGHT, " ")
    .replace(NUMERIC_DATE, " ")
    .replace(MONEY_AND_PERCENT, " ")
    .replace(PERIOD_TOKEN, " ")
    .replace(DIGIT_TOKEN, " ")
    .replace(/[$€£¥₹%#|/\\<>{}[\]=_~^]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** True when a whole line is boilerplate (placeholder prompt, "Thank you", "Questions?", "Slide 3 of 12", …). */
export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINE.test(line.replace(BULLET, "").trim());
}

/** Splits a host's text into lines: PowerPoint's `\r` / vertical tab (soft return) and Word's `\r` count as breaks. */
function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u000b\u2028\u2029]/u);
}

/** Cleans an item's title and body (reading at most {@link MAX_BODY_CHARS_READ} characters of the body). */
export function cleanItemText(title: string, body: string): CleanedText {
  const titleLine = splitLines(title)
    .filter((l) => !isBoilerplateLine(l))
    .map(cleanLine)
    .filter(Boolean)
    .join(" ");
  const bodyLines = splitLines(body.slice(0, MAX_BODY_CHARS_READ))
    .filter((l) => !isBoilerplateLine(l))
    .map(cleanLine)
    .filter((l) => l.length > 0 && !isBoilerplateLine(l));
  return { title: titleLine, bodyLines };
}

/** A word of cleaned text with its folded form. */
export interface Word {
  text: string;
  folded: string;
}

/** A word folded for matching: {@link foldForMatch}, and a French / Italian elision dropped ("l'équipe" → "equipe"). */
export function foldWord(word: string): string {
  return foldForMatch(word).replace(/^(?:l|d|j|m|n|s|t|c|qu|dell|nell|all|dall|sull)'(?=\p{L})/u, "");
}

/**
 * Splits cleaned text into words: letters with inner apostrophes ("d'affaires"); hyphens split ("DACH-Region" →
 * "DACH", "Region") so each part can match on its own.
 */
export function words(text: string): Word[] {
  return (text.match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? []).map((w) => w.replace(/['’]+$/u, "")).map((w) => ({ text: w, folded: foldWord(w) }));
}

/** True for a word that carries no picture (function word, filler, month, unit) or is a single letter. */
export function isFiller(word: Word): boolean {
  return word.folded.length < 2 || FILLER.has(word.folded) || FILLER.has(word.folded.replace(/'s$/u, ""));
}
