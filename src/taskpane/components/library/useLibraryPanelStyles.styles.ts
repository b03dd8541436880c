// Styles of the library panel (makeStyles with Fluent theme tokens only).
import { makeStyles, tokens } from "@fluentui/react-components";

/** Height of one row before it is measured (px): thumbnail plus two lines and the buttons. */
export const ESTIMATED_ROW_PX = 112;

export const useLibraryPanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  tools: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  scroller: {
    // A bounded box that scrolls: only the rows in view (plus a few) are in the DOM.
    maxHeight: "420px",
    height: "420px",
    overflowY: "auto",
    contain: "strict",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  scrollerShort: { height: "auto", contain: "content" },
  list: { listStyleType: "none", margin: 0, padding: 0, position: "relative", width: "100%" },
  row: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    boxSizing: "border-box",
    display: "grid",
    gridTemplateColumns: "64px 1fr",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  thumb: { width: "64px", height: "64px", objectFit: "cover", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3 },
  text: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  prompt: { display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden" },
  meta: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  footer: { display: "flex", justifyContent: "flex-end" },
});
