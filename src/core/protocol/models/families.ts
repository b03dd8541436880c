// What each model family accepts, derived once from its name; the family detected from a deployment name.
import {
  isModelFamily,
  MODEL_FAMILIES,
  type ApiSize,
  type ModelCapabilities,
  type ModelEntry,
  type ModelFamily,
  type ModelList,
} from "./capabilities";

/** The three sizes of the gpt-image-1 series (and of every gateway before `GET /v1/models`). */
export const GPT_IMAGE_1_SIZES: readonly ApiSize[] = ["1024x1024", "1536x1024", "1024x1536"];

/**
 * Most images per request the gateway serves for any model (`n`, image-api.md: "OpenAI-compatible gateway
 * (ours) … 1–4"); gpt-image itself takes 1–10, MAI 1 per call (the gateway makes parallel single calls).
 */
export const GATEWAY_MAX_N = 4;

/**
 * Widest long:short ratio delivered by a centre crop when the model's own sizes do not reach it
 * (gpt-image-1 series from 1536×1024, MAI-Image-2.5 from 1360×768): 3:1 keeps ≥ 453 px on the short side.
 */
export const CROPPED_MAX_RATIO = 3;

/** Options of {@link capabilitiesForFamily}. */
export interface FamilyOptions {
  /**
   * Upstream calls per minute of this deployment's queue (the gateway's `IMAGE_RPM` or the model's `rpm`:
   * MAI allows 2–12 by quota tier, Azure OpenAI ~5–12); `null` for no limit (the offline renderer).
   */
  rpm: number | null;
}

const GPT_IMAGE_COMMON = {
  maxN: GATEWAY_MAX_N,
  streaming: true,
  edits: true,
  mask: true,
  transparentBackground: true,
  qualityLevels: ["low", "medium", "high"],
  outputFormats: ["png", "jpeg"],
  // OpenAI API reference, images/edits `image`: up to 16 pictures for gpt-image models (not in image-api.md).
  maxReferenceImages: 16,
  autoAspectRatio: false,
  offline: false,
} as const;

const MAI_COMMON = {
  maxN: GATEWAY_MAX_N,
  streaming: false,
  edits: true,
  mask: false,
  transparentBackground: false,
  qualityLevels: [],
  outputFormats: ["png"],
  inputFidelity: false,
  maxReferenceImages: 1,
  offline: false,
} as const;

/**
 * The capabilities of a model of `family`. Facts from shared/docs/image-api.md, "Models and what they accept":
 * - `gpt-image-2`: `size` both sides multiples of 16, long edge ≤ 3840, ratio ≤ 3:1, 655,360–8,294,400 px;
 *   streaming; edits with mask; `background: transparent` (preview on gpt-image-2); quality low/medium/high;
 *   png/jpeg (no webp on Azure); 400 to `input_fidelity`.
 * - `gpt-image-1.5`, `gpt-image-1-mini`: only `1024x1024`, `1536x1024`, `1024x1536`; otherwise as above, with
 *   `input_fidelity` on 1.5 (OpenAI's reference: not on 1-mini).
 * - `mai-image-2.5` / `mai-image-2.6`: `width`, `height` each ≥ 768, width × height ≤ 1,048,576 / 2,359,296;
 *   one PNG per call, no streaming, edits without mask, no quality levels; `auto_aspect_ratio` on 2.6 only.
 * - `local`: the gateway's offline renderer (server/providers/local): any multiple of 16 up to 3072 px and
 *   4:1, PNG or JPEG, streams, edits with mask, transparent background as a soft-edged cut-out on real alpha (server/providers/local/cutOut.ts).
 * `maxN` is the gateway's {@link GATEWAY_MAX_N} for all.
 */
export function capabilitiesForFamily(family: ModelFamily, options: FamilyOptions): ModelCapabilities {
  const requestsPerMinute = options.rpm;
  switch (family) {
    case "gpt-image-2":
      return {
        family,
        sizeRule: {
          kind: "multiple",
          multipleOfPx: 16,
          minPixels: 655_360,
          maxPixels: 8_294_400,
          maxLongEdgePx: 3840,
          maxRatio: 3,
          preferredPixels: 2_359_296,
        },
        maxAspectRatio: 3,
        ...GPT_IMAGE_COMMON,
        inputFidelity: false,
        requestsPerMinute,
      };
    case "gpt-image-1.5":
    case "gpt-image-1-mini":
      return {
        family,
        sizeRule: { kind: "fixed", sizes: GPT_IMAGE_1_SIZES },
        maxAspectRatio: CROPPED_MAX_RATIO,
        ...GPT_IMAGE_COMMON,
        inputFidelity: family === "gpt-image-1.5",
        requestsPerMinute,
      };
    case "mai-image-2.5":
      return {
        family,
        sizeRule: { kind: "mai", minSidePx: 768, maxPixels: 1_048_576 },
        // The rule itself reaches 16:9 (1,048,576 / 768² = 16/9); wider by crop.
        maxAspectRatio: CROPPED_MAX_RATIO,
        ...MAI_COMMON,
        autoAspectRatio: false,
        requestsPerMinute,
      };
    case "mai-image-2.6":
      return {
        family,
        sizeRule: { kind: "mai", minSidePx: 768, maxPixels: 2_359_296 },
        // 2,359,296 / 768² = 4: 3072 × 768 is 4:1 exactly.
        maxAspectRatio: 4,
        ...MAI_COMMON,
        autoAspectRatio: true,
        requestsPerMinute,
      };
    case "local":
      return {
        family,
        sizeRule: {
          kind: "multiple",
          multipleOfPx: 16,
          minPixels: 262_144,
          maxPixels: 4_194_304,
          maxLongEdgePx: 3072,
          maxRatio: 4,
          // 1536 × 1024, the largest size the renderer drew before: seconds, not tens of seconds.
          preferredPixels: 1_572_864,
        },
        maxAspectRatio: 4,
        maxN: GATEWAY_MAX_N,
        streaming: true,
        edits: true,
        mask: true,
        transparentBackground: true,
        qualityLevels: ["low", "medium", "high"],
        outputFormats: ["png", "jpeg"],
        inputFidelity: false,
        maxReferenceImages: 1,
        autoAspectRatio: false,
        requestsPerMinute,
        offline: true,
      };
  }
}

/** The `GET /v1/models` entry of one configured model: `id` is what a request's `model` names. */
export function modelEntry(id: string, provider: string, capabilities: ModelCapabilities): ModelEntry {
  return { id, object: "model", owned_by: provider, ...capabilities };
}

/**
 * Name patterns, checked in order; each version must not run on into more digits (`gpt-image-20` is not 2).
 * Separators may be `-`, `_`, `.` or nothing (`gptimage2`, `gpt_image_1_5`, `MAI-Image-2.6-Flash`).
 */
const FAMILY_PATTERNS: readonly [RegExp, ModelFamily][] = [
  [/gpt[-_.]?image[-_.]?1[-_.]?mini/, "gpt-image-1-mini"],
  [/gpt[-_.]?image[-_.]?1[-_.]5(?!\d)/, "gpt-image-1.5"],
  [/gpt[-_.]?image[-_.]?2(?![\d.])/, "gpt-image-2"],
  [/mai[-_.]?image[-_.]?2[-_.]5(?!\d)/, "mai-image-2.5"],
  [/mai[-_.]?image[-_.]?2[-_.]6(?!\d)/, "mai-image-2.6"],
  [/^local(?![a-z])/, "local"],
];

/**
 * Guesses the family from a deployment or model name, for when `IMAGE_MODEL_FAMILY` is not set. A **name
 * heuristic** only: Azure deployment names are free text (`img-prod` tells nothing), so an `undefined` answer
 * means "set `IMAGE_MODEL_FAMILY`", and a deployment named after another model is misread. Case-insensitive;
 * `gpt-image-1` (shut down 2026-10-23), `dall-e-3` and `MAI-Image-2` (retired) give `undefined`.
 * @param name e.g. `gpt-image-2`, `MAI-Image-2.6-Flash`, `contoso-gpt-image-1.5-eu`
 */
export function detectFamily(name: string): ModelFamily | undefined {
  const lower = name.trim().toLowerCase();
  return FAMILY_PATTERNS.find(([pattern]) => pattern.test(lower))?.[1];
}

/** Where {@link resolveFamily} found the family: the configuration, or the name heuristic. */
export type FamilySource = "configured" | "detected";

/**
 * The family of one configured deployment: `configured` (`IMAGE_MODEL_FAMILY`, or `family` in `IMAGE_MODELS`)
 * when set, else {@link detectFamily} on the deployment name — with `source` saying which, for the gateway's
 * start-up log and `GET /v1/models`.
 * @returns `{ ok: false, message }` for an unknown configured family or an undetectable name (the gateway
 *   refuses to start with that message rather than guess a size rule)
 */
export function resolveFamily(
  configured: string | undefined,
  deployment: string,
): { ok: true; family: ModelFamily; source: FamilySource } | { ok: false; message: string } {
  const known = MODEL_FAMILIES.join(", ");
  if (configured !== undefined && configured.trim() !== "") {
    const family = configured.trim().toLowerCase();
    return isModelFamily(family)
      ? { ok: true, family, source: "configured" }
      : { ok: false, message: `IMAGE_MODEL_FAMILY ${JSON.stringify(configured)} is not one of ${known}` };
  }
  const detected = detectFamily(deployment);
  return detected
    ? { ok: true, family: detected, source: "detected" }
    : {
        ok: false,
        message: `Cannot tell the model family of deployment ${JSON.stringify(deployment)} from its name; set IMAGE_MODEL_FAMILY to one of ${known}`,
      };
}

/** `id` of the fallback model; the pane sends no `model` for it (older gateways do not know the field). */
export const FALLBACK_MODEL_ID = "default";

/**
 * Today's behaviour, for a gateway that does not answer `GET /v1/models` (404 or not JSON): one model with
 * the three gpt-image-1 sizes (which every earlier gateway accepted whatever its backend, mapping them for
 * MAI and the renderer), `n` up to 4, streaming asked for, edits with mask, no transparent background (not
 * offered before). Its family reads `gpt-image-1.5`, the live family with the same size rule.
 */
export const FALLBACK_MODELS: ModelList = {
  object: "list",
  data: [
    modelEntry(FALLBACK_MODEL_ID, "gateway", {
      ...capabilitiesForFamily("gpt-image-1.5", { rpm: null }),
      transparentBackground: false,
      inputFidelity: false,
    }),
  ],
};
