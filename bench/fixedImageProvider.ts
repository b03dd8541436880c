// A provider that answers at once with one fixed 1×1 PNG: the benchmark measures the gateway, not rendering.
import type { BackendInfo } from "../src/core/types";
import type { ImageProvider, NormalizedGenerateRequest, ProviderImage } from "../server/providers/Provider";

/** A valid 1×1 transparent PNG (67 bytes). */
export const TINY_PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/** Zero-time backend: `n` copies of {@link TINY_PNG_BASE64}, whatever the prompt and size. Test double only. */
export class FixedImageProvider implements ImageProvider {
  readonly info: BackendInfo = { provider: "bench-fixed", model: "tiny-png", offline: true, streaming: false };

  async generate(request: NormalizedGenerateRequest): Promise<ProviderImage[]> {
    return Array.from({ length: request.n }, () => ({ b64_json: TINY_PNG_BASE64 }));
  }
}
