// The signed-in account of an AccountSession, kept current through its subscription (with cleanup).
import { useCallback, useEffect, useState } from "react";
import type { AccountSession, SignedInAccount } from "../../core/TokenProvider";
import type { PaneMessage } from "../errorMessages";

/** Account state, and sign-in / sign-out that report failures as pane messages. */
export function useAccount(session: AccountSession | undefined, setMessage: (message: PaneMessage | undefined) => void) {
  const [account, setAccount] = useState<SignedInAccount | null>(() => session?.getAccount() ?? null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!session) return undefined;
    // A change between the first render and this subscription is not reported by it: read the account again.
    setAccount(session.getAccount()); // eslint-disable-line react-hooks/set-state-in-effect -- syncing with the external session right after subscribing (the subscription reports later changes only)
    return session.subscribe(setAccount);
  }, [session]);

  const signIn = useCallback(async () => {
    if (!session) return;
    setBusy(true);
    try {
      setAccount(await session.signIn());
      setMessage(undefined);
    } catch (error) {
      setMessage({ intent: "warning", key: "error.signInFailed", values: { message: errorText(error) } });
    } finally {
      setBusy(false);
    }
  }, [session, setMessage]);

  const signOut = useCallback(async () => {
    if (!session) return;
    setBusy(true);
    try {
      await session.signOut();
      setAccount(null);
    } catch (error) {
      setMessage({ intent: "warning", key: "error.signOutFailed", values: { message: errorText(error) } });
    } finally {
      setBusy(false);
    }
  }, [session, setMessage]);

  return { account, busy, signIn, signOut };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
