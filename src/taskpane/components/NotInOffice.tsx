// The page shown when the pane is opened outside Word or PowerPoint: where to go instead.
import { Body1, Link, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { useStrings } from "../strings/useStrings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface NotInOfficeProps {
  /** Link to the workbench page. @default "workbench.html" */
  workbenchHref?: string;
}

/** "Open Illustrate from Word or PowerPoint, or use the workbench at /workbench.html" with a link. */
export function NotInOffice({ workbenchHref = "workbench.html" }: NotInOfficeProps) {
  const { t } = useStrings();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">{t("notInOffice.title")}</Title3>
      <Body1>{t("notInOffice.body")}</Body1>
      <Link href={workbenchHref}>{t("notInOffice.workbenchLink")}</Link>
    </main>
  );
}
