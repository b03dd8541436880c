// What a strict fake upstream accepts, per API: URL, method, headers, body fields and their types.
// Sources: shared/docs/image-api.md (fields, limits) — anything else is a violation the test sees.

/** A parsed request as the rules see it. */
export interface SeenRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** JSON body, or the text fields of a multipart body. */
  body: Record<string, unknown>;
  /** Multipart files by field name. */
  files: Record<string, { bytes: Buffer; mimetype: string; filename: string }>;
  multipart: boolean;
}

/** Which API the fake plays and how it is addressed. */
export interface FakeApi {
  kind: "foundry-mai" | "azure-openai";
  deployment: string;
  /** azure-openai: the dated deployment path when set, else the v1 path. */
  apiVersion?: string;
  /** Accepted `api-key` value. */
  apiKey?: string;
  /** Accepted `Authorization: Bearer` token. */
  bearerToken?: string;
  /**
   * The deployment's model family, whose rules the fake enforces (image-api.md, "Models and what they accept"):
   * `gpt-image-2` any multiple of 16 (long side ≤ 3840, ≤ 3:1, 655,360–8,294,400 px) and 400 to `input_fidelity`;
   * `gpt-image-1.5` (default for azure-openai) the three sizes; `mai-image-2.5` (default for MAI) ≤ 1,048,576 px
   * and no `auto_aspect_ratio`; `mai-image-2.6` ≤ 2,359,296 px, `auto_aspect_ratio` allowed. Written out here, not
   * imported from src/core/protocol/models, so a wrong shared rule is caught, not echoed.
   */
  family?: "gpt-image-2" | "gpt-image-1.5" | "mai-image-2.5" | "mai-image-2.6";
}

export type Operation = "generations" | "edits";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

function isImageBytes(bytes: Buffer, allowJpeg = true): boolean {
  return bytes.subarray(0, 4).equals(PNG) || (allowJpeg && bytes.subarray(0, 3).equals(JPEG));
}

/** The operation the request's URL names for `api`, or a violation. */
export function operationOf(api: FakeApi, request: SeenRequest): Operation | string {
  if (request.method !== "POST") return `method ${request.method}, expected POST`;
  const op = /\/images\/(generations|edits)$/.exec(request.path)?.[1] as Operation | undefined;
  if (!op) return `unknown path ${request.path}`;
  if (api.kind === "foundry-mai") {
    if (request.path !== `/mai/v1/images/${op}`) return `MAI path must be /mai/v1/images/${op}, got ${request.path}`;
    if (Object.keys(request.query).length > 0) return "MAI takes no query (no api-version)";
    return op;
  }
  if (api.apiVersion) {
    const expected = `/openai/deployments/${api.deployment}/images/${op}`;
    if (request.path !== expected) return `deployment path must be ${expected}, got ${request.path}`;
    if (request.query["api-version"] !== api.apiVersion) return `api-version must be ${api.apiVersion}`;
    return op;
  }
  if (request.path !== `/openai/v1/images/${op}`) return `v1 path must be /openai/v1/images/${op}, got ${request.path}`;
  if (request.query["api-version"] !== undefined) return "the v1 path takes no api-version";
  return op;
}

/** A violation of the auth header rule, or undefined. (Bad credentials are a 401, not a violation.) */
export function authViolation(request: SeenRequest): string | undefined {
  const key = request.headers["api-key"];
  const auth = request.headers.authorization;
  if (key !== undefined && auth !== undefined) return "send api-key or Authorization, not both";
  if (key === undefined && auth === undefined) return "missing api-key / Authorization";
  if (auth !== undefined && !/^Bearer \S+$/.test(String(auth))) return "Authorization must be Bearer <token>";
  return undefined;
}

/** True when the credential is the one this fake accepts. */
export function credentialAccepted(api: FakeApi, request: SeenRequest): boolean {
  if (request.headers["api-key"] !== undefined) return api.apiKey !== undefined && request.headers["api-key"] === api.apiKey;
  return api.bearerToken !== undefined && request.headers.authorization === `Bearer ${api.bearerToken}`;
}

type Check = (value: unknown) => string | undefined;
const isString: Check = (v) => (typeof v === "string" && v.length > 0 ? undefined : "must be a non-empty string");
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(String(v)) && typeof v === "string" ? undefined : `must be one of ${values.join("|")}`;
const intIn =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `must be an integer ${min}–${max}`;
/** Multipart sends every field as text: integers arrive as digit strings. */
const textInt =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "string" && /^\d+$/.test(v) ? intIn(min, max)(Number(v)) : `must be a whole number ${min}–${max}`;

function checkFields(body: Record<string, unknown>, rules: Record<string, Check>, required: string[]): string | undefined {
  for (const name of required) if (body[name] === undefined) return `missing ${name}`;
  for (const [name, value] of Object.entries(body)) {
    const rule = rules[name];
    if (!rule) return `unknown field ${name}`;
    const problem = rule(value);
    if (problem) return `${name} ${problem}`;
  }
  return undefined;
}

const AZURE_SIZES = oneOf("1024x1024", "1536x1024", "1024x1536", "auto");
/** gpt-image-2's size rule: `auto`, or both sides multiples of 16, long ≤ 3840, ratio ≤ 3:1, 655,360–8,294,400 px. */
const GPT_IMAGE_2_SIZE: Check = (v) => {
  if (v === "auto") return undefined;
  const match = typeof v === "string" ? /^(\d+)x(\d+)$/.exec(v) : null;
  if (!match) return "must be WIDTHxHEIGHT or auto";
  const [w, h] = [Number(match[1]), Number(match[2])];
  if (w % 16 !== 0 || h % 16 !== 0) return "sides must be multiples of 16";
  if (Math.max(w, h) > 3840) return "long side must be ≤ 3840";
  if (Math.max(w, h) > 3 * Math.min(w, h)) return "ratio must be ≤ 3:1";
  if (w * h < 655_360 || w * h > 8_294_400) return "pixels must be 655,360–8,294,400";
  return undefined;
};
const isTrue: Check = (v) => (v === true || v === "true" ? undefined : "must be true");
const QUALITY = oneOf("low", "medium", "high", "auto");
/** webp is *unverified* on Azure (image-api.md): the strict fake refuses it. */
const AZURE_FORMAT = oneOf("png", "jpeg");

/** A violation of `api`'s body rules for `op`, or undefined. */
export function bodyViolation(api: FakeApi, op: Operation, request: SeenRequest): string | undefined {
  const { body, files } = request;
  const contentType = String(request.headers["content-type"] ?? "");
  if (op === "generations" && !contentType.startsWith("application/json")) return "generations need Content-Type application/json";
  if (op === "edits" && !request.multipart) return "edits need multipart/form-data";
  if (api.kind === "foundry-mai") {
    const maxPixels = api.family === "mai-image-2.6" ? 2_359_296 : 1_048_576;
    const side = op === "generations" ? intIn(768, maxPixels / 768) : textInt(768, maxPixels / 768);
    const rules: Record<string, Check> = {
      model: oneOf(api.deployment),
      prompt: isString,
      user: isString,
      width: side,
      height: side,
      web_grounding: isTrue,
    };
    if (api.family === "mai-image-2.6") rules.auto_aspect_ratio = isTrue;
    const problem = checkFields(body, rules, ["model", "prompt", "width", "height"]);
    if (problem) return problem;
    if (Number(body.width) * Number(body.height) > maxPixels) return `width × height must be ≤ ${maxPixels}`;
    if (op === "edits") {
      if (files.mask) return "MAI edits take no mask";
      if (!files.image || !isImageBytes(files.image.bytes)) return "edits need an image file (PNG or JPEG)";
      if (Object.keys(files).some((name) => name !== "image")) return "unknown file field";
    }
    return undefined;
  }
  const modelRule: Record<string, Check> = api.apiVersion ? {} : { model: oneOf(api.deployment) };
  const sizeRule = api.family === "gpt-image-2" ? GPT_IMAGE_2_SIZE : AZURE_SIZES;
  const required = ["prompt", "quality", ...(api.apiVersion ? [] : ["model"])];
  if (api.apiVersion && body.model !== undefined) return "model must not be in the body on the deployment path";
  if (op === "generations") {
    const problem = checkFields(
      body,
      {
        ...modelRule,
        prompt: isString,
        n: intIn(1, 10),
        size: sizeRule,
        quality: QUALITY,
        output_format: AZURE_FORMAT,
        output_compression: intIn(0, 100),
        background: oneOf("transparent", "opaque", "auto"),
        stream: (v) => (typeof v === "boolean" ? undefined : "must be a boolean"),
        partial_images: intIn(0, 3),
        user: isString,
      },
      required,
    );
    if (problem) return problem;
    if (body.partial_images !== undefined && body.stream !== true) return "partial_images needs stream: true";
    if (body.output_compression !== undefined && body.output_format !== "jpeg") return "output_compression needs output_format jpeg";
    if (body.background === "transparent" && body.output_format === "jpeg") return "transparent background needs png";
    return undefined;
  }
  const problem = checkFields(
    body,
    {
      ...modelRule,
      prompt: isString,
      n: textInt(1, 10),
      size: sizeRule,
      quality: QUALITY,
      output_format: AZURE_FORMAT,
      // gpt-image-2 answers 400 to input_fidelity (it always keeps the input's details).
      ...(api.family === "gpt-image-2" ? {} : { input_fidelity: oneOf("high", "low") }),
      background: oneOf("transparent", "opaque", "auto"),
      user: isString,
    },
    required,
  );
  if (problem) return problem;
  if (!files.image || !isImageBytes(files.image.bytes)) return "edits need an image file (PNG or JPEG)";
  if (files.mask && !isImageBytes(files.mask.bytes, false)) return "mask must be a PNG";
  if (Object.keys(files).some((name) => name !== "image" && name !== "mask")) return "unknown file field";
  return undefined;
}
