// Griffel styles of the deck panel: item list, style fields, review grid.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useDeckPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  headerRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHead: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  thumb: { height: "36px", width: "64px", objectFit: "contain", flexShrink: 0, backgroundColor: tokens.colorNeutralBackground3 },
  reason: { color: tokens.colorNeutralForeground3 },
  palette: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  colour: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  colourInput: { width: "32px", height: "32px", padding: 0, border: "none", backgroundColor: "transparent" },
  hexInput: { width: "96px" },
  grid: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  preview: { width: "100%", aspectRatio: "3 / 2", objectFit: "cover", backgroundColor: tokens.colorNeutralBackground3 },
  failure: { color: tokens.colorPaletteRedForeground1 },
});
