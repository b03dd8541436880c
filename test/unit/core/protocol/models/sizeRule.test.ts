// validateSize: each family's rule accepts what the API takes and refuses the rest with the rule in the message.
import type { ModelFamily } from "../../../../../src/core/protocol/models/capabilities";
import { capabilitiesForFamily, FALLBACK_MODELS } from "../../../../../src/core/protocol/models/families";
import { validateSize } from "../../../../../src/core/protocol/models/sizeRule";

const caps = (family: ModelFamily) => capabilitiesForFamily(family, { rpm: 6 });

describe("validateSize", () => {
  it.each([
    ["gpt-image-2", "2048x1152"],
    ["gpt-image-2", "1536x864"],
    ["gpt-image-2", "3840x1280"],
    ["gpt-image-2", "3840x2160"],
    ["gpt-image-2", "1024x640"],
    ["gpt-image-1.5", "1536x1024"],
    ["gpt-image-1-mini", "1024x1536"],
    ["mai-image-2.5", "1360x768"],
    ["mai-image-2.5", "1168x880"],
    ["mai-image-2.5", "1000x1000"],
    ["mai-image-2.6", "2048x1152"],
    ["mai-image-2.6", "3072x768"],
    ["local", "2496x624"],
  ] as const)("%s accepts %s", (family, size) => {
    const [w, h] = size.split("x").map(Number);
    expect(validateSize(caps(family), size)).toEqual({ ok: true, size: { widthPx: w, heightPx: h } });
  });

  it.each([
    ["gpt-image-2", "1000x1000", "a side is not a multiple of 16"],
    ["gpt-image-2", "4096x1024", "the long side is over 3840 px"],
    ["gpt-image-2", "3648x1200", "the ratio is wider than 3:1"],
    ["gpt-image-2", "512x512", "under 655,360 pixels"],
    ["gpt-image-2", "3840x2176", "over 8,294,400 pixels"],
    ["gpt-image-1.5", "2048x1152", "not one of the allowed sizes"],
    ["gpt-image-1-mini", "auto", "not WIDTHxHEIGHT in pixels"],
    ["mai-image-2.5", "1536x1024", "over 1,048,576 pixels"],
    ["mai-image-2.5", "1024x512", "a side is under 768 px"],
    ["mai-image-2.6", "2048x1536", "over 2,359,296 pixels"],
    ["local", "1536x1025", "a side is not a multiple of 16"],
  ] as const)("%s refuses %s (%s), stating the rule", (family, size, why) => {
    const result = validateSize(caps(family), size);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid_size");
    expect(result.message).toContain(`size "${size}" is not accepted by ${family} (${why})`);
  });

  it("states each rule in full", () => {
    const message = (family: ModelFamily) => {
      const result = validateSize(caps(family), "7x7");
      return result.ok ? "" : result.message;
    };
    expect(message("gpt-image-2")).toMatch(
      /size must be WIDTHxHEIGHT with both sides multiples of 16 px, the long side at most 3840 px, at most 3:1, and 655,360 to 8,294,400 pixels in all$/,
    );
    expect(message("gpt-image-1.5")).toMatch(/size must be one of 1024x1024, 1536x1024, 1024x1536$/);
    expect(message("mai-image-2.6")).toMatch(/each side at least 768 px and width × height at most 2,359,296 pixels$/);
  });

  it("refuses junk without echoing a long value", () => {
    const result = validateSize(caps("gpt-image-2"), `${"9".repeat(500)}x16`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(300);
  });

  it("the fallback (a gateway without /v1/models) accepts exactly today's three sizes", () => {
    const fallback = FALLBACK_MODELS.data[0]!;
    for (const size of ["1024x1024", "1536x1024", "1024x1536"]) expect(validateSize(fallback, size).ok).toBe(true);
    expect(validateSize(fallback, "2048x1152").ok).toBe(false);
  });
});
