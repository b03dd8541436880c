// Optional gpt-image fields of a generations body (`output_compression`, `background`), checked and passed to
// providers that take them (azure-openai); others ignore them.
import type { GenerateExtras } from "../providers/Provider";
import { badRequest } from "./errors";

const BACKGROUNDS = ["transparent", "opaque", "auto"] as const;

/**
 * `output_compression` (integer 0–100, needs `output_format: "jpeg"`) and `background` (`transparent` needs PNG)
 * from `body`, as {@link GenerateExtras}.
 * @throws GatewayError 400 `invalid_output_compression` / `invalid_background`
 */
export function readGenerateExtras(body: Record<string, unknown>): GenerateExtras {
  const extras: GenerateExtras = {};
  const format = body.output_format ?? "png";
  if (body.output_compression !== undefined) {
    const value = body.output_compression;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
      throw badRequest("invalid_output_compression", "output_compression must be an integer from 0 to 100", "output_compression");
    }
    if (format !== "jpeg") throw badRequest("invalid_output_compression", "output_compression needs output_format jpeg", "output_compression");
    extras.outputCompression = value;
  }
  if (body.background !== undefined) {
    const value = body.background;
    if (typeof value !== "string" || !(BACKGROUNDS as readonly string[]).includes(value)) {
      throw badRequest("invalid_background", "background must be transparent, opaque or auto", "background");
    }
    if (value === "transparent" && format !== "png")
      throw badRequest("invalid_background", "a transparent background needs output_format png", "background");
    extras.background = value as GenerateExtras["background"];
  }
  return extras;
}
