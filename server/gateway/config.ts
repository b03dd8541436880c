// Gateway settings from environment variables, with the local-development defaults.
import { parseOrigins, parsePort } from "../shared/env";

/** Settings of one gateway process. */
export interface GatewayConfig {
  /** TCP port of the HTTPS listener (`PORT`). @default 3001 */
  port: number;
  /** Interface to listen on (`HOST`). @default "localhost" */
  host: string;
  /** Provider id (`IMAGE_PROVIDER`): `local` (offline renderer) or, later, `foundry-mai` / `azure-openai`. @default "local" */
  provider: string;
  /** Origins allowed by CORS (`ALLOWED_ORIGINS`, comma-separated). @default ["https://localhost:3000"] (the pane) */
  allowedOrigins: string[];
  /** Longest time one generation may take, in milliseconds (`GENERATION_TIMEOUT_MS`). @default 300000 */
  generationTimeoutMs: number;
}

/** The pane's development origin. */
export const DEFAULT_ALLOWED_ORIGINS = ["https://localhost:3000"] as const;

/**
 * Reads the gateway settings from `env`.
 * @throws Error naming the variable when a value is malformed (bad port, origin with a path, ...).
 */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const timeout = env.GENERATION_TIMEOUT_MS?.trim();
  const generationTimeoutMs = timeout ? Number(timeout) : 300_000;
  if (!Number.isInteger(generationTimeoutMs) || generationTimeoutMs <= 0) {
    throw new Error(`GENERATION_TIMEOUT_MS must be a positive integer (milliseconds), got "${timeout}"`);
  }
  return {
    port: parsePort("PORT", env.PORT, 3001),
    host: env.HOST?.trim() || "localhost",
    provider: env.IMAGE_PROVIDER?.trim() || "local",
    allowedOrigins: parseOrigins("ALLOWED_ORIGINS", env.ALLOWED_ORIGINS, DEFAULT_ALLOWED_ORIGINS),
    generationTimeoutMs,
  };
}
