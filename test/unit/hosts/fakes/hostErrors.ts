// Test helper: awaits a promise that must reject with a HostError and returns that error.
import { HostError } from "../../../../src/hosts/errors";
import { rejection } from "../../../support/rejection";

export async function hostRejection(promise: Promise<unknown>): Promise<HostError> {
  const error = await rejection<HostError>(promise);
  expect(error).toBeInstanceOf(HostError);
  return error;
}
