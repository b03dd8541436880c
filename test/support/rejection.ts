// Awaiting a promise that must fail: the error it rejects with, typed by the caller; the test fails if it resolves.

/**
 * The error `promise` rejects with, as `E` (say which error type the test expects, e.g. `rejection<ApiError>(…)`).
 * @throws Error "expected the call to fail" when the promise resolves.
 */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected the call to fail");
}
