// The gateway's composition root: chooses the image provider named by configuration (`IMAGE_PROVIDER`) and
// wraps it with the shared queue and post-processing. Only this file knows providers, queue and postprocess
// together, so those rooms import nothing of each other but the contract (server/providers/Provider.ts).
import type { ModelFamily } from "../../src/core/protocol/models";
import { withPostprocess } from "../postprocess/withPostprocess";
import type { ImageProvider } from "../providers/Provider";
import { LocalProvider } from "../providers/local/LocalProvider";
import { withLocalEdits } from "../providers/local/edit";
import { withLocalStreaming } from "../providers/local/stream";
import { REMOTE_PROVIDER_IDS, createRemoteProvider, isRemoteProviderId } from "../providers/upstream/remoteProvider";
import { gatedProvider } from "../queue/gatedProvider";
import { DEFAULT_REMOTE_RPM, queueFromEnv, type GatewayQueue } from "../queue/queueFromEnv";

/** Provider ids `IMAGE_PROVIDER` accepts. */
export const PROVIDER_IDS = ["local", ...REMOTE_PROVIDER_IDS] as const;

function transcodeSetting(env: NodeJS.ProcessEnv): "auto" | "off" {
  const value = env.IMAGE_TRANSCODE?.trim() || "auto";
  if (value !== "auto" && value !== "off") throw new Error(`IMAGE_TRANSCODE must be auto or off, got "${value}"`);
  return value;
}

/** A provider with its own queue (absent: no limit), as {@link createQueuedProvider} builds it. */
export interface QueuedProvider {
  provider: ImageProvider;
  queue?: GatewayQueue;
  /** Upstream calls per queue window (the queue's budget); `null` = no limit. */
  rpm: number | null;
}

/** The queue's requests per window: `IMAGE_RPM` (already checked by queueFromEnv) or the default. */
function budgetOf(env: NodeJS.ProcessEnv, defaultRpm: number | undefined): number | null {
  const rpm = Number(env.IMAGE_RPM?.trim() || defaultRpm);
  return Number.isInteger(rpm) && rpm > 0 ? rpm : null;
}

/**
 * {@link createProvider} that also hands back the provider's queue (its load drives Auto's choice) and budget.
 * @param family the model family, for providers whose request fields differ by family (MAI caps, gpt-image-2)
 */
export function createQueuedProvider(id: string, env: NodeJS.ProcessEnv = process.env, family?: ModelFamily): QueuedProvider {
  const postprocess = { transcode: transcodeSetting(env) };
  if (id === "local") {
    const queue = queueFromEnv(env, { keyPrefix: "local" });
    const local = withLocalStreaming(withLocalEdits(new LocalProvider()));
    return {
      provider: withPostprocess(queue ? gatedProvider(local, queue) : local, postprocess),
      queue,
      rpm: queue ? budgetOf(env, undefined) : null,
    };
  }
  if (isRemoteProviderId(id)) {
    const queue = queueFromEnv(env, { defaultRpm: DEFAULT_REMOTE_RPM, keyPrefix: `${id}:${env.IMAGE_ENDPOINT ?? ""}:${env.IMAGE_DEPLOYMENT ?? ""}` });
    return {
      provider: withPostprocess(createRemoteProvider(id, env, queue, family), postprocess),
      queue,
      rpm: queue ? budgetOf(env, DEFAULT_REMOTE_RPM) : null,
    };
  }
  throw new Error(`IMAGE_PROVIDER "${id}" is not known; use one of: ${PROVIDER_IDS.join(", ")}`);
}

/**
 * Creates the provider `id` from the environment `env` (each provider reads its own variables):
 * - `local`: the offline renderer, streaming previews and edits; queued only when `IMAGE_RPM` is set;
 * - `foundry-mai` / `azure-openai`: see server/providers/upstream/remoteProvider.ts; every upstream request waits in the
 *   shared queue (`IMAGE_RPM`, default 6 a minute; `IMAGE_RPM_WINDOW_MS`; `REDIS_URL` to share it between replicas).
 * Every finished image is post-processed (`IMAGE_TRANSCODE`, provenance XMP), see server/postprocess.
 * @throws Error naming `IMAGE_PROVIDER` and the accepted ids when `id` is unknown, or the variable at fault.
 */
export function createProvider(id: string, env: NodeJS.ProcessEnv = process.env, family?: ModelFamily): ImageProvider {
  return createQueuedProvider(id, env, family).provider;
}
