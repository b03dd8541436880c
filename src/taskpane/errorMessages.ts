// Maps every error the pane can meet (image client, document host, anything else) to a message that says what to do.
import { SignInRequiredError } from "../core/TokenProvider";
import { ApiError, ERROR_TYPES } from "../core/protocol/errors";
import { HostError } from "../hosts/errors";
import type { HostKind } from "../hosts/DocumentHost";
import type { HostErrorCode } from "../hosts/errors";
import { CancelledError, ConnectionError, InvalidRequestError, InvalidResponseError, TimeoutError } from "../imaging/errors";

/** What the pane can offer as a button in the message. */
export type ErrorAction = "signIn";

/** A message for the pane, as a string key and its values (rendered with `t()`; never as HTML). */
export interface PaneMessage {
  /** Fluent `MessageBar` intent. */
  intent: "error" | "warning" | "info" | "success";
  /** Key in `strings/en.json`. */
  key: string;
  values?: Record<string, string | number>;
  /** Offer this action beside the message. */
  action?: ErrorAction;
  /** Request id to quote to an administrator, when the API gave one. */
  requestId?: string;
}

/** Where the error happened: the words differ ("select Generate again" vs "select Insert again"). */
export type ErrorPhase = "generate" | "insert" | "selection" | "readPicture";

/** Every host error code has a message (the compiler checks this list is complete). */
const HOST_CODES: Record<HostErrorCode, true> = {
  read_only: true,
  no_slide: true,
  unsupported: true,
  insert_refused: true,
  insert_not_verified: true,
  picture_gone: true,
  item_gone: true,
  shape_lost: true,
  timeout: true,
  unknown: true,
};

/** Display name key of each host, for messages that name the app. */
export function appNameKey(kind: HostKind): string {
  return kind === "powerpoint" || kind === "workbench-slide" ? "app.powerpoint" : "app.word";
}

/**
 * The message for `error`. `app` is the host's display name (for messages such as "PowerPoint refused the
 * picture"); `gatewayUrl`, when given, is named in "can't reach" messages. Errors of unknown types keep their own
 * message text, shown as text.
 */
export function messageForError(error: unknown, phase: ErrorPhase, app: string, gatewayUrl?: string): PaneMessage {
  if (error instanceof CancelledError) return { intent: "info", key: "error.cancelled" };
  if (error instanceof SignInRequiredError) return { intent: "warning", key: "error.signInRequired", action: "signIn" };
  if (error instanceof ApiError) return messageForApiError(error);
  if (error instanceof TimeoutError) {
    return { intent: "error", key: "error.timeout", values: { seconds: Math.round(error.timeoutMs / 1000) } };
  }
  if (error instanceof ConnectionError) {
    return gatewayUrl ? { intent: "error", key: "error.connectionAt", values: { url: gatewayUrl } } : { intent: "error", key: "error.connection" };
  }
  if (error instanceof InvalidResponseError) {
    return { intent: "error", key: "error.invalidResponse", ...(error.requestId ? { requestId: error.requestId } : {}) };
  }
  if (error instanceof InvalidRequestError) return { intent: "error", key: "error.invalidRequest", values: { param: error.param } };
  if (phase === "readPicture") return { intent: "warning", key: "error.readPicture" };
  if (error instanceof HostError) {
    if (phase === "selection") return { intent: "warning", key: "error.readSelection" };
    const code = error.code in HOST_CODES ? error.code : "unknown";
    return { intent: code === "insert_not_verified" || code === "shape_lost" ? "warning" : "error", key: `error.host.${code}`, values: { app } };
  }
  if (phase === "selection") return { intent: "warning", key: "error.readSelection" };
  const message = error instanceof Error ? error.message : String(error);
  return { intent: "error", key: "error.unknown", values: { message } };
}

function messageForApiError(error: ApiError): PaneMessage {
  const requestId = error.details.requestId;
  const base = { requestId } as const;
  switch (error.type) {
    case "content_filtered": {
      const categories = error.details.categories?.filter(Boolean) ?? [];
      return categories.length
        ? { ...base, intent: "warning", key: "error.api.content_filtered_categories", values: { categories: categories.join(", ") } }
        : { ...base, intent: "warning", key: "error.api.content_filtered" };
    }
    case "rate_limited": {
      const ms = error.details.retryAfterMs;
      return ms && ms > 0
        ? { ...base, intent: "warning", key: "error.api.rate_limited", values: { seconds: Math.ceil(ms / 1000) } }
        : { ...base, intent: "warning", key: "error.api.rate_limited_nowait" };
    }
    case "unauthorized":
      return { ...base, intent: "error", key: "error.api.unauthorized", action: "signIn" };
    case "cancelled":
      return { ...base, intent: "info", key: "error.api.cancelled" };
    case "bad_request":
      return { ...base, intent: "error", key: "error.api.bad_request", values: { code: error.code } };
    default:
      // A type this build does not know (a newer gateway) reads as a generic service error.
      return { ...base, intent: "error", key: `error.api.${ERROR_TYPES.includes(error.type) ? error.type : "internal"}` };
  }
}
