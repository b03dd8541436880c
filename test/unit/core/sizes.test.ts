// Aspect ratio → API size, and pixel → point fitting.
import { API_SIZE, fitPoints, nearestAspect, parseApiSize, pixelSizeFor } from "../../../src/core/sizes";

describe("sizes", () => {
  it("asks the API for the gpt-image size of each aspect ratio", () => {
    expect(API_SIZE).toEqual({ square: "1024x1024", landscape: "1536x1024", portrait: "1024x1536" });
    expect(pixelSizeFor("landscape")).toEqual({ widthPx: 1536, heightPx: 1024 });
    expect(pixelSizeFor("portrait")).toEqual({ widthPx: 1024, heightPx: 1536 });
  });

  it("parses only WxH sizes", () => {
    expect(parseApiSize("1360x768")).toEqual({ widthPx: 1360, heightPx: 768 });
    expect(parseApiSize("auto")).toBeUndefined();
    expect(parseApiSize("1024 x 1024")).toBeUndefined();
  });

  it("finds the nearest aspect ratio of a picture", () => {
    expect(nearestAspect(400, 300)).toBe("landscape");
    expect(nearestAspect(300, 300)).toBe("square");
    expect(nearestAspect(110, 100)).toBe("square");
    expect(nearestAspect(200, 400)).toBe("portrait");
  });

  it("fits pixels into a column width in points, keeping the aspect ratio", () => {
    expect(fitPoints({ widthPx: 1536, heightPx: 1024 }, 468)).toEqual({ widthPt: 468, heightPt: 312 });
    expect(fitPoints({ widthPx: 1024, heightPx: 1536 }, 468, 400)).toEqual({ widthPt: 266.67, heightPt: 400 });
  });
});
