// Where the queue reports what an operator must see (Redis lost and back) and, at debug level, each grant.

/** The subset of a pino logger the queue uses (`app.log` fits). */
export interface QueueLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/**
 * A logger writing pino-compatible JSON lines (`level`, `time`, `msg`, fields) to stdout, the gateway's log
 * stream, from `LOG_LEVEL` (default `info`; `debug` adds one line per granted slot with `grantedAt`, in ms).
 */
export function jsonLineLog(level: string | undefined, write: (line: string) => void = (line) => process.stdout.write(line)): QueueLog {
  const threshold = LEVELS[(level?.trim() || "info") as keyof typeof LEVELS] ?? LEVELS.info;
  const at = (value: number) => (fields: Record<string, unknown>, msg: string) => {
    if (value >= threshold) write(`${JSON.stringify({ level: value, time: Date.now(), pid: process.pid, component: "queue", ...fields, msg })}\n`);
  };
  return { debug: at(LEVELS.debug), info: at(LEVELS.info), warn: at(LEVELS.warn) };
}
