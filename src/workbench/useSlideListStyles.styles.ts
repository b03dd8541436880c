// Styles of the deck's slide list: a column of numbered slide previews beside the slide in view.
import { makeStyles, tokens } from "@fluentui/react-components";
import { SLIDE_SIZE_PT } from "./slideModel";
import { SLIDE_CANVAS } from "./useSlideStyles.styles";

/** Width of one preview in CSS pixels. */
export const PREVIEW_WIDTH_PX = 144;
/** Scale from the slide (960 pt = 1280 px) to a preview. */
export const PREVIEW_SCALE = PREVIEW_WIDTH_PX / ((SLIDE_SIZE_PT.widthPt * 4) / 3);

/** Styles of the view (theme tokens only). */
export const useSlideListStyles = makeStyles({
  deck: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalL },
  list: {
    flex: `0 0 ${PREVIEW_WIDTH_PX + 40}px`,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    maxHeight: "calc(100vh - 160px)",
    overflowY: "auto",
  },
  current: { flex: "1 1 auto", minWidth: 0 },
  item: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThick} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    textAlign: "left",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  number: { fontSize: tokens.fontSizeBase200, minWidth: "16px" },
  preview: {
    position: "relative",
    width: `${PREVIEW_WIDTH_PX}px`,
    height: `${(PREVIEW_WIDTH_PX * SLIDE_SIZE_PT.heightPt) / SLIDE_SIZE_PT.widthPt}px`,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  canvas: SLIDE_CANVAS,
  shape: { position: "absolute", boxSizing: "border-box", overflow: "hidden", whiteSpace: "pre-wrap", padding: "3.6pt 7.2pt" },
});
