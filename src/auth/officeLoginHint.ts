// The Office user's sign-in name as a login hint for silent sign-in (Office.auth.getAuthContext, where available).

/** How long to wait for Office's answer before going on without a hint, in milliseconds. */
const HINT_TIMEOUT_MS = 3_000;

/**
 * Returns `userPrincipalName` from `Office.auth.getAuthContext()`, or undefined outside an Office host (the
 * workbench loads office.js with `host: null`), in hosts without the API, when the person is not signed in to
 * Office, or when Office does not answer within 3 s. Never throws.
 */
export async function officeLoginHint(office: typeof Office | undefined): Promise<string | undefined> {
  if (!office?.context?.host || typeof office.auth?.getAuthContext !== "function") return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), HINT_TIMEOUT_MS);
    });
    const context = await Promise.race([office.auth.getAuthContext(), timeout]);
    return context?.userPrincipalName || undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
