// Reading a whole deck: every slide's shapes, texts, layout and placeholders in a few batched syncs, and its colours.
import { DEFAULT_SLIDE_SIZE_PT, freeAreaOf } from "../../core/placement";
import type { DeckItem, DeckItemText, PlaceholderType } from "../../core/deck/types";
import type { PointSize } from "../../core/types";
import type { OfficeCapabilities } from "../office/requirementSets";
import { titleAndBody, type TextShape } from "./deckText";
import { normaliseHex, rankColours, THEME_ACCENTS } from "./palette";
import { toPlacementShape, type ShapeSnapshot } from "./slideReader";

const SHAPE_PROPS = "items/id,items/type,items/name,items/left,items/top,items/width,items/height";
/** Shape types that can carry a text frame (`Shape.textFrame` throws on others, e.g. pictures). */
const TEXT_TYPES = new Set(["TextBox", "GeometricShape", "Placeholder"]);
/** Placeholder contents that are not text: their text frame is not read. */
const NON_TEXT_CONTENT = new Set(["Image", "Table", "Chart", "SmartArt", "Media", "Group"]);
/** Slides sampled for shape colours below PowerPointApi 1.10 (a 200-slide deck does not need all of them). */
const PALETTE_SAMPLE_SLIDES = 40;

/** One slide as the deck sees it. Geometry in points. */
export interface DeckSlide {
  slideId: string;
  slideSize: PointSize;
  shapes: ShapeSnapshot[];
  texts: TextShape[];
  layoutName?: string;
}

/**
 * Reads `slides` (loaded proxies of `presentation.slides`, PowerPointApi 1.2) in four syncs whatever their number:
 * shapes and `Slide.layout.name` (1.3; geometry 1.4), then `placeholderFormat.type/containedType` (1.8, placeholders
 * only: it throws GeneralException on other shapes) with `textFrame.hasText` (1.4), then the texts that exist.
 */
export async function readDeckSlides(
  context: PowerPoint.RequestContext,
  slides: PowerPoint.Slide[],
  capabilities: OfficeCapabilities,
): Promise<DeckSlide[]> {
  const sets = capabilities.sets;
  const pageSetup = sets.powerPointApi110 ? context.presentation.pageSetup : undefined;
  pageSetup?.load("slideWidth,slideHeight");
  for (const slide of slides) {
    slide.shapes.load(SHAPE_PROPS);
    slide.layout.load("name");
  }
  await context.sync();
  const slideSize = pageSetup ? { widthPt: pageSetup.slideWidth, heightPt: pageSetup.slideHeight } : DEFAULT_SLIDE_SIZE_PT;
  const placeholders = sets.powerPointApi18 ? slides.flatMap((slide) => slide.shapes.items.filter((s) => s.type === "Placeholder")) : [];
  placeholders.forEach((s) => s.placeholderFormat.load("type,containedType"));
  await context.sync();
  const isPlaceholder = new Set(placeholders);
  const texty = (s: PowerPoint.Shape) =>
    TEXT_TYPES.has(s.type) && !(isPlaceholder.has(s) && NON_TEXT_CONTENT.has(String(s.placeholderFormat.containedType)));
  const framed = slides.flatMap((slide) => slide.shapes.items.filter(texty));
  framed.forEach((s) => s.textFrame.load("hasText"));
  await context.sync();
  const withText = framed.filter((s) => s.textFrame.hasText);
  withText.forEach((s) => s.textFrame.textRange.load("text"));
  await context.sync();
  const hasText = new Set(withText);
  return slides.map((slide) => {
    const items = slide.shapes.items;
    return {
      slideId: slide.id,
      slideSize,
      layoutName: slide.layout.name || undefined,
      shapes: items.map((s) => ({
        id: s.id,
        type: s.type,
        name: s.name,
        rect: { leftPt: s.left, topPt: s.top, widthPt: s.width, heightPt: s.height },
        placeholder: isPlaceholder.has(s) ? { type: s.placeholderFormat.type, containedType: s.placeholderFormat.containedType ?? null } : undefined,
      })),
      texts: items
        .filter((s) => hasText.has(s))
        .map((s) => ({
          id: s.id,
          name: s.name,
          text: s.textFrame.textRange.text,
          ...(isPlaceholder.has(s) ? { placeholderType: s.placeholderFormat.type } : {}),
        })),
    };
  });
}

/** The text of a slide as a deck item's text. */
export function itemTextOf(slide: DeckSlide): DeckItemText {
  return { id: slide.slideId, kind: "slide", ...titleAndBody(slide.texts) };
}

/** A read slide as a {@link DeckItem}: title, body, picture or not, layout hint, largest free area. */
export function deckItemOf(slide: DeckSlide, index: number, capabilities: OfficeCapabilities): DeckItem {
  const hasPicture = slide.shapes.some((s) => s.type === "Image" || s.placeholder?.containedType === "Image");
  const placeholders: PlaceholderType[] = slide.shapes.flatMap((s) => (s.placeholder ? [s.placeholder.type] : []));
  const layout = {
    ...(slide.layoutName ? { name: slide.layoutName } : {}),
    ...(capabilities.sets.powerPointApi18 ? { placeholders } : {}),
  };
  const freeAreaPt = freeAreaOf(slide.slideSize, slide.shapes.map(toPlacementShape));
  return {
    ...itemTextOf(slide),
    index,
    hasPicture,
    ...(Object.keys(layout).length > 0 ? { layout } : {}),
    ...(freeAreaPt ? { freeAreaPt } : {}),
  };
}

/**
 * The deck's colours. PowerPointApi 1.10: the first slide's theme accents (`Slide.themeColorScheme.getThemeColor`,
 * "Accent1"…"Accent6"). Below: solid shape fills (`ShapeFill.type/foregroundColor`, 1.4) and text colours
 * (`textRange.font.color`, 1.4) of the first {@link PALETTE_SAMPLE_SLIDES} slides, most used first.
 */
export async function readDeckColours(context: PowerPoint.RequestContext, capabilities: OfficeCapabilities): Promise<string[]> {
  const slides = context.presentation.slides;
  slides.load("items/id");
  await context.sync();
  if (slides.items.length === 0) return [];
  if (capabilities.sets.powerPointApi110) {
    const scheme = slides.items[0].themeColorScheme;
    const results = THEME_ACCENTS.map((accent) => scheme.getThemeColor(accent));
    await context.sync();
    return [...new Set(results.map((r) => normaliseHex(r.value)).filter((hex): hex is string => hex !== undefined))];
  }
  const sample = slides.items.slice(0, PALETTE_SAMPLE_SLIDES);
  const read = await readDeckSlides(context, sample, capabilities);
  // Shape ids are unique within a slide only: pair each slide's proxies with its own read texts.
  const filled = sample.flatMap((slide) => slide.shapes.items.filter((s) => s.type === "GeometricShape" || s.type === "TextBox"));
  const texted = sample.flatMap((slide, i) => slide.shapes.items.filter((s) => read[i].texts.some((t) => t.id === s.id)));
  filled.forEach((s) => s.fill.load("type,foregroundColor"));
  texted.forEach((s) => s.textFrame.textRange.font.load("color"));
  await context.sync();
  return rankColours([
    ...filled.filter((s) => s.fill.type === "Solid").map((s) => s.fill.foregroundColor),
    ...texted.map((s) => s.textFrame.textRange.font.color),
  ]);
}
