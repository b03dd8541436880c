// Document state of the workbench's PowerPoint-like slide (text boxes, pictures, selection): pure functions, no DOM.
import type { AltText } from "../core/altText";
import type { PictureData, PointSize } from "../core/types";
import { DEFAULT_SLIDE_SIZE_PT, type RectPt } from "../core/placement";

/** A 16:9 slide, PowerPoint's default size: 13.333 × 7.5 in = 960 × 540 points. */
export const SLIDE_SIZE_PT: PointSize = DEFAULT_SLIDE_SIZE_PT;

/** A text box on the slide; geometry in points. */
export interface TextBoxShape extends RectPt {
  readonly kind: "textbox";
  readonly id: string;
  readonly name: string;
  readonly text: string;
  /** Font size in points. */
  readonly fontSizePt: number;
}

/** A picture on the slide; geometry in points, prompt in `tags`. */
export interface PictureShape extends RectPt {
  readonly kind: "picture";
  readonly id: string;
  readonly name: string;
  readonly picture: PictureData;
  readonly altText: AltText;
  /** Shape tags, PowerPoint-style upper-case keys (e.g. `PROMPT_TAG` of hosts/powerpoint/shapeTags). */
  readonly tags: Readonly<Record<string, string>>;
}

export type SlideShape = TextBoxShape | PictureShape;

/** Characters selected inside a text box (while editing its text). */
export interface TextBoxRange {
  readonly shapeId: string;
  readonly start: number;
  readonly end: number;
}

export interface SlideState {
  readonly slideId: string;
  /** Layout name as `Slide.layout.name` gives it ("Title Slide", "Section Header", "Title and Content"…). */
  readonly layoutName?: string;
  /** Shapes in z-order, back to front. */
  readonly shapes: readonly SlideShape[];
  /** The selected shape, kept while focus is in the pane (as PowerPoint keeps it). */
  readonly selectedShapeId: string | null;
  /** Selected characters in the selected text box, when any. */
  readonly textRange: TextBoxRange | null;
  /** Next number for shape ids. */
  readonly nextId: number;
}

/** A text box to seed a slide with. */
export type TextBoxSeed = Omit<TextBoxShape, "kind" | "id">;

/** A picture to seed a slide with (a slide that already has a picture). */
export type PictureSeed = Omit<PictureShape, "kind" | "id">;

/** What else a seeded slide has. */
export interface SlideExtras {
  layoutName?: string;
  /** Pictures, on top of the text boxes. */
  pictures?: readonly PictureSeed[];
}

/** A slide holding `textBoxes` (and `extras.pictures`), nothing selected. */
export function createSlide(textBoxes: readonly TextBoxSeed[], slideId = "slide-1", extras: SlideExtras = {}): SlideState {
  const boxes = textBoxes.map((seed, i): TextBoxShape => ({ kind: "textbox", id: `s${i + 1}`, ...seed }));
  const pictures = (extras.pictures ?? []).map((seed, i): PictureShape => ({ kind: "picture", id: `s${boxes.length + i + 1}`, ...seed }));
  const shapes: SlideShape[] = [...boxes, ...pictures];
  return { slideId, ...(extras.layoutName ? { layoutName: extras.layoutName } : {}), shapes, selectedShapeId: null, textRange: null, nextId: shapes.length + 1 };
}

/** Shape `id`, or undefined. */
export function findShape(state: SlideState, id: string): SlideShape | undefined {
  return state.shapes.find((shape) => shape.id === id);
}

/** The selected shape, or undefined. */
export function selectedShape(state: SlideState): SlideShape | undefined {
  return state.selectedShapeId === null ? undefined : findShape(state, state.selectedShapeId);
}

/** Selects shape `id` (null: nothing); clears a text range in another shape. Unknown ids leave the state as is. */
export function selectShape(state: SlideState, id: string | null): SlideState {
  if (id !== null && !findShape(state, id)) return state;
  if (state.selectedShapeId === id) return state;
  return { ...state, selectedShapeId: id, textRange: null };
}

/** Selects characters `start`–`end` of text box `shapeId` (and the box itself). */
export function selectTextRange(state: SlideState, shapeId: string, start: number, end: number): SlideState {
  const shape = findShape(state, shapeId);
  if (shape?.kind !== "textbox") return state;
  const clamp = (n: number) => Math.max(0, Math.min(n, shape.text.length));
  const range = { shapeId, start: clamp(Math.min(start, end)), end: clamp(Math.max(start, end)) };
  const current = state.textRange;
  if (state.selectedShapeId === shapeId && current && current.start === range.start && current.end === range.end) return state;
  return { ...state, selectedShapeId: shapeId, textRange: range };
}

/**
 * The selected text as `getSelectedTextRangeOrNullObject().text` gives it: the selected characters of a text box
 * being edited, else the whole text of a selected text box; empty for a picture or no selection.
 */
export function selectedSlideText(state: SlideState): string {
  const shape = selectedShape(state);
  if (shape?.kind !== "textbox") return "";
  const range = state.textRange;
  if (range && range.shapeId === shape.id && range.end > range.start) return shape.text.slice(range.start, range.end);
  return shape.text;
}

/** Sets the text of text box `id` (typed by the person). */
export function setTextBoxText(state: SlideState, id: string, text: string): SlideState {
  const shape = findShape(state, id);
  if (shape?.kind !== "textbox" || shape.text === text) return state;
  const shapes = state.shapes.map((s) => (s.id === id ? { ...shape, text } : s));
  const range = state.textRange?.shapeId === id ? null : state.textRange;
  return { ...state, shapes, textRange: range };
}

/** A picture to put on the slide. */
export interface PictureShapeContent {
  picture: PictureData;
  altText: AltText;
  tags: Record<string, string>;
  /** Shape name; "Picture N" when absent. */
  name?: string;
}

/**
 * Adds a picture at `frame` (points), on top of the others, or at the back with `atBack` (a full-slide background).
 * The new picture is not selected (`setSelectedDataAsync` leaves the selection to the host).
 */
export function addPicture(state: SlideState, frame: RectPt, content: PictureShapeContent, atBack = false): { state: SlideState; shapeId: string } {
  const shapeId = `s${state.nextId}`;
  const pictures = state.shapes.filter((shape) => shape.kind === "picture").length;
  const shape: PictureShape = {
    kind: "picture",
    id: shapeId,
    name: content.name ?? `Picture ${pictures + 1}`,
    picture: content.picture,
    altText: content.altText,
    tags: content.tags,
    ...frame,
  };
  const shapes = atBack ? [shape, ...state.shapes] : [...state.shapes, shape];
  return { state: { ...state, shapes, nextId: state.nextId + 1 }, shapeId };
}

/**
 * Replaces picture `id` with a new picture shape at the same z-position (PowerPoint: delete, then insert with the
 * same geometry, name and tags). The new shape gets a new id and is selected, as the old one was.
 * @returns undefined when `id` is not a picture on the slide.
 */
export function replacePictureShape(state: SlideState, id: string, frame: RectPt, content: PictureShapeContent): { state: SlideState; shapeId: string } | undefined {
  const index = state.shapes.findIndex((shape) => shape.id === id);
  const old = state.shapes[index];
  if (old?.kind !== "picture") return undefined;
  const shapeId = `s${state.nextId}`;
  const shape: PictureShape = { kind: "picture", id: shapeId, name: content.name ?? old.name, picture: content.picture, altText: content.altText, tags: content.tags, ...frame };
  const shapes = state.shapes.map((s, i) => (i === index ? shape : s));
  const selectedShapeId = state.selectedShapeId === id ? shapeId : state.selectedShapeId;
  return { state: { ...state, shapes, selectedShapeId, textRange: null, nextId: state.nextId + 1 }, shapeId };
}

/** Removes shape `id` (Delete on a selected shape). */
export function removeShape(state: SlideState, id: string): SlideState {
  if (!findShape(state, id)) return state;
  const shapes = state.shapes.filter((shape) => shape.id !== id);
  const selected = state.selectedShapeId === id;
  return { ...state, shapes, selectedShapeId: selected ? null : state.selectedShapeId, textRange: selected ? null : state.textRange };
}

/** The geometry of a shape as a plain frame. */
export function frameOf(shape: RectPt): RectPt {
  return { leftPt: shape.leftPt, topPt: shape.topPt, widthPt: shape.widthPt, heightPt: shape.heightPt };
}
