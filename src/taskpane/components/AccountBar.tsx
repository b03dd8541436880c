// The signed-in account with Sign in / Sign out, and that its pictures stay on this computer (with a confirmed delete).
import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { PersonRegular, SignOutRegular } from "@fluentui/react-icons";
import type { SignedInAccount } from "../../core/TokenProvider";
import type { Translate } from "../strings/strings";
import { lazy, Suspense } from "react";

/** Fluent's Dialog is not needed for the first paint: it loads with the library, when the account has one. */
const DeleteAllPicturesDialog = lazy(() =>
  import(/* webpackChunkName: "library-panel" */ "./DeleteAllPicturesDialog").then((m) => ({ default: m.DeleteAllPicturesDialog })),
);

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  who: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  kept: { flexBasis: "100%", display: "flex", flexDirection: "column", alignItems: "flex-start", color: tokens.colorNeutralForeground3 },
});

export interface AccountBarProps {
  account: SignedInAccount | null;
  busy: boolean;
  t: Translate;
  onSignIn(): void;
  onSignOut(): void;
  /** The account's pictures are kept on this computer (a persistent library is open): say so, offer to delete them. */
  libraryKept?: boolean;
  onDeleteAllPictures?: () => void;
}

/** "Signed in as …" + Sign out, or "Not signed in" + Sign in. */
export function AccountBar({ account, busy, t, onSignIn, onSignOut, libraryKept, onDeleteAllPictures }: AccountBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={t("account.heading")}>
      <Caption1 className={styles.who} title={account?.username}>
        {account ? t("account.signedInAs", { name: account.name || account.username }) : t("account.signedOut")}
      </Caption1>
      {busy ? <Spinner size="tiny" label={t("account.signingIn")} /> : null}
      {account ? (
        <Button size="small" icon={<SignOutRegular />} disabled={busy} onClick={onSignOut}>
          {t("account.signOut")}
        </Button>
      ) : (
        <Button size="small" appearance="primary" icon={<PersonRegular />} disabled={busy} onClick={onSignIn}>
          {t("account.signIn")}
        </Button>
      )}
      {libraryKept && onDeleteAllPictures ? (
        <div className={styles.kept}>
          <Caption1>{account ? t("library.keptAfterSignOut") : null} {t("library.keptShared")}</Caption1>
          <Suspense fallback={null}>
            <DeleteAllPicturesDialog t={t} triggerLabel={t("library.deleteMine")} disabled={busy} onConfirm={onDeleteAllPictures} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
