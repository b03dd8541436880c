// Sends one upstream image API request: queue gate, credential header, per-generation timeout, retries,
// cancel, and error normalization. Providers build URLs and bodies; this file knows no API shape.
import type { GenerateContext, UpstreamGate } from "../Provider";
import type { UpstreamCredential } from "./credentials";
import { withRetries, type WithRetriesOptions } from "../../../src/core/protocol/retry";
import {
  UpstreamError,
  cancelledError,
  errorFromUpstreamAnswer,
  invalidAnswerError,
  networkError,
  timeoutError,
  upstreamRetryVerdict,
} from "./upstreamErrors";

/** Settings of an {@link UpstreamClient}. */
export interface UpstreamClientOptions {
  credential: UpstreamCredential;
  /** Queue gate passed before every attempt (retries use the budget too). Absent: no limit. */
  gate?: UpstreamGate;
  /** Longest time one call may take from its first attempt, in ms. @default 300000 */
  timeoutMs?: number;
  retry?: Omit<WithRetriesOptions<UpstreamError>, "classify">;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** One request: rebuilt per attempt (a FormData or JSON body can be sent again). */
export interface UpstreamRequest {
  url: string;
  /** JSON value (sent as application/json) or FormData (multipart). */
  body: unknown;
  /** `text/event-stream` for streamed answers. @default "application/json" */
  accept?: string;
}

/** An open 2xx answer whose body the caller reads; call `release()` when done (clears the timeout). */
export interface UpstreamAnswer {
  response: Response;
  /** Aborts on cancel or timeout; pass it to body readers. */
  signal: AbortSignal;
  /** Maps an error thrown while reading the body (abort, timeout, cut-off) to an UpstreamError. */
  fail(error: unknown): UpstreamError | Error;
  release(): void;
}

/** True for the plain abort a `fetch`/`AbortController` produces (not a reason someone chose). */
function isPlainAbort(reason: unknown): boolean {
  return reason === undefined || (reason instanceof Error && (reason.name === "AbortError" || reason.name === "TimeoutError"));
}

/**
 * The error to throw when the caller's signal aborted: its reason when that is a meaningful Error (e.g. the
 * gateway's handler-timeout error), else `cancelled`.
 */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof UpstreamError) return reason;
  return isPlainAbort(reason) || !(reason instanceof Error) ? cancelledError(reason) : reason;
}

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** HTTP client of one upstream API with the gateway's credential. */
export class UpstreamClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: UpstreamClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 300_000;
  }

  /**
   * Sends `request` (POST) and returns the 2xx answer; retries 408/409/429/5xx/network per the retry policy
   * and a 401 once with a fresh Entra token.
   * @throws UpstreamError (normalized code) on any failure; `cancelled` or the signal's reason on abort;
   *   `timeout` when one attempt takes longer than `timeoutMs` after its queue slot
   */
  async open(request: UpstreamRequest, ctx: GenerateContext): Promise<UpstreamAnswer> {
    const timer = new AbortController();
    let timeout: NodeJS.Timeout | undefined;
    const signal = AbortSignal.any([ctx.signal, timer.signal]);
    const release = () => clearTimeout(timeout);
    const fail = (error: unknown): Error => {
      if (error instanceof UpstreamError) return error;
      if (ctx.signal.aborted) return abortError(ctx.signal);
      if (timer.signal.aborted) return timeoutError(this.timeoutMs);
      return networkError(error);
    };
    let refreshed = false; // a 401 gets one retry with a new token…
    let refreshNext = false; // …and only that request asks for one
    try {
      const response = await withRetries(
        async () => {
          for (;;) {
            // Every request, the fresh-token one too, takes a slot of the budget.
            release();
            await this.options.gate?.acquire(ctx);
            // Each attempt's clock starts once it has its slot: a retry waiting in the queue again is not timed.
            timeout = setTimeout(() => timer.abort(), this.timeoutMs);
            const answer = await this.send(request, signal, refreshNext).catch((error: unknown) => {
              throw fail(error);
            });
            refreshNext = false;
            if (answer.ok) return answer;
            if (answer.status === 401 && this.options.credential.kind === "entra" && !refreshed) {
              await answer.body?.cancel();
              refreshed = refreshNext = true; // image-api.md: "once, after a fresh token"
              continue;
            }
            throw errorFromUpstreamAnswer(answer.status, await readErrorBody(answer), answer.headers);
          }
        },
        signal,
        { ...this.options.retry, classify: upstreamRetryVerdict },
      );
      return { response, signal, fail, release };
    } catch (error) {
      release();
      throw fail(error);
    }
  }

  /** Sends `request` and parses a JSON 2xx answer. */
  async json(request: UpstreamRequest, ctx: GenerateContext): Promise<unknown> {
    const answer = await this.open(request, ctx);
    try {
      return await answer.response.json();
    } catch (error) {
      throw error instanceof SyntaxError ? invalidAnswerError("not JSON", error) : answer.fail(error);
    } finally {
      answer.release();
    }
  }

  private async credentialHeaders(signal: AbortSignal, fresh: boolean): Promise<Record<string, string>> {
    try {
      return await this.options.credential.headers(signal, fresh);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new UpstreamError(
        502,
        "credential_unavailable",
        "unauthorized",
        "The gateway has no credential for the image service; an administrator must set IMAGE_API_KEY or give it a managed identity",
        false,
        0,
        { cause: error },
      );
    }
  }

  private async send(request: UpstreamRequest, signal: AbortSignal, fresh: boolean): Promise<Response> {
    const headers: Record<string, string> = {
      accept: request.accept ?? "application/json",
      ...(await this.credentialHeaders(signal, fresh)),
    };
    let body: FormData | string;
    if (request.body instanceof FormData) {
      body = request.body; // fetch sets the multipart boundary
    } else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(request.body);
    }
    return this.fetchImpl(request.url, { method: "POST", headers, body, signal });
  }
}
