// The documented answer shapes of the upstream image APIs (shared/docs/image-api.md, "Errors"), by name.

/** A scripted answer: status, headers, JSON body. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

const violenceFiltered = {
  hate: { filtered: false, severity: "safe" },
  violence: { filtered: true, severity: "high" },
  sexual: { filtered: false, severity: "safe" },
};

/** Every upstream error form the gateway must normalize, as the services send them. */
export const ERROR_ANSWERS = {
  /** Image APIs: `inner_error` + `content_filter_results`. */
  contentFilterInnerError: {
    status: 400,
    body: {
      error: {
        code: "content_policy_violation",
        message: "Your request was rejected as a result of our safety system.",
        param: "prompt",
        type: "invalid_request_error",
        inner_error: { code: "ResponsibleAIPolicyViolation", content_filter_results: violenceFiltered },
      },
    },
  },
  /** Chat style: `innererror` + `content_filter_result`, code `content_filter`. */
  contentFilterInnererror: {
    status: 400,
    body: {
      error: {
        code: "content_filter",
        message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        innererror: {
          code: "ResponsibleAIPolicyViolation",
          content_filter_result: { self_harm: { filtered: true, severity: "medium" }, hate: { filtered: false, severity: "safe" } },
        },
      },
    },
  },
  contentFilterCamel: { status: 400, body: { error: { code: "contentFilter", message: "Content filtered." } } },
  moderationBlocked: {
    status: 400,
    body: { error: { code: "moderation_blocked", message: "Blocked by moderation.", type: "image_generation_user_error" } },
  },
  /** Only the inner code says it. */
  responsibleAiOnly: {
    status: 400,
    body: { error: { code: "BadRequest", message: "Blocked.", innererror: { code: "ResponsibleAIPolicyViolation" } } },
  },
  badRequest: {
    status: 400,
    body: { error: { code: "unsupported_request_value", message: "Invalid size.", param: "size", type: "invalid_request_error" } },
  },
  unauthorized: { status: 401, body: { error: { code: "401", message: "Access denied due to invalid subscription key or wrong API endpoint." } } },
  forbiddenRole: { status: 403, body: { error: { code: "PermissionDenied", message: "Principal does not have access to API/Operation." } } },
  suspended: {
    status: 403,
    body: {
      error: {
        code: "Forbidden",
        message: "The resource has been temporarily blocked because we detected behavior that may violate our content policy.",
      },
    },
  },
  deploymentNotFound: {
    status: 404,
    body: { error: { code: "DeploymentNotFound", message: "The API deployment for this resource does not exist." } },
  },
  rateLimited: {
    status: 429,
    headers: { "retry-after-ms": "150", "retry-after": "1", "x-ratelimit-remaining-requests": "0" },
    body: { error: { code: "429", message: "Requests to the Images_Generations Operation have exceeded call rate limit." } },
  },
  /** 429 with only the seconds header. */
  rateLimitedSeconds: { status: 429, headers: { "retry-after": "1" }, body: { error: { code: "RateLimitExceeded", message: "Too many requests." } } },
  requestTimeout: { status: 408, body: { error: { code: "Timeout", message: "The operation was timeout." } } },
  conflict: { status: 409, body: { error: { code: "Conflict", message: "Try again." } } },
  serverError: { status: 500, body: { error: { code: "InternalServerError", message: "The server had an error while processing your request." } } },
  serviceUnavailable: { status: 503, body: "Service Unavailable" },
} satisfies Record<string, ScriptedAnswer>;

export type ErrorAnswerName = keyof typeof ERROR_ANSWERS;
