// Styles of the Word-like page: a Letter page in points, paragraph styles, inline picture selection.
import { makeStyles, tokens } from "@fluentui/react-components";
import { PAGE_MARGIN_PT, PAGE_SIZE_PT } from "./wordPageModel";

/** Styles of the view (theme tokens only). */
export const useWordPageStyles = makeStyles({
  page: {
    boxSizing: "border-box",
    width: `${PAGE_SIZE_PT.widthPt}pt`,
    minHeight: `${PAGE_SIZE_PT.heightPt}pt`,
    padding: `${PAGE_MARGIN_PT}pt`,
    margin: "0 auto",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow16,
    fontFamily: "Calibri, 'Segoe UI', Carlito, sans-serif",
    fontSize: "11pt",
    lineHeight: 1.15,
    // FluentProvider sets text-align left (right in RTL); a document's paragraphs align by their own direction.
    textAlign: "start",
  },
  column: { display: "flex", flexDirection: "column" },
  paragraph: {
    margin: "0 0 8pt 0",
    minHeight: "1.15em",
    outlineStyle: "none",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    ":focus-visible": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  heading1: { fontSize: "16pt", color: "#2f5496", fontFamily: "'Calibri Light', 'Segoe UI Light', Carlito, sans-serif", marginTop: "12pt" },
  heading2: { fontSize: "13pt", color: "#2f5496", fontFamily: "'Calibri Light', 'Segoe UI Light', Carlito, sans-serif", marginTop: "6pt" },
  title: { fontSize: "28pt", lineHeight: 1.1, fontFamily: "'Calibri Light', 'Segoe UI Light', Carlito, sans-serif", marginBottom: "12pt" },
  caption: { fontSize: "9pt", fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  pictureParagraph: { margin: "0 0 8pt 0", lineHeight: 0 },
  picture: {
    display: "inline-block",
    cursor: "default",
    outlineOffset: "2px",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  pictureSelected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
});
