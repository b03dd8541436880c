// Chooses the image provider named by configuration (`IMAGE_PROVIDER`).
import type { ImageProvider } from "./Provider";
import { LocalProvider } from "./local/LocalProvider";

/** Provider ids `IMAGE_PROVIDER` accepts. Issue #4 adds `foundry-mai` and `azure-openai`. */
export const PROVIDER_IDS = ["local"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/**
 * Creates the provider `id` from the environment `env` (each provider reads its own variables).
 * @throws Error naming `IMAGE_PROVIDER` and the accepted ids when `id` is unknown.
 */
export function createProvider(id: string, env: NodeJS.ProcessEnv = process.env): ImageProvider {
  void env; // the local provider needs no settings; remote ones read IMAGE_ENDPOINT etc. from here
  switch (id) {
    case "local":
      return new LocalProvider();
    default:
      throw new Error(`IMAGE_PROVIDER "${id}" is not known; use one of: ${PROVIDER_IDS.join(", ")}`);
  }
}
