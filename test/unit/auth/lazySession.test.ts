// createLazySession: MSAL loads only on first use or after first paint, the cached account then shows, failures retry.
import { createLazySession } from "../../../src/auth/lazySession";
import type { AccountSession, SignedInAccount } from "../../../src/core/TokenProvider";
import { DEFAULT_CONFIG } from "../../../src/core/config";

const ADA: SignedInAccount = { name: "Ada Lovelace", username: "ada@illustrate.dev", homeAccountId: "oid-ada.tid-dev" };

function fakeSession(account: SignedInAccount | null): AccountSession & { emit(next: SignedInAccount | null): void } {
  const listeners = new Set<(next: SignedInAccount | null) => void>();
  return {
    getAccount: () => account,
    getToken: jest.fn(async () => "token"),
    signIn: jest.fn(async () => ADA),
    signOut: jest.fn(async () => undefined),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (next) => listeners.forEach((listener) => listener(next)),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("createLazySession", () => {
  const options = { config: DEFAULT_CONFIG, origin: "https://localhost:3000" };

  it("loads nothing until used", () => {
    const load = jest.fn(async () => fakeSession(null));
    const session = createLazySession({ ...options, load });
    expect(session.getAccount()).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it("loads after the first subscribe and announces the cached account (reload → signed in, no prompt)", async () => {
    const inner = fakeSession(ADA);
    const load = jest.fn(async () => inner);
    const session = createLazySession({ ...options, load });
    const listener = jest.fn();
    session.subscribe(listener);
    expect(load).not.toHaveBeenCalled(); // not during the render that subscribed
    await flush();
    expect(listener).toHaveBeenCalledWith(ADA);
    expect(session.getAccount()).toEqual(ADA);
    inner.emit(null);
    expect(listener).toHaveBeenLastCalledWith(null);
    expect(inner.signIn).not.toHaveBeenCalled();
  });

  it("delegates getToken with its options, and loads once", async () => {
    const inner = fakeSession(ADA);
    const load = jest.fn(async () => inner);
    const session = createLazySession({ ...options, load });
    await expect(session.getToken(["s"], { forceRefresh: true })).resolves.toBe("token");
    await session.getToken(["s"]);
    expect(inner.getToken).toHaveBeenCalledWith(["s"], { forceRefresh: true });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("retries a failed load on the next call", async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error("chunk failed")).mockResolvedValueOnce(fakeSession(null));
    const session = createLazySession({ ...options, load });
    await expect(session.signIn()).rejects.toThrow("chunk failed");
    await expect(session.signIn()).resolves.toEqual(ADA);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
