// The cross-replica turn order in Redis (ioredis + Lua): per-user ticket lists, a round-robin list of users,
// one budget slot key, replica leases, and a grant list per replica; every step is one atomic script.
import type RedisClient from "ioredis";

/**
 * Keys, all under `prefix` (a hash tag, so a Redis Cluster keeps them in one slot):
 * - `turns`: users with waiting tickets, in turn order (a user is in it iff its list is not empty);
 * - `u:<user>`: that user's tickets in arrival order (`<replica>|<seq>`);
 * - `slot`: exists while the last slot's interval runs (PX = interval): at most one grant per interval;
 * - `r:<replica>`: the replica's lease (PX = lease); a ticket whose owner has no lease is dropped at its turn;
 * - `replicas`: sorted set replica → last lease renewal (ms), to count the live replicas;
 * - `g:<replica>`: grants the replica has not collected yet (`<ticket>|<granted at, Redis ms>`).
 */
const ENQUEUE = `
local P = ARGV[1]
redis.call('SET', P..'r:'..ARGV[2], '1', 'PX', ARGV[5])
local n = redis.call('RPUSH', P..'u:'..ARGV[3], ARGV[4])
if n == 1 then redis.call('RPUSH', P..'turns', ARGV[3]) end
return n`;

const CANCEL = `
local P = ARGV[1]
local list = P..'u:'..ARGV[2]
redis.call('LREM', list, 1, ARGV[3])
if redis.call('LLEN', list) == 0 then redis.call('LREM', P..'turns', 0, ARGV[2]) end
return 1`;

/** Renews the lease, grants the next live ticket when the slot is free, and collects this replica's grants. */
const TICK = `
local P = ARGV[1]
local me = ARGV[2]
local interval = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('EXISTS', P..'r:'..me)
redis.call('SET', P..'r:'..me, '1', 'PX', lease)
redis.call('ZADD', P..'replicas', now, me)
redis.call('ZREMRANGEBYSCORE', P..'replicas', '-inf', now - lease)
local wait = redis.call('PTTL', P..'slot')
if wait < 0 then
  wait = 0
  while true do
    local user = redis.call('LPOP', P..'turns')
    if not user then break end
    local list = P..'u:'..user
    local ticket = redis.call('LPOP', list)
    if redis.call('LLEN', list) > 0 then redis.call('RPUSH', P..'turns', user) end
    if ticket then
      local owner = string.match(ticket, '^([^|]*)|')
      if owner and redis.call('EXISTS', P..'r:'..owner) == 1 then
        redis.call('SET', P..'slot', now, 'PX', interval)
        redis.call('RPUSH', P..'g:'..owner, ticket..'|'..now)
        redis.call('PEXPIRE', P..'g:'..owner, lease)
        wait = interval
        break
      end
    end
  end
end
local mine = redis.call('LRANGE', P..'g:'..me, 0, -1)
if #mine > 0 then redis.call('DEL', P..'g:'..me) end
return {wait, redis.call('ZCARD', P..'replicas'), redis.call('LLEN', P..'turns'), held, mine}`;

/** Position estimates of this replica's tickets: ARGV[2..] are user, ticket pairs. */
const POSITIONS = `
local P = ARGV[1]
local users = redis.call('LLEN', P..'turns')
local out = {}
for i = 2, #ARGV, 2 do
  local k = redis.call('LPOS', P..'u:'..ARGV[i], ARGV[i + 1])
  local j = redis.call('LPOS', P..'turns', ARGV[i])
  if k and j then table.insert(out, k * users + j + 1) else table.insert(out, -1) end
end
return out`;

const LEAVE = `
local P = ARGV[1]
redis.call('DEL', P..'r:'..ARGV[2], P..'g:'..ARGV[2])
redis.call('ZREM', P..'replicas', ARGV[2])
for i = 3, #ARGV, 2 do
  local list = P..'u:'..ARGV[i]
  redis.call('LREM', list, 1, ARGV[i + 1])
  if redis.call('LLEN', list) == 0 then redis.call('LREM', P..'turns', 0, ARGV[i]) end
end
return 1`;

/** One grant collected by its replica. */
export interface Grant {
  ticket: string;
  /** When Redis granted it (ms since epoch, Redis `TIME`): the budget is kept on these times. */
  grantedAt: number;
}

/** Answer of {@link RedisTurns.tick}. */
export interface TickAnswer {
  /** Milliseconds until the slot is free again (0: free, nothing was waiting). */
  waitMs: number;
  /** Replicas with a lease renewed within the lease time (this one included). */
  replicas: number;
  /** Users with waiting tickets on any replica. */
  users: number;
  /** This replica's grants since its last tick. */
  granted: Grant[];
  /**
   * False when this replica's lease had lapsed before this tick (Redis restarted empty, or the replica was
   * silent longer than the lease): its tickets may be gone and must be queued again.
   */
  leaseHeld: boolean;
}

/** A waiting ticket and its user, as given to {@link RedisTurns.positions} and {@link RedisTurns.leave}. */
export interface TicketRef {
  user: string;
  ticket: string;
}

type ScriptArgs = (string | number)[];

/** The scripts over one ioredis client (EVALSHA, loaded again after a Redis restart: ioredis handles NOSCRIPT). */
export class RedisTurns {
  private readonly run: Record<"enqueue" | "cancel" | "tick" | "positions" | "leave", (...args: ScriptArgs) => Promise<unknown>>;

  /** @param prefix key prefix of one deployment's queue, e.g. `illustrate:queue:{foundry-mai:…}:` */
  constructor(
    readonly client: RedisClient,
    private readonly prefix: string,
  ) {
    const scripts = { enqueue: ENQUEUE, cancel: CANCEL, tick: TICK, positions: POSITIONS, leave: LEAVE };
    for (const [name, lua] of Object.entries(scripts)) client.defineCommand(`illustrate_${name}`, { numberOfKeys: 0, lua });
    const commands = client as unknown as Record<string, (...args: ScriptArgs) => Promise<unknown>>;
    this.run = Object.fromEntries(
      Object.keys(scripts).map((name) => [name, (...args: ScriptArgs) => commands[`illustrate_${name}`].call(client, ...args)]),
    ) as RedisTurns["run"];
  }

  /** Appends `ticket` to `user`'s list (the user joins the turns if it had none) and renews the lease. */
  async enqueue(replica: string, user: string, ticket: string, leaseMs: number): Promise<void> {
    await this.run.enqueue(this.prefix, replica, user, ticket, leaseMs);
  }

  /** Removes a ticket that no longer waits (its caller left). */
  async cancel(user: string, ticket: string): Promise<void> {
    await this.run.cancel(this.prefix, user, ticket);
  }

  /** See {@link TICK}: lease, at most one grant, and this replica's collected grants. */
  async tick(replica: string, intervalMs: number, leaseMs: number): Promise<TickAnswer> {
    const [waitMs, replicas, users, held, mine] = (await this.run.tick(this.prefix, replica, Math.ceil(intervalMs), leaseMs)) as [
      number,
      number,
      number,
      number,
      string[],
    ];
    const granted = mine.map((entry) => {
      const cut = entry.lastIndexOf("|");
      return { ticket: entry.slice(0, cut), grantedAt: Number(entry.slice(cut + 1)) };
    });
    return { waitMs, replicas, users, granted, leaseHeld: held === 1 };
  }

  /** 1-based position estimates (round-robin rank) of `tickets`; -1 for a ticket no longer waiting. */
  async positions(tickets: TicketRef[]): Promise<number[]> {
    if (tickets.length === 0) return [];
    return (await this.run.positions(this.prefix, ...tickets.flatMap((t) => [t.user, t.ticket]))) as number[];
  }

  /** Gives up the lease and removes `tickets` (graceful shutdown). */
  async leave(replica: string, tickets: TicketRef[]): Promise<void> {
    await this.run.leave(this.prefix, replica, ...tickets.flatMap((t) => [t.user, t.ticket]));
  }
}
