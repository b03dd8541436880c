// Shared set-up of the provider contract tests: a provider wired to a strict fake upstream, and image checks.
import type { NormalizedGenerateRequest } from "../../server/providers/Provider";
import type { TokenSource } from "../../server/providers/upstream/credentials";
import { apiKeyCredential, entraCredential } from "../../server/providers/upstream/credentials";
import { UpstreamClient, type UpstreamClientOptions } from "../../server/providers/upstream/UpstreamClient";
import type { UpstreamError } from "../../server/providers/upstream/upstreamErrors";
import type { ApiError } from "../../src/core/protocol/errors";
import { rejection } from "../support/rejection";

export const API_KEY = "test-key-123";
export const TOKEN = "entra-token-abc";

/** A client for the fake: api-key (default) or a fake Entra token source; fast retries. */
export function testClient(options: Partial<UpstreamClientOptions> & { tokens?: TokenSource } = {}): UpstreamClient {
  const credential = options.tokens ? entraCredential(undefined, async () => options.tokens as TokenSource) : apiKeyCredential(API_KEY);
  return new UpstreamClient({ credential, retry: { initialDelayMs: 5, maxDelayMs: 20 }, ...options });
}

/** A generate request as the gateway normalizes it. */
export function generateRequest(overrides: Partial<NormalizedGenerateRequest> = {}): NormalizedGenerateRequest {
  return {
    prompt: "A lighthouse at dusk",
    n: 1,
    apiSize: "1536x1024",
    size: { widthPx: 1536, heightPx: 1024 },
    quality: "auto",
    outputFormat: "png",
    ...overrides,
  };
}

/** The rejection of `promise` as the provider's errors (fails the test when it resolves). */
export const rejectionOf = (promise: Promise<unknown>) => rejection<ApiError & Partial<UpstreamError>>(promise);

/** Collects an async iterable, returning the events and the error that ended it (if any). */
export async function drain<T>(events: AsyncIterable<T>): Promise<{ events: T[]; error?: ApiError }> {
  const seen: T[] = [];
  try {
    for await (const event of events) seen.push(event);
    return { events: seen };
  } catch (error) {
    return { events: seen, error: error as ApiError };
  }
}

/**
 * Resolves when `predicate` holds, checking every 10 ms. No wall-clock deadline of its own (a loaded machine may
 * need longer than any guess): the test's Jest timeout ends a wait for something that never happens.
 */
export async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 10));
}
