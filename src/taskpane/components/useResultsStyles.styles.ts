// Styles of the results and history lists (makeStyles with Fluent theme tokens only).
import { makeStyles, tokens } from "@fluentui/react-components";

export const useResultsStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cardSelected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  image: {
    width: "100%",
    height: "auto",
    borderRadius: tokens.borderRadiusSmall,
    cursor: "pointer",
    display: "block",
  },
  action: {
    alignSelf: "flex-start",
  },
  meta: {
    color: tokens.colorNeutralForeground3,
  },
  offline: {
    color: tokens.colorPaletteMarigoldForeground2,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  historyItem: {
    display: "grid",
    gridTemplateColumns: "64px 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  thumb: {
    width: "64px",
    height: "auto",
    borderRadius: tokens.borderRadiusSmall,
  },
  historyText: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
});
