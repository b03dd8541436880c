// Error answers of the gateway and of raw upstreams (OpenAI, Azure OpenAI, MAI) → one typed ApiError each.
import { ApiError } from "../../../src/core/protocol/errors";
import { apiErrorFrom, errorTypeForStatus } from "../../../src/core/protocol/upstreamErrorShapes";

describe("apiErrorFrom", () => {
  it("content filter with Azure's images spelling (inner_error + content_filter_results) → content_filtered with categories", () => {
    const body = {
      error: {
        code: "content_policy_violation",
        message: "Your request was rejected as a result of our safety system.",
        inner_error: {
          code: "ResponsibleAIPolicyViolation",
          content_filter_results: { sexual: { filtered: false, severity: "safe" }, violence: { filtered: true, severity: "high" } },
        },
      },
    };
    const error = apiErrorFrom(400, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, type: "content_filtered", code: "content_policy_violation" });
    expect(error.details.categories).toEqual(["violence"]);
  });

  it("content filter with the chat spelling (innererror + content_filter_result) → content_filtered", () => {
    const body = {
      error: {
        code: "BadRequest",
        message: "The response was filtered",
        innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: { hate: { filtered: true }, self_harm: { filtered: true } } },
      },
    };
    const error = apiErrorFrom(400, body);
    expect(error).toMatchObject({ type: "content_filtered", code: "BadRequest" });
    expect(error.details.categories).toEqual(["hate", "self_harm"]);
  });

  it.each(["content_policy_violation", "content_filter", "contentFilter", "moderation_blocked"])("code %s alone → content_filtered", (code) => {
    expect(apiErrorFrom(400, { error: { code, message: "blocked" } }).type).toBe("content_filtered");
  });

  it("403 'temporarily blocked' → suspended; other 403 → forbidden", () => {
    expect(apiErrorFrom(403, { error: { code: "403", message: "The resource has been temporarily blocked" } }).type).toBe("suspended");
    expect(apiErrorFrom(403, { error: { code: "403", message: "Principal does not have access" } }).type).toBe("forbidden");
  });

  it("a raw OpenAI error (type is not one of ours) is classified by status", () => {
    const error = apiErrorFrom(404, {
      error: { code: "DeploymentNotFound", message: "The API deployment does not exist", type: "invalid_request_error" },
    });
    expect(error).toMatchObject({ type: "not_found", code: "DeploymentNotFound", message: "The API deployment does not exist" });
  });

  it("no JSON at all: type from status, a message that names the status, the request id", () => {
    const error = apiErrorFrom(502, undefined, new Headers({ "x-request-id": "r-1" }));
    expect(error).toMatchObject({ type: "upstream_unavailable", code: "upstream_unavailable", message: "The image service answered HTTP 502" });
    expect(error.details.requestId).toBe("r-1");
  });

  it("the gateway envelope wins, with param and retryAfterMs", () => {
    const error = apiErrorFrom(400, { error: { code: "invalid_n", type: "bad_request", message: "n must be 1–4", param: "n" } });
    expect(error).toMatchObject({ type: "bad_request", code: "invalid_n" });
    expect(error.details.param).toBe("n");
    expect(apiErrorFrom(429, { error: { code: "queue_full", type: "rate_limited", message: "busy", retryAfterMs: 5000 } }).details.retryAfterMs).toBe(
      5000,
    );
  });

  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [408, "timeout"],
    [409, "upstream_unavailable"],
    [422, "bad_request"],
    [429, "rate_limited"],
    [500, "upstream_unavailable"],
    [503, "upstream_unavailable"],
    [302, "internal"],
  ] as const)("status %i → %s", (status, type) => {
    expect(errorTypeForStatus(status)).toBe(type);
  });
});
