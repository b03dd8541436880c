// `GET /v1/models` (what each served model accepts), `GET /v1/backend` (which backend answers) and `GET /healthz`; no authentication.
import type { FastifyInstance } from "fastify";
import type { ModelList } from "../../../src/core/protocol/models";
import type { BackendInfo } from "../../../src/core/protocol/wire";
import { modelList, type ServedModels } from "../servedModels";

/**
 * Registers the informational routes. `GET /v1/models` is OpenAI's list shape with each model's capabilities
 * (src/core/protocol/models/capabilities.ts), so the pane derives sizes, quality and transparency from it;
 * `GET /v1/backend` answers the first (default) model's backend, as before several models.
 */
export async function systemRoutes(app: FastifyInstance, options: { models: ServedModels }): Promise<void> {
  const list = modelList(options.models);
  const first = options.models.models[0]?.provider.info as BackendInfo;
  app.get("/v1/models", async (): Promise<ModelList> => list);
  app.get("/v1/backend", async (): Promise<BackendInfo> => first);
  app.get("/healthz", async () => ({ status: "ok" }));
}
