// Styles of the PowerPoint-like slide: a 960 × 540 pt slide scaled to fit, shapes, selection outline.
import { makeStyles, tokens } from "@fluentui/react-components";
import { SLIDE_SIZE_PT } from "./slideModel";

/** CSS pixels per point (CSS fixes 1 pt = 4/3 px). */
const PX_PER_PT = 4 / 3;
/** The slide's width in CSS pixels before scaling. */
export const SLIDE_WIDTH_PX = SLIDE_SIZE_PT.widthPt * PX_PER_PT;

/** A 960 × 540 pt drawing surface scaled from its top-left corner (the slide, and each preview of the slide list). */
export const SLIDE_CANVAS = {
  position: "absolute",
  left: 0,
  top: 0,
  width: `${SLIDE_SIZE_PT.widthPt}pt`,
  height: `${SLIDE_SIZE_PT.heightPt}pt`,
  transformOrigin: "0 0",
  color: tokens.colorNeutralForeground1,
  fontFamily: "Calibri, 'Segoe UI', Carlito, sans-serif",
} as const;

/** Styles of the view (theme tokens only). */
export const useSlideStyles = makeStyles({
  viewport: { width: "100%", maxWidth: `${SLIDE_WIDTH_PX}px`, margin: "0 auto", position: "relative", overflow: "hidden", boxShadow: tokens.shadow16 },
  slide: { ...SLIDE_CANVAS, backgroundColor: tokens.colorNeutralBackground1 },
  shape: {
    position: "absolute",
    boxSizing: "border-box",
    outlineOffset: "0",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  textBox: {
    padding: "3.6pt 7.2pt",
    border: `${tokens.strokeWidthThin} dashed transparent`,
    ":hover": { border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}` },
  },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  text: {
    minHeight: "100%",
    textAlign: "start", // by the text box's own direction (dir="auto"), not the UI's

    outlineStyle: "none",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    ":empty::before": { content: "attr(data-placeholder)", color: tokens.colorNeutralForeground4 },
  },
  picture: { cursor: "default" },
});
