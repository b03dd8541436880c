// Splits a Word document's paragraphs into sections (Heading 1 / Heading 2 and the text under each): pure, no Office calls.
import type { DeckItem } from "../../core/deck/types";

/** One paragraph as the section rules see it (Word: `Paragraph.text` and `styleBuiltIn`, WordApi 1.3). */
export interface OutlineParagraph {
  text: string;
  /** 1 for `Heading1`, 2 for `Heading2`; undefined for every other style (Heading 3+ is text of its section). */
  headingLevel?: number;
  /** Number of inline pictures in the paragraph. */
  pictureCount: number;
  /** `ContentControl.tag`s around those pictures (Illustrate's are `illustrate:<libraryId>`). */
  pictureTags: readonly string[];
}

/** A section with where it is in the paragraph list. */
export interface OutlineSection extends DeckItem {
  kind: "section";
  /** Index of the heading paragraph. */
  headingIndex: number;
  /** One past the section's last paragraph (the next heading of the same or a higher level, or the end). */
  endIndex: number;
  /** The paragraph a picture goes after: the first text paragraph right under the heading, else the heading. */
  anchorIndex: number;
  /** Tags of the content controls around the section's pictures. */
  pictureTags: string[];
}

/** The heading level (1 or 2) of a `styleBuiltIn` value, or undefined. Sections start at Heading 1 and Heading 2 only. */
export function headingLevelOf(styleBuiltIn: string | undefined): number | undefined {
  if (styleBuiltIn === "Heading1") return 1;
  if (styleBuiltIn === "Heading2") return 2;
  return undefined;
}

/**
 * A section id that survives edits elsewhere in the document: the heading text and its ordinal among headings with
 * the same text (`section:0:Market`). Found again by {@link findSection}; gone when the heading is deleted or renamed.
 */
function sectionId(title: string, occurrence: number): string {
  return `section:${occurrence}:${title}`;
}

/**
 * The sections of `paragraphs` in document order. A section's body is the text under its heading up to the next
 * heading of the same or a higher level (a Heading 1 section includes its Heading 2 subsections' text), one
 * paragraph a line; empty headings are skipped (nothing to illustrate, and no stable id). Text before the first
 * heading belongs to no section.
 */
export function outlineSections(paragraphs: readonly OutlineParagraph[]): OutlineSection[] {
  const sections: OutlineSection[] = [];
  const seen = new Map<string, number>();
  paragraphs.forEach((paragraph, headingIndex) => {
    const level = paragraph.headingLevel;
    const title = paragraph.text.trim();
    if (level === undefined || title === "") return;
    let endIndex = headingIndex + 1;
    while (endIndex < paragraphs.length && !((paragraphs[endIndex].headingLevel ?? Infinity) <= level)) endIndex += 1;
    const under = paragraphs.slice(headingIndex + 1, endIndex);
    const occurrence = seen.get(title) ?? 0;
    seen.set(title, occurrence + 1);
    const next = paragraphs[headingIndex + 1];
    const anchorIndex = next && headingIndex + 1 < endIndex && next.headingLevel === undefined ? headingIndex + 1 : headingIndex;
    const inSection = paragraphs.slice(headingIndex, endIndex);
    sections.push({
      id: sectionId(title, occurrence),
      index: sections.length,
      kind: "section",
      title,
      body: under
        .map((p) => p.text.trim())
        .filter((text) => text !== "")
        .join("\n"),
      hasPicture: inSection.some((p) => p.pictureCount > 0),
      layout: { headingLevel: level },
      headingIndex,
      endIndex,
      anchorIndex,
      pictureTags: inSection.flatMap((p) => p.pictureTags),
    });
  });
  return sections;
}

/** The section `id` names in `paragraphs`, or undefined when its heading is gone (deleted or renamed). */
export function findSection(paragraphs: readonly OutlineParagraph[], id: string): OutlineSection | undefined {
  return outlineSections(paragraphs).find((section) => section.id === id);
}

/** A section as {@link DeckItem} (without the paragraph bookkeeping). */
export function deckItemOf(section: OutlineSection): DeckItem {
  const { id, index, kind, title, body, hasPicture, layout } = section;
  return { id, index, kind, title, body, hasPicture, layout };
}
