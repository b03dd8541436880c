// The `local` image provider: an offline renderer (not a model) that draws a scene from the prompt's words.
import { randomInt } from "node:crypto";
import type { BackendInfo } from "../../../src/core/protocol/wire";
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../Provider";
import { rasterize } from "./render";
import { buildScene, describeScene } from "./scene";
import { readStyle, recolourSvg } from "./styleLook";
import { sceneToSvg } from "./svg";

/** What `GET /v1/backend` reports for the local renderer. */
export const LOCAL_BACKEND: BackendInfo = { provider: "local", model: "local-renderer", offline: true };

/**
 * Draws `n` variations of a landscape read from the prompt (sky, light, land, water, subjects), as PNG or
 * JPEG of exactly the requested size, in the look of the style preset whose suffix the prompt carries
 * (styleLook.ts: palette, line art, pencil, watercolor…). With a `seed`, the same prompt + seed gives the same bytes; without
 * one, a random seed is used so that asking again gives new pictures (as a model would).
 * `revised_prompt` says in words what was drawn. Needs no network and no credentials.
 */
export class LocalProvider implements ImageProvider {
  readonly info: BackendInfo = LOCAL_BACKEND;

  /** @throws the signal's reason when `ctx.signal` aborts between images. */
  async generate(request: NormalizedGenerateRequest, ctx: GenerateContext): Promise<ProviderImage[]> {
    const seed = request.seed ?? randomInt(2 ** 31);
    const style = readStyle(request.prompt);
    const images: ProviderImage[] = [];
    for (let variation = 0; variation < request.n; variation++) {
      ctx.signal.throwIfAborted();
      const scene = buildScene({ prompt: style.content, size: request.size, seed, variation });
      const svg = recolourSvg(sceneToSvg(scene), style.look);
      const bytes = await rasterize(svg, request.size, request.outputFormat, request.quality, style.look.finish);
      const description = describeScene(scene);
      images.push({ b64_json: bytes.toString("base64"), revised_prompt: style.look.drawnAs ? `${description}, ${style.look.drawnAs}` : description });
    }
    ctx.signal.throwIfAborted();
    return images;
  }
}
