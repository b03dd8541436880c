// The `user` value sent upstream for abuse monitoring: a stable hash of the signed-in user's id, never the id.
import { createHmac } from "node:crypto";

/**
 * HMAC-SHA-256 of `userId` keyed with `secret` (`IMAGE_USER_HASH_SECRET`; a fixed app key when unset), as 32
 * hex characters. Same user → same value, so the service can attribute abuse to one person without learning
 * who. `undefined` when there is no user (authentication off).
 */
export function hashedUser(userId: string | undefined, secret = "illustrate-user"): string | undefined {
  if (!userId) return undefined;
  return createHmac("sha256", secret).update(userId).digest("hex").slice(0, 32);
}
