// What every benchmark reads and reports the same way: its run count from the environment, medians, percentiles.

/**
 * The number of measured runs from the environment variable `name` (`fallback` when unset).
 * @throws Error naming the variable and the range on anything but an integer `min`–`max`.
 */
export function runCountFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name] ?? String(fallback);
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < min || runs > max) throw new Error(`${name} must be an integer ${min}–${max}, got "${raw}"`);
  return runs;
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile of `values` (p in 0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
