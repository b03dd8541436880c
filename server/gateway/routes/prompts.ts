// `POST /v1/prompts/visual`: slide/section text → one visual brief per item from the configured chat deployment,
// behind the same authentication, its own fair queue, the shared error envelope and a time limit.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from "fastify";
import { ApiError } from "../../../src/core/protocol/errors";
import {
  MAX_BRIEF_CHARS,
  MAX_BRIEF_ITEM_ID_CHARS,
  MAX_BRIEF_ITEMS,
  MAX_BRIEF_TEXT_CHARS,
  MAX_BRIEF_TITLE_CHARS,
  MAX_PALETTE_COLOURS,
  MAX_STYLE_WORDS_CHARS,
} from "../../../src/core/protocol/limits";
import { STYLE_PRESETS } from "../../../src/core/protocol/styles";
import { NO_TEXT_CLAUSE, withNoTextClause, type VisualBriefsRequest, type VisualBriefsResponse } from "../../../src/core/protocol/visualBriefs";
import type { BriefWriter } from "../../providers/prompts/BriefWriter";
import { ProviderError } from "../../providers/errors";
import { watchGeneration } from "../cancellation";
import { badRequest, GatewayError } from "../errors";
import { providerFailure, queueHeaderReporter } from "../runProviderCall";
import { unknownParameter } from "../validation";
import { verifyCallers, type Authenticate } from "./images";

/** Options of {@link promptRoutes}; register with `{ prefix: "/v1/prompts" }`. */
export interface PromptRoutesOptions {
  /** The chat deployment; absent: every call answers 404 `prompt_writer_not_configured`. */
  writer?: BriefWriter;
  authenticate?: Authenticate;
  /** Longest call after the queue, in ms; then 504 `generation_timeout` and the upstream call is aborted. */
  timeoutMs: number;
}

/** JSON schema of the body: {@link VisualBriefsRequest} within the protocol's limits, no unknown fields. */
export const visualBriefsBodySchema = {
  type: "object",
  required: ["items", "style"],
  additionalProperties: false,
  properties: {
    items: {
      type: "array",
      minItems: 1,
      maxItems: MAX_BRIEF_ITEMS,
      items: {
        type: "object",
        required: ["id", "title", "text"],
        additionalProperties: false,
        properties: {
          id: { type: "string", minLength: 1, maxLength: MAX_BRIEF_ITEM_ID_CHARS },
          kind: { type: "string", enum: ["slide", "section"] },
          title: { type: "string", maxLength: MAX_BRIEF_TITLE_CHARS },
          text: { type: "string", maxLength: MAX_BRIEF_TEXT_CHARS },
        },
      },
    },
    style: {
      type: "object",
      required: ["preset", "palette", "style_words"],
      additionalProperties: false,
      properties: {
        preset: { type: "string", enum: STYLE_PRESETS },
        palette: { type: "array", maxItems: MAX_PALETTE_COLOURS, items: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" } },
        style_words: { type: "string", maxLength: MAX_STYLE_WORDS_CHARS },
      },
    },
  },
} as const;

/**
 * The 400 for the first schema error: `unknown_parameter` (named in `param`, e.g. `items/0/colour`),
 * `missing_items` / `too_many_items` (over {@link MAX_BRIEF_ITEMS}), `item_too_long` (an id, title or text over its
 * limit), `invalid_items`, `invalid_style`, `invalid_body`.
 */
function briefsValidationError(errors: readonly FastifySchemaValidationError[]): GatewayError {
  const first = errors[0];
  const path = first?.instancePath.replace(/^\//u, "") ?? "";
  if (!first || (path === "" && first.keyword !== "required" && first.keyword !== "additionalProperties"))
    return badRequest("invalid_body", "The request body must be a JSON object { items, style }");
  if (first.keyword === "additionalProperties") {
    const name = String(first.params.additionalProperty ?? "");
    return unknownParameter(path ? `${path}/${name}` : name);
  }
  const field = first.keyword === "required" && path === "" ? String(first.params.missingProperty ?? "") : path.split("/")[0];
  if (field === "items") {
    if (first.keyword === "required" || first.keyword === "minItems")
      return badRequest("missing_items", "items must list at least one item { id, title, text }", "items");
    if (first.keyword === "maxItems")
      return badRequest("too_many_items", `items may list at most ${MAX_BRIEF_ITEMS} items; send the rest in another request`, "items");
    if (first.keyword === "maxLength") {
      return badRequest(
        "item_too_long",
        `${path}: id at most ${MAX_BRIEF_ITEM_ID_CHARS}, title ${MAX_BRIEF_TITLE_CHARS}, text ${MAX_BRIEF_TEXT_CHARS} characters`,
        path,
      );
    }
    return badRequest(
      "invalid_items",
      `${path || "items"} ${first.message ?? "is not valid"}: each item is { id, kind?, title, text } of strings`,
      path || "items",
    );
  }
  return badRequest(
    "invalid_style",
    `${path || "style"} ${first.message ?? "is not valid"}: style is { preset, palette (up to ${MAX_PALETTE_COLOURS} #RRGGBB), style_words }`,
    path || "style",
  );
}

/** What the gateway's messages say when the chat deployment fails (the image wording names the wrong settings). */
const PROMPT_MESSAGES: Record<string, string> = {
  content_filtered: "The prompt service's content filter blocked this text; change the slide text or write the prompts by hand",
  rate_limited: "The prompt service is busy (rate limit); try again shortly",
  upstream_unauthorized:
    "The prompt service refused the gateway's credential; an administrator must check PROMPT_API_KEY or the identity's token audience",
  credential_unavailable:
    "The gateway has no credential for the prompt service; an administrator must set PROMPT_API_KEY or give it a managed identity",
  upstream_forbidden:
    "The gateway's identity may not use this chat deployment; an administrator must grant it the Cognitive Services OpenAI User role",
  suspended: "The prompt service resource is temporarily blocked; an administrator must contact Azure support",
  not_found: "The chat deployment was not found; an administrator must check PROMPT_ENDPOINT and PROMPT_DEPLOYMENT",
  bad_request:
    "The prompt service did not accept the request; an administrator must check PROMPT_RESPONSE_FORMAT and PROMPT_API_VERSION (json_schema needs 2024-08-01-preview or later)",
  timeout: "The prompt service took too long; try again",
  generation_timeout: "The prompt service took too long; try again",
  upstream_unavailable: "The prompt service is unavailable; try again in a moment",
};

/** The writer's failure with the prompt service's wording; code, status, type and details unchanged. */
function asPromptError(error: ApiError): ApiError {
  const message = PROMPT_MESSAGES[error.code] ?? error.message.replace(/image (service|backend)/gu, "prompt service");
  if (message === error.message) return error;
  return new ProviderError(error.status, error.code, error.type, message, error.details);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be dropped from model text
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/gu;

/** A model's brief made safe to send on: control characters out, whitespace collapsed, cut, the no-text clause at the end. */
export function finishBrief(raw: string | undefined): string {
  const text = (raw ?? "").replace(CONTROL_CHARACTERS, " ").replace(/\s+/gu, " ").trim();
  if (!text) return "";
  const room = MAX_BRIEF_CHARS - NO_TEXT_CLAUSE.length - 3;
  if (text.length <= room) return withNoTextClause(text);
  const slice = text.slice(0, room);
  const space = slice.lastIndexOf(" ");
  return withNoTextClause(space > room / 2 ? slice.slice(0, space) : slice);
}

/** Registers `POST /visual`; with `authenticate`, the caller is verified before the body is read. */
export async function promptRoutes(app: FastifyInstance, options: PromptRoutesOptions): Promise<void> {
  const { writer, authenticate } = options;
  verifyCallers(app, authenticate);

  app.post<{ Body: VisualBriefsRequest }>(
    "/visual",
    { schema: { body: visualBriefsBodySchema }, attachValidation: true },
    async (request: FastifyRequest<{ Body: VisualBriefsRequest }>, reply: FastifyReply): Promise<VisualBriefsResponse> => {
      if (!writer) {
        throw new GatewayError(
          404,
          "prompt_writer_not_configured",
          "not_found",
          "This gateway has no prompt writer (PROMPT_PROVIDER is not set); write the prompts in the pane",
        );
      }
      if (request.validationError) throw briefsValidationError(request.validationError.validation);
      const { items, style } = request.body;
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id))
          throw badRequest("duplicate_item_id", `items/${index}/id "${item.id}" is used twice; ids must be distinct`, `items/${index}/id`);
        seen.add(item.id);
      });
      const started = performance.now();
      const cancellation = watchGeneration(reply, options.timeoutMs);
      try {
        const ctx = { signal: cancellation.signal, userId: request.userId, onQueue: queueHeaderReporter(reply), onWaiting: cancellation.onWaiting };
        let written: Map<string, string>;
        try {
          const work = writer.write({ items, style }, ctx);
          work.catch(() => undefined); // after an abort nobody awaits it
          written = await Promise.race([work, cancellation.aborted]);
        } catch (error) {
          throw asPromptError(providerFailure(error, cancellation.signal));
        }
        const briefs = items.flatMap((item) => {
          const prompt = finishBrief(written.get(item.id));
          return prompt ? [{ id: item.id, prompt }] : [];
        });
        request.log.info(
          { items: items.length, briefs: briefs.length, model: writer.info.model, ms: Math.round(performance.now() - started) },
          "briefs written",
        );
        return { briefs, writer: writer.info };
      } finally {
        cancellation.dispose();
      }
    },
  );
}
