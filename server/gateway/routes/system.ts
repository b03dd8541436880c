// `GET /v1/backend` (which backend will answer) and `GET /healthz` (liveness); no authentication.
import type { FastifyInstance } from "fastify";
import type { BackendInfo } from "../../../src/core/protocol/wire";

/** Registers the informational routes. */
export async function systemRoutes(app: FastifyInstance, options: { backend: BackendInfo }): Promise<void> {
  app.get("/v1/backend", async (): Promise<BackendInfo> => options.backend);
  app.get("/healthz", async () => ({ status: "ok" }));
}
