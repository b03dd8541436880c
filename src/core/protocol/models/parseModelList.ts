// Reads a `GET /v1/models` body defensively: keeps the well-formed entries, else says to use the fallback.
import { isModelFamily, type ApiSize, type ModelEntry, type ModelList, type SizeRule } from "./capabilities";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isPositive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isStringList = <T extends string>(v: unknown, allowed: readonly T[]): v is T[] =>
  Array.isArray(v) && v.every((x) => (allowed as readonly unknown[]).includes(x));

function sizeRuleOf(v: unknown): SizeRule | undefined {
  if (!isObject(v)) return undefined;
  if (
    v.kind === "fixed" &&
    Array.isArray(v.sizes) &&
    v.sizes.length > 0 &&
    v.sizes.every((s) => typeof s === "string" && /^\d{2,5}x\d{2,5}$/.test(s))
  ) {
    return { kind: "fixed", sizes: v.sizes as ApiSize[] };
  }
  if (
    v.kind === "multiple" &&
    isPositive(v.multipleOfPx) &&
    isPositive(v.minPixels) &&
    isPositive(v.maxPixels) &&
    isPositive(v.maxLongEdgePx) &&
    isPositive(v.maxRatio) &&
    isPositive(v.preferredPixels) &&
    v.minPixels <= v.maxPixels
  ) {
    const { multipleOfPx, minPixels, maxPixels, maxLongEdgePx, maxRatio, preferredPixels } = v;
    return { kind: "multiple", multipleOfPx, minPixels, maxPixels, maxLongEdgePx, maxRatio, preferredPixels };
  }
  if (v.kind === "mai" && isPositive(v.minSidePx) && isPositive(v.maxPixels) && v.minSidePx * v.minSidePx <= v.maxPixels) {
    return { kind: "mai", minSidePx: v.minSidePx, maxPixels: v.maxPixels };
  }
  return undefined;
}

/** One entry, or `undefined` when a field the pane relies on is missing or of the wrong type. */
function entryOf(v: unknown): ModelEntry | undefined {
  if (!isObject(v) || typeof v.id !== "string" || v.id.length === 0 || v.id.length > 200) return undefined;
  const sizeRule = sizeRuleOf(v.sizeRule);
  if (!sizeRule || !isModelFamily(v.family) || !isPositive(v.maxAspectRatio) || v.maxAspectRatio < 1) return undefined;
  if (!isCount(v.maxN) || v.maxN < 1 || !isCount(v.maxReferenceImages)) return undefined;
  const flags = ["streaming", "edits", "mask", "transparentBackground", "inputFidelity", "autoAspectRatio", "offline"] as const;
  if (!flags.every((f) => isBool(v[f]))) return undefined;
  if (!isStringList(v.qualityLevels, ["low", "medium", "high"] as const)) return undefined;
  if (!isStringList(v.outputFormats, ["png", "jpeg"] as const) || v.outputFormats.length === 0) return undefined;
  if (!(v.requestsPerMinute === null || isPositive(v.requestsPerMinute))) return undefined;
  return {
    id: v.id,
    object: "model",
    owned_by: typeof v.owned_by === "string" ? v.owned_by : "",
    family: v.family,
    sizeRule,
    maxAspectRatio: v.maxAspectRatio,
    maxN: v.maxN,
    streaming: v.streaming as boolean,
    edits: v.edits as boolean,
    mask: v.mask as boolean,
    transparentBackground: v.transparentBackground as boolean,
    qualityLevels: v.qualityLevels,
    outputFormats: v.outputFormats,
    inputFidelity: v.inputFidelity as boolean,
    maxReferenceImages: v.maxReferenceImages,
    autoAspectRatio: v.autoAspectRatio as boolean,
    requestsPerMinute: v.requestsPerMinute,
    offline: v.offline as boolean,
  };
}

/**
 * The model list in a `GET /v1/models` body (already JSON-parsed), keeping only well-formed entries (unknown
 * fields dropped; an entry with a missing or mistyped field, an unknown family or a duplicate id is skipped).
 * @returns the list, or `undefined` when the body is not a list or has no usable entry: the caller then uses
 *   `FALLBACK_MODELS` (an older gateway, or another OpenAI-compatible server whose models carry no capabilities).
 */
export function parseModelList(body: unknown): ModelList | undefined {
  if (!isObject(body) || !Array.isArray(body.data)) return undefined;
  const seen = new Set<string>();
  const data: ModelEntry[] = [];
  for (const raw of body.data) {
    const entry = entryOf(raw);
    if (entry && !seen.has(entry.id)) {
      seen.add(entry.id);
      data.push(entry);
    }
  }
  return data.length > 0 ? { object: "list", data } : undefined;
}
