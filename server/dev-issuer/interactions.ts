// The issuer's own sign-in page: pick a development account (no password); consent is implied for the pane.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { DEV_ACCOUNTS, findDevAccount } from "./accounts";

const INTERACTION_ROUTE = /^\/interaction\/([\w-]+)(\/abort)?$/;
const MAX_FORM_BYTES = 4096;

/** Escapes text for HTML element content and quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in page: one button per development account; `hint` (MSAL's `login_hint`) gets focus. */
export function renderLoginPage(uid: string, hint: string | undefined, problem?: string): string {
  const hinted = hint ? findDevAccount(hint) : undefined;
  const buttons = DEV_ACCOUNTS.map(
    (account) =>
      `<li><button type="submit" name="login" value="${escapeHtml(account.id)}"${account === hinted ? " autofocus" : ""}>` +
      `<span class="name">${escapeHtml(account.name)}</span> <span class="user">${escapeHtml(account.username)}</span>` +
      `</button></li>`,
  ).join("");
  const alert = problem ? `<p role="alert">${escapeHtml(problem)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Illustrate development issuer</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f5f5f5;color:#242424}
main{background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.15);max-width:360px}
h1{font-size:20px;margin:0 0 4px}p{margin:0 0 16px;color:#616161}ul{list-style:none;padding:0;margin:0}
button{display:block;width:100%;text-align:left;margin:0 0 8px;padding:10px 12px;border:1px solid #d1d1d1;border-radius:4px;background:#fff;font:inherit;cursor:pointer}
button:hover,button:focus-visible{border-color:#0f6cbd;outline:2px solid #0f6cbd}.user{display:block;color:#616161;font-size:13px}
[role=alert]{color:#b10e1c}a{color:#0f6cbd}
</style></head>
<body><main>
<h1>Sign in</h1>
<p>Local development issuer. Choose an account; there is no password.</p>
${alert}
<form method="post" action="/interaction/${escapeHtml(uid)}" aria-label="Development accounts"><ul>${buttons}</ul></form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a></p>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // No form-action: Chromium applies it to the redirects after the POST, which end at the pane's redirect URI.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}

/**
 * Handles `/interaction/:uid` (GET: the page; POST: the chosen account) and `/interaction/:uid/abort`.
 * @returns false when the request is not an interaction route (the caller hands it to oidc-provider).
 */
export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? "/", "https://issuer.invalid").pathname;
  const match = INTERACTION_ROUTE.exec(path);
  if (!match) return false;
  const [, uid, abort] = match;
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (abort) {
      await provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "The person cancelled sign-in" },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    if (details.prompt.name === "consent") {
      // Only reached when an old grant lacks a scope: the first-party pane gets what it asked for.
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new Error("grant not found");
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(" "));
      }
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      return true;
    }
    const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : undefined;
    if (req.method === "POST") {
      const login = (await readForm(req)).get("login") ?? "";
      const account = findDevAccount(login);
      if (!account) {
        sendHtml(res, 400, renderLoginPage(uid, hint, `There is no development account "${login}".`));
        return true;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
      return true;
    }
    sendHtml(res, 200, renderLoginPage(uid, hint));
  } catch (error) {
    if (!res.headersSent) {
      sendHtml(
        res,
        400,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in expired</title></head><body><main><h1>This sign-in has expired</h1><p>Close this window and sign in again from Illustrate.</p><p><small>${escapeHtml((error as Error).message)}</small></p></main></body></html>`,
      );
    }
  }
  return true;
}
