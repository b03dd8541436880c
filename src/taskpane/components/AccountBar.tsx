// The signed-in account with Sign in / Sign out (shown when the pane has an AccountSession).
import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { PersonRegular, SignOutRegular } from "@fluentui/react-icons";
import type { SignedInAccount } from "../../core/TokenProvider";
import type { Translate } from "../strings/strings";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  who: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
});

export interface AccountBarProps {
  account: SignedInAccount | null;
  busy: boolean;
  t: Translate;
  onSignIn(): void;
  onSignOut(): void;
}

/** "Signed in as …" + Sign out, or "Not signed in" + Sign in. */
export function AccountBar({ account, busy, t, onSignIn, onSignOut }: AccountBarProps) {
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
    </div>
  );
}
