// Entry point of `npm run gateway`: reads the environment, builds the app and serves it over HTTPS.
import { closeAllQueues } from "../queue/queueFromEnv";
import { loadServerTls } from "../shared/serverTls";
import { buildApp } from "./app";
import { createAuthenticate } from "./auth/authenticate";
import { isLoopbackIssuer, readAuthConfig } from "./auth/config";
import { createBriefWriter } from "./createBriefWriter";
import { readGatewayConfig } from "./config";
import { createServedModels } from "./servedModels";

async function main(): Promise<void> {
  const config = readGatewayConfig();
  // IMAGE_MODELS, or the one IMAGE_PROVIDER model (config.provider is read from the same IMAGE_PROVIDER).
  const models = createServedModels(process.env);
  // PROMPT_PROVIDER (issue 8): the chat deployment of POST /v1/prompts/visual, or none.
  const briefWriter = createBriefWriter(process.env);
  const tls = await loadServerTls();
  // Every image route requires a bearer token (issue #3); the local issuer's JWKS is served with the dev CA.
  const auth = readAuthConfig();
  const authConfig = isLoopbackIssuer(auth.issuer) ? { ...auth, ca: tls.ca } : auth;
  const app = await buildApp({
    models,
    allowedOrigins: config.allowedOrigins,
    authenticate: createAuthenticate(authConfig),
    https: { key: tls.key, cert: tls.cert },
    generationTimeoutMs: config.generationTimeoutMs,
    ...(briefWriter ? { briefWriter } : {}),
    logger: { level: process.env.LOG_LEVEL ?? "info" },
  });
  const close = () => {
    // Waiting calls fail at once (503) instead of holding the drain; then in-flight requests finish.
    closeAllQueues()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port: config.port, host: config.host });
  for (const { entry, familySource, provider } of models.models) {
    // Which family each model was given, and whether it was configured or detected from the deployment's name.
    app.log.info(
      { model: entry.id, provider: provider.info.provider, family: entry.family, familySource, rpm: entry.requestsPerMinute },
      "model served",
    );
  }
  app.log.info(
    {
      models: models.models.map((m) => m.entry.id),
      promptWriter: briefWriter?.writer.info ?? null,
      photoModel: models.photoModel,
      allowedOrigins: config.allowedOrigins,
      issuer: authConfig.issuer,
      audiences: authConfig.audiences,
    },
    "gateway ready",
  );
}

main().catch((error: unknown) => {
  console.error(`Gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
