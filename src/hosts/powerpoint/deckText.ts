// How a slide's shapes become a deck item's title and body (pure; shared by the PowerPoint adapter and the stand-in).

/** A text-bearing shape as the deck rules see it, in shape order. */
export interface TextShape {
  /** The shape's id, where the reader keeps it. */
  id?: string;
  name: string;
  /** `Shape.placeholderFormat.type` (PowerPointApi 1.8), when the shape is a placeholder and the host tells. */
  placeholderType?: string;
  /** `textFrame.textRange.text` (1.4); shapes without text are left out by the reader (`textFrame.hasText`). */
  text: string;
}

/** Placeholder types that hold a slide's title. */
const TITLE_PLACEHOLDERS = new Set(["Title", "CenterTitle", "VerticalTitle"]);
/** Placeholders whose text is not slide content (date, number, footer, header). */
const CHROME_PLACEHOLDERS = new Set(["Date", "SlideNumber", "Footer", "Header"]);
/** Shape names PowerPoint gives title placeholders ("Title 1"), for hosts below 1.8 that cannot tell the type. */
const TITLE_NAME = /^title\b/i;

/**
 * Title and body of a slide: the title is the text of the title / centre-title placeholder (1.8), else of the first
 * shape named "Title …" (PowerPoint's default name for it), else the first text on the slide. The body is every other
 * text, one shape a line, without date / slide-number / footer / header placeholders.
 */
export function titleAndBody(shapes: readonly TextShape[]): { title: string; body: string } {
  const content = shapes.filter((s) => !(s.placeholderType && CHROME_PLACEHOLDERS.has(s.placeholderType)) && s.text.trim() !== "");
  const titleShape =
    content.find((s) => s.placeholderType !== undefined && TITLE_PLACEHOLDERS.has(s.placeholderType)) ??
    content.find((s) => TITLE_NAME.test(s.name)) ??
    content[0];
  return {
    title: titleShape ? oneLine(titleShape.text) : "",
    body: content
      .filter((s) => s !== titleShape)
      .map((s) => s.text.replace(/\r\n?|\v/g, "\n").trim())
      .join("\n"),
  };
}

/** PowerPoint separates lines with "\r" (and "\v" for soft breaks); a title reads as one line. */
function oneLine(text: string): string {
  return text
    .replace(/[\r\n\v]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
