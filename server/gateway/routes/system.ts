// `GET /v1/models` (what each served model accepts), `GET /v1/backend` (which backend answers) and `GET /healthz`; no authentication.
import type { FastifyInstance } from "fastify";
import type { ModelList } from "../../../src/core/protocol/models";
import type { BackendInfo } from "../../../src/core/protocol/wire";
import type { BackendStatus, PromptWriterInfo } from "../../../src/core/protocol/visualBriefs";
import { modelList, type ServedModels } from "../servedModels";

/**
 * Registers the informational routes. `GET /v1/models` is OpenAI's list shape with each model's capabilities
 * (src/core/protocol/models/capabilities.ts), so the pane derives sizes, quality and transparency from it;
 * `GET /v1/backend` answers the first (default) model's backend, as before several models, plus `promptWriter`: the chat
 * deployment of `POST /v1/prompts/visual`, or `null` when none is configured.
 */
export async function systemRoutes(app: FastifyInstance, options: { models: ServedModels; promptWriter?: PromptWriterInfo | null }): Promise<void> {
  const list = modelList(options.models);
  const first = options.models.models[0]?.provider.info as BackendInfo;
  app.get("/v1/models", async (): Promise<ModelList> => list);
  const backend: BackendStatus = { ...first, promptWriter: options.promptWriter ?? null };
  app.get("/v1/backend", async (): Promise<BackendStatus> => backend);
  app.get("/healthz", async () => ({ status: "ok" }));
}
