// Test helper: awaits a promise that must reject with a HostError and returns that error.
import { HostError } from "../../../../src/hosts/errors";

export async function hostRejection(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}
