// Styles of the workbench shell: header with the Document switch, document area, 320–400 px pane column.
import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the view (theme tokens only). */
export const useWorkbenchStyles = makeStyles({
  shell: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", marginRight: "auto" },
  body: { display: "flex", minHeight: 0 },
  documentArea: {
    flex: "1 1 auto",
    minWidth: 0,
    overflow: "auto",
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  paneColumn: {
    flex: "0 0 360px",
    minWidth: "320px",
    maxWidth: "400px",
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  paneSlot: { height: "100%" },
});
