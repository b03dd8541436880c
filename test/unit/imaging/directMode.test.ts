// Azure OpenAI direct mode of the image client against a scripted fetch: URLs, bodies, delegated token, raw Azure errors.
import { AZURE_OPENAI_DELEGATED_SCOPE, withDefaults, type ImageApiMode } from "../../../src/core/config";
import { SignInRequiredError } from "../../../src/core/TokenProvider";
import { ApiError } from "../../../src/core/protocol/errors";
import { createImageClient, type ImageClientOptions } from "../../../src/imaging/createImageClient";
import { countingTokens, imagesResponse, jsonResponse, scriptedFetch, type Step } from "./fixtures";
import { pngBase64 } from "../../support/pictures";
import { rejection } from "../../support/rejection";
import { sseEvent, sseResponse } from "../../support/sse";

const ENDPOINT = "https://contoso-images.openai.azure.com";
const DATED: ImageApiMode = { mode: "azure-openai-direct", deployment: "gpt-image-1", apiVersion: "2025-04-01-preview" };
const V1: ImageApiMode = { mode: "azure-openai-direct", deployment: "gpt-image-1" };
const AZURE_BACKEND = { provider: "azure-openai", model: "gpt-image-1", offline: false };
const request = { prompt: "A lighthouse in a storm", size: "1024x1024", seed: 7 };

/** The client as the pane builds it from a direct-mode build configuration (no ILLUSTRATE_SCOPES). */
function directClient(api: ImageApiMode, script: Step[], options: Partial<ImageClientOptions> = {}) {
  const config = withDefaults({ gatewayUrl: ENDPOINT, api });
  const tokens = countingTokens("delegated");
  const { fetch, calls } = scriptedFetch(script);
  const sleeps: number[] = [];
  const imageClient = createImageClient({
    apiBaseUrl: config.gatewayUrl,
    api: config.api,
    tokenProvider: tokens,
    scopes: config.scopes,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { imageClient, calls, sleeps, tokens };
}

/** Azure's success answer: no `backend`, per-image `content_filter_results`, `prompt_filter_results`, `usage`. */
function azureImages(b64: string[], extra: Record<string, unknown> = {}) {
  return jsonResponse({
    created: 1764490000,
    data: b64.map((b64_json) => ({
      b64_json,
      revised_prompt: "A lighthouse on a rocky coast in a storm",
      content_filter_results: { violence: { filtered: false, severity: "safe" } },
    })),
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: "safe" } } }],
    usage: { input_tokens: 12, output_tokens: 4160, total_tokens: 4172 },
    ...extra,
  });
}

let square: string;
beforeAll(async () => {
  square = await pngBase64(1024, 1024);
});

describe("direct mode configuration", () => {
  it("defaults the scope to Azure OpenAI's user_impersonation, keeps scopes the build sets, and leaves gateway mode alone", () => {
    expect(withDefaults({ gatewayUrl: ENDPOINT, api: DATED }).scopes).toEqual([AZURE_OPENAI_DELEGATED_SCOPE]);
    expect(AZURE_OPENAI_DELEGATED_SCOPE).toBe("https://cognitiveservices.azure.com/user_impersonation");
    expect(withDefaults({ api: DATED, scopes: ["https://ai.azure.com/user_impersonation"] }).scopes).toEqual([
      "https://ai.azure.com/user_impersonation",
    ]);
    expect(withDefaults({}).scopes).toEqual(["api://illustrate-gateway/Images.Create"]);
    expect(withDefaults({ api: { mode: "gateway" } }).scopes).toEqual(["api://illustrate-gateway/Images.Create"]);
  });

  it("refuses direct mode without a deployment name", () => {
    expect(() => createImageClient({ apiBaseUrl: ENDPOINT, api: { mode: "azure-openai-direct", deployment: "" } })).toThrow(TypeError);
  });
});

describe("generate in direct mode", () => {
  it("dated API: POSTs to the deployment path with api-version, no model, quality always, no seed, the delegated token", async () => {
    const { imageClient, calls, tokens } = directClient(DATED, [azureImages([square])]);
    const images = await imageClient.generate(request);

    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe(`${ENDPOINT}/openai/deployments/gpt-image-1/images/generations?api-version=2025-04-01-preview`);
    expect(calls[0].init.method).toBe("POST");
    expect(calls[0].json).toEqual({ prompt: "A lighthouse in a storm", size: "1024x1024", quality: "auto" });
    expect(calls[0].headers.get("authorization")).toBe("Bearer delegated-1");
    expect(calls[0].headers.get("content-type")).toBe("application/json");
    expect(calls[0].init.redirect).toBe("error");
    expect(calls[0].init.credentials).toBe("omit");
    expect(tokens.calls).toEqual([{ scopes: ["https://cognitiveservices.azure.com/user_impersonation"], options: undefined }]);

    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      mimeType: "image/png",
      size: { widthPx: 1024, heightPx: 1024 },
      revisedPrompt: "A lighthouse on a rocky coast in a storm",
    });
    expect(images[0].backend).toEqual(AZURE_BACKEND);
  });

  it("v1 API: POSTs to /openai/v1/images/generations with model = deployment and the request's own quality", async () => {
    const { imageClient, calls } = directClient(V1, [azureImages([square, square])]);
    const images = await imageClient.generate({ ...request, n: 2, quality: "high", output_format: "png" });

    expect(calls[0].url).toBe(`${ENDPOINT}/openai/v1/images/generations`);
    expect(calls[0].json).toEqual({
      model: "gpt-image-1",
      prompt: "A lighthouse in a storm",
      size: "1024x1024",
      n: 2,
      quality: "high",
      output_format: "png",
    });
    expect(images.map((image) => image.backend)).toEqual([AZURE_BACKEND, AZURE_BACKEND]);
  });

  it("encodes the deployment name into the path so it cannot leave /openai/deployments/", async () => {
    const { imageClient, calls } = directClient({ ...DATED, deployment: "gpt-image/../x" }, [azureImages([square])]);
    await imageClient.generate(request);
    expect(calls[0].url).toBe(`${ENDPOINT}/openai/deployments/gpt-image%2F..%2Fx/images/generations?api-version=2025-04-01-preview`);
  });

  it("streams Azure's partial and completed events; images without a backend are Azure's", async () => {
    const partial = await pngBase64(256, 256);
    const stream = sseResponse([
      sseEvent("image_generation.partial_image", { type: "image_generation.partial_image", b64_json: partial, partial_image_index: 0 }),
      sseEvent("image_generation.completed", { type: "image_generation.completed", b64_json: square }),
    ]);
    stream.headers.set("content-type", "text/event-stream");
    const { imageClient, calls } = directClient(DATED, [stream]);
    const partials: number[] = [];
    const images = await imageClient.generate({ ...request, stream: true, partial_images: 1 }, { onPartial: (p) => partials.push(p.index) });

    expect(calls[0].json).toEqual({ prompt: "A lighthouse in a storm", size: "1024x1024", quality: "auto", stream: true, partial_images: 1 });
    expect(calls[0].headers.get("accept")).toBe("text/event-stream, application/json");
    expect(partials).toEqual([0]);
    expect(images[0].backend).toEqual(AZURE_BACKEND);
  });

  it("keeps the gateway's request as it is in gateway mode (seed sent, no quality added)", async () => {
    const { fetch, calls } = scriptedFetch([imagesResponse([square])]);
    const images = await createImageClient({ apiBaseUrl: "https://gateway.example.com", api: { mode: "gateway" }, fetch }).generate(request);
    expect(calls[0].url).toBe("https://gateway.example.com/v1/images/generations");
    expect(calls[0].json).toEqual(request);
    expect(images[0].backend).toEqual({ provider: "local", model: "local-renderer", offline: true });
  });
});

describe("edit in direct mode", () => {
  const picture = () => ({ base64: square, mimeType: "image/png" as const, size: { widthPx: 1024, heightPx: 1024 } });

  it("dated API: multipart to the deployment's edits path, quality sent, no model", async () => {
    const { imageClient, calls } = directClient(DATED, [azureImages([square])]);
    const images = await imageClient.edit({ image: picture(), prompt: "Add a rainbow", size: "1024x1024" });

    expect(calls[0].url).toBe(`${ENDPOINT}/openai/deployments/gpt-image-1/images/edits?api-version=2025-04-01-preview`);
    const form = calls[0].init.body as FormData;
    expect(form.get("prompt")).toBe("Add a rainbow");
    expect(form.get("quality")).toBe("auto");
    expect(form.has("model")).toBe(false);
    expect(form.get("image")).toBeInstanceOf(Blob);
    expect(calls[0].headers.get("authorization")).toBe("Bearer delegated-1");
    expect(images[0].backend).toEqual(AZURE_BACKEND);
  });

  it("v1 API: multipart to /openai/v1/images/edits with model = deployment", async () => {
    const { imageClient, calls } = directClient(V1, [azureImages([square])]);
    await imageClient.edit({ image: picture(), prompt: "Add a rainbow", quality: "medium" });

    expect(calls[0].url).toBe(`${ENDPOINT}/openai/v1/images/edits`);
    const form = calls[0].init.body as FormData;
    expect(form.get("model")).toBe("gpt-image-1");
    expect(form.get("quality")).toBe("medium");
  });
});

describe("Azure's raw error bodies in direct mode", () => {
  it("an image content-filter 400 (inner_error + content_filter_results) is content_filtered with the categories, not retried", async () => {
    const body = {
      error: {
        code: "content_policy_violation",
        message: "Your request was rejected as a result of our safety system.",
        param: "prompt",
        type: "invalid_request_error",
        inner_error: {
          code: "ResponsibleAIPolicyViolation",
          content_filter_results: { violence: { filtered: true, severity: "high" }, sexual: { filtered: false, severity: "safe" } },
        },
      },
    };
    const { imageClient, calls } = directClient(DATED, [jsonResponse(body, 400, { "apim-request-id": "apim-1" })]);
    const error = await rejection(imageClient.generate(request));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, type: "content_filtered", code: "content_policy_violation" });
    expect((error as ApiError).details).toMatchObject({ categories: ["violence"], requestId: "apim-1", param: "prompt" });
    expect(calls).toHaveLength(1);
  });

  it("the chat-style spelling (innererror + content_filter_result) is content_filtered too", async () => {
    const body = {
      error: {
        code: "BadRequest",
        message: "The response was filtered",
        innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: { self_harm: { filtered: true, severity: "medium" } } },
      },
    };
    const { imageClient, calls } = directClient(V1, [jsonResponse(body, 400)]);
    const error = await rejection(imageClient.generate(request));

    expect(error).toMatchObject({ type: "content_filtered", code: "BadRequest" });
    expect((error as ApiError).details.categories).toEqual(["self_harm"]);
    expect(calls).toHaveLength(1);
  });

  it("a 429 with retry-after-ms waits exactly that long, then succeeds with the same URL and a token for the same scope", async () => {
    const limited = jsonResponse(
      { error: { code: "429", message: "Requests to the Images_Generations Operation have exceeded the rate limit." } },
      429,
      {
        "retry-after-ms": "1500",
        "retry-after": "2",
      },
    );
    const { imageClient, calls, sleeps, tokens } = directClient(DATED, [limited, azureImages([square])]);
    const images = await imageClient.generate(request);

    expect(sleeps).toEqual([1500]);
    expect(calls.map((call) => call.url)).toEqual([calls[0].url, calls[0].url]);
    expect(tokens.calls.every((call) => call.scopes[0] === AZURE_OPENAI_DELEGATED_SCOPE)).toBe(true);
    expect(images[0].backend).toEqual(AZURE_BACKEND);
  });

  it("a 429 that keeps coming ends as rate_limited with retryAfterMs after the retries", async () => {
    const limited = () => jsonResponse({ error: { code: "429", message: "Rate limit is exceeded." } }, 429, { "retry-after-ms": "800" });
    const { imageClient, calls, sleeps } = directClient(V1, [limited(), limited(), limited()]);
    const error = await rejection(imageClient.generate(request));

    expect(error).toMatchObject({ status: 429, type: "rate_limited" });
    expect((error as ApiError).details.retryAfterMs).toBe(800);
    expect(sleeps).toEqual([800, 800]);
    expect(calls).toHaveLength(3);
  });

  it("404 DeploymentNotFound is not_found with Azure's code, not retried", async () => {
    const body = {
      error: {
        code: "DeploymentNotFound",
        message:
          "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.",
      },
    };
    const { imageClient, calls } = directClient(DATED, [jsonResponse(body, 404)]);
    const error = await rejection(imageClient.generate(request));

    expect(error).toMatchObject({ status: 404, type: "not_found", code: "DeploymentNotFound" });
    expect(error.message).toMatch(/deployment for this resource does not exist/);
    expect(calls).toHaveLength(1);
  });

  it("403 'temporarily blocked' is suspended", async () => {
    const body = {
      error: {
        code: "Forbidden",
        message: "The resource has been temporarily blocked because we detected behavior that may violate our content policy.",
      },
    };
    const { imageClient } = directClient(V1, [jsonResponse(body, 403)]);
    expect(await rejection(imageClient.generate(request))).toMatchObject({ type: "suspended" });
  });

  it("401 (e.g. missing role) asks once for a fresh delegated token, then says to sign in again", async () => {
    const denied = () => jsonResponse({ error: { code: "PermissionDenied", message: "Principal does not have access to API/Operation." } }, 401);
    const { imageClient, calls, tokens } = directClient(DATED, [denied(), denied()]);
    const error = await rejection(imageClient.generate(request));

    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(calls.map((call) => call.headers.get("authorization"))).toEqual(["Bearer delegated-1", "Bearer delegated-2"]);
    expect(tokens.calls).toEqual([
      { scopes: [AZURE_OPENAI_DELEGATED_SCOPE], options: undefined },
      { scopes: [AZURE_OPENAI_DELEGATED_SCOPE], options: { forceRefresh: true } },
    ]);
  });
});

describe("token origin in direct mode", () => {
  it("every URL the client builds stays on the configured Azure origin; a non-https endpoint is refused before any token is asked", async () => {
    for (const api of [DATED, V1]) {
      const { imageClient, calls } = directClient(api, [azureImages([square])]);
      await imageClient.generate(request);
      expect(new URL(calls[0].url).origin).toBe(ENDPOINT);
    }
    const tokens = countingTokens("delegated");
    expect(() => createImageClient({ apiBaseUrl: "http://contoso-images.openai.azure.com", api: DATED, tokenProvider: tokens })).toThrow(TypeError);
    expect(tokens.calls).toHaveLength(0);
  });
});
