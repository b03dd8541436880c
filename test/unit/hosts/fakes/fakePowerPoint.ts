// Hand-made fake of the PowerPoint JavaScript API and Image coercion the PowerPoint adapter uses, with known bugs.
import type { PowerPointEnvironment } from "../../../../src/hosts/powerpoint/powerPointEnvironment";
import type { OfficeCapabilities } from "../../../../src/hosts/office/requirementSets";
import {
  asyncResult,
  defineProps,
  FakeClientResult,
  FakeCollection,
  FakeContext,
  FakeObject,
  FakeOfficeError,
  fakeOfficeDocument,
  pixelSizeOf,
  type FakeCommonError,
} from "./officeRuntime";

export interface PShape {
  id: string;
  type: "Image" | "TextBox" | "Placeholder" | "GeometricShape";
  name: string;
  left: number;
  top: number;
  width: number;
  height: number;
  tags: Map<string, string>;
  altTextTitle: string;
  altTextDescription: string;
  placeholder?: { type: string; containedType: string | null };
  imageBase64?: string;
  /** Text of its text frame (TextBox, GeometricShape, Placeholder); absent or "" = `hasText` false. */
  text?: string;
  /** Solid fill colour `#RRGGBB` (`ShapeFill`, 1.4); absent = no fill. */
  fillColor?: string;
  /** Text colour (`textRange.font.color`, 1.4). */
  fontColor?: string;
}

export interface PSlide {
  id: string;
  shapes: PShape[];
  /** `Slide.layout.name` (1.3). */
  layoutName?: string;
  /** `themeColorScheme.getThemeColor` answers (1.10), e.g. `{ Accent1: "#1F4E79" }`. */
  themeColors?: Record<string, string>;
  /** What `Slide.getImageAsBase64` (1.8) renders. */
  thumbnailBase64?: string;
}

/** Known PowerPoint behaviours the fake can reproduce. */
export interface PowerPointQuirks {
  /** Web: insert refused with 2001 while a picture is selected (office-js #3698, #4225). */
  refuseInsertWhilePictureSelected?: boolean;
  /** getSelectedShapes() is empty right after an insert (office-js #4222). On by default. */
  emptySelectionAfterInsert?: boolean;
  /** imageLeft/Top/Width/Height taken as pixels: the picture lands at 0.75× the values (office-js #2714). */
  geometryAsPixels?: boolean;
  /** Web: the picture goes into an empty picture placeholder even when a position is given (#2451, #2651). */
  placeholderCapture?: boolean;
  /** The next inserts fail with these Common API errors, in order. */
  failInserts?: FakeCommonError[];
  /** The next this many inserts report success but nothing appears. */
  dropInserts?: number;
  /** Deleting these shape ids fails with GeneralException. */
  failDeleteOf?: string[];
  /** `goToByIdAsync(slide)` clears the shape selection (the #3698 workaround). On by default. */
  goToClearsSelection?: boolean;
  /** Web: an image insert deletes the selected shapes (office-js #2775, open). */
  deleteSelectedOnInsert?: boolean;
  /** `presentation.setSelectedSlides` does not clear the shape selection (a host where the #2775 guard fails). */
  selectSlidesKeepsShapeSelection?: boolean;
  /** The next sync never resolves (office-js #5022). */
  hangNextSync?: boolean;
}

const ERROR_2001: FakeCommonError = { code: 2001, name: "Data Write Error", message: "Cannot write to the current selection." };

/** The presentation the fake PowerPoint edits. */
export class FakePresentation {
  slides: PSlide[];
  currentSlideId: string;
  selectedShapeIds: string[] = [];
  /** Selected text (null = no text selection). */
  selectedText: string | null = null;
  /** pageSetup (PowerPointApi 1.10); undefined = slide size not exposed. */
  slideSize?: { slideWidth: number; slideHeight: number } = { slideWidth: 960, slideHeight: 540 };
  mode: "readWrite" | "readOnly" = "readWrite";
  quirks: PowerPointQuirks = { emptySelectionAfterInsert: true, goToClearsSelection: true };
  readonly inserts: Office.SetSelectedDataOptions[] = [];
  /** Every `Slide.getImageAsBase64` call, in order. */
  readonly thumbnailCalls: { slideId: string; width?: number; height?: number }[] = [];
  /** Every `setSelectedSlides` call, in order. */
  readonly selectionCalls: string[][] = [];
  readonly handlers: Array<() => void> = [];
  private nextId = 100;

  constructor(slideCount = 2) {
    this.slides = Array.from({ length: slideCount }, (_, i) => ({ id: `${256 + i}#`, shapes: [] }));
    this.currentSlideId = this.slides[0].id;
  }

  get currentSlide(): PSlide {
    return this.slide(this.currentSlideId);
  }

  slide(id: string): PSlide {
    const slide = this.slides.find((s) => s.id === id);
    if (!slide) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return slide;
  }

  addShape(slide: PSlide, shape: Partial<PShape> & Pick<PShape, "type">): PShape {
    const full: PShape = {
      id: String(this.nextId++),
      name: shape.type,
      left: 0,
      top: 0,
      width: 100,
      height: 100,
      tags: new Map(),
      altTextTitle: "",
      altTextDescription: "",
      ...shape,
    };
    slide.shapes.push(full);
    return full;
  }

  findShape(id: string): { slide: PSlide; shape: PShape } | undefined {
    for (const slide of this.slides) {
      const shape = slide.shapes.find((s) => s.id === id);
      if (shape) return { slide, shape };
    }
    return undefined;
  }

  /** `Office.context.document.setSelectedDataAsync` with Image coercion. */
  setSelectedData(base64: string, options: Office.SetSelectedDataOptions): FakeCommonError | undefined {
    this.inserts.push(options);
    const failure = this.quirks.failInserts?.shift();
    if (failure) return failure;
    if (this.mode === "readOnly")
      return { code: 5002, name: "Permission Denied", message: "The requested operation is not allowed on the current document mode." };
    const slide = this.currentSlide;
    const selectedPicture = slide.shapes.some(
      (s) => this.selectedShapeIds.includes(s.id) && (s.type === "Image" || s.placeholder?.containedType === "Image"),
    );
    if (this.quirks.refuseInsertWhilePictureSelected && selectedPicture) return ERROR_2001;
    let size: { widthPx: number; heightPx: number };
    try {
      size = pixelSizeOf(base64);
    } catch {
      return { code: 2006, name: "Invalid Format Error", message: "The format of the specified data object is not valid." };
    }
    if (this.quirks.dropInserts) {
      this.quirks.dropInserts--;
      return undefined;
    }
    if (this.quirks.deleteSelectedOnInsert) {
      slide.shapes = slide.shapes.filter((s) => !this.selectedShapeIds.includes(s.id));
      this.selectedShapeIds = [];
    }
    const positioned = options.imageLeft !== undefined && options.imageTop !== undefined;
    const placeholder = slide.shapes.find(
      (s) => s.placeholder && s.placeholder.containedType === null && ["Picture", "Content"].includes(s.placeholder.type),
    );
    if (placeholder && (!positioned || this.quirks.placeholderCapture)) {
      // The picture fills the placeholder: same shape id, same box (#2451, #2651).
      placeholder.placeholder = { ...placeholder.placeholder!, containedType: "Image" };
      placeholder.imageBase64 = base64;
      this.selectedShapeIds = this.quirks.emptySelectionAfterInsert ? [] : [placeholder.id];
      return undefined;
    }
    const scale = this.quirks.geometryAsPixels ? 0.75 : 1;
    const natural = { width: size.widthPx * 0.75, height: size.heightPx * 0.75 };
    let width = options.imageWidth ?? natural.width;
    let height = options.imageHeight ?? natural.height;
    if (options.imageWidth !== undefined && options.imageHeight === undefined) height = (width * size.heightPx) / size.widthPx;
    if (options.imageHeight !== undefined && options.imageWidth === undefined) width = (height * size.widthPx) / size.heightPx;
    const shape = this.addShape(slide, {
      type: "Image",
      name: "Picture",
      left: positioned ? (options.imageLeft as number) * scale : (960 - width) / 2,
      top: positioned ? (options.imageTop as number) * scale : (540 - height) / 2,
      width: width * scale,
      height: height * scale,
      imageBase64: base64,
    });
    this.selectedShapeIds = this.quirks.emptySelectionAfterInsert ? [] : [shape.id];
    return undefined;
  }

  /** A fake `Office.context.document`. */
  officeDocument(): PowerPointEnvironment["document"] {
    const presentation = this; // eslint-disable-line @typescript-eslint/no-this-alias -- read inside the callbacks of the object literal below
    return fakeOfficeDocument(this, {
      setSelectedDataAsync: (data: string, options: Office.SetSelectedDataOptions, callback: (r: Office.AsyncResult<void>) => void) => {
        const error = presentation.setSelectedData(data, options);
        setTimeout(() => callback(asyncResult(undefined, error)), 0);
      },
      getSelectedDataAsync: (coercion: string, callback: (r: Office.AsyncResult<unknown>) => void) => {
        if (coercion === "slideRange") {
          const index = presentation.slides.findIndex((s) => s.id === presentation.currentSlideId);
          const slides = index < 0 ? [] : [{ id: parseInt(presentation.currentSlideId, 10), title: "", index: index + 1 }];
          setTimeout(() => callback(asyncResult({ slides })), 0);
          return;
        }
        const error =
          presentation.selectedText === null
            ? { code: 1001, name: "Data Read Error", message: "The current selection is not supported." }
            : undefined;
        setTimeout(() => callback(asyncResult(coercion === "text" ? presentation.selectedText : undefined, error)), 0);
      },
      goToByIdAsync: (id: number, type: string, callback: (r: Office.AsyncResult<unknown>) => void) => {
        const slide = presentation.slides.find((s) => parseInt(s.id, 10) === id);
        const error = !slide || type !== "slide" ? { code: 7000, name: "Invalid Id", message: "The specified Id does not exist." } : undefined;
        if (slide) {
          presentation.currentSlideId = slide.id;
          if (presentation.quirks.goToClearsSelection) presentation.selectedShapeIds = [];
        }
        setTimeout(() => callback(asyncResult(undefined, error)), 0);
      },
    }) as PowerPointEnvironment["document"];
  }
}

class FakePPContext extends FakeContext {
  readonly presentation: FakePresentationProxy;
  constructor(readonly model: FakePresentation) {
    super();
    this.presentation = new FakePresentationProxy(this);
  }
  override async sync(): Promise<void> {
    if (this.model.quirks.hangNextSync) {
      this.model.quirks.hangNextSync = false;
      return new Promise<void>(() => undefined);
    }
    return super.sync();
  }
}

class FakePresentationProxy {
  constructor(private readonly context: FakePPContext) {}
  private get model() {
    return this.context.model;
  }
  getSelectedTextRangeOrNullObject(): FakeTextRange {
    return new FakeTextRange(this.context);
  }
  getSelectedShapes(): FakeShapeCollection {
    return new FakeShapeCollection(this.context, () => {
      const slide = this.model.currentSlide;
      return this.model.selectedShapeIds.map((id) => ({ slide, id }));
    });
  }
  getSelectedSlides(): FakeSlideCollection {
    return new FakeSlideCollection(this.context, () => (this.model.currentSlideId ? [this.model.currentSlideId] : []));
  }
  get slides(): FakeSlideCollection {
    return new FakeSlideCollection(this.context, () => this.model.slides.map((s) => s.id));
  }
  get pageSetup(): FakePageSetup {
    return new FakePageSetup(this.context);
  }
  setSelectedSlides(ids: string[]): void {
    this.context.enqueue(() => {
      this.model.slide(ids[0]);
      this.model.selectionCalls.push([...ids]);
      if (this.model.currentSlideId !== ids[0] || !this.model.quirks.selectSlidesKeepsShapeSelection) this.model.selectedShapeIds = [];
      this.model.currentSlideId = ids[0];
    });
  }
}

class FakeTextRange extends FakeObject {
  protected readonly scalars = ["text"];
  constructor(override readonly context: FakePPContext) {
    super(context);
  }
  override applyLoad(paths: string[]): void {
    this.snapshot.set("isNullObject", this.context.model.selectedText === null);
    super.applyLoad(paths);
  }
  protected current(): unknown {
    return this.context.model.selectedText ?? "";
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
}
defineProps(FakeTextRange, ["text"]);

class FakePageSetup extends FakeObject {
  protected readonly scalars = ["slideWidth", "slideHeight"];
  constructor(override readonly context: FakePPContext) {
    super(context);
  }
  protected current(name: string): unknown {
    const size = this.context.model.slideSize;
    if (!size) throw new FakeOfficeError("ApiNotFound", "PowerPointApi 1.10 is not available.");
    return size[name as keyof typeof size];
  }
}
defineProps(FakePageSetup, ["slideWidth", "slideHeight"]);

class FakeSlide extends FakeObject {
  protected readonly scalars = ["id"];
  constructor(
    override readonly context: FakePPContext,
    readonly slideId: () => string | undefined,
  ) {
    super(context);
  }
  private slide(): PSlide {
    const id = this.slideId();
    if (id === undefined) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.context.model.slide(id);
  }
  override applyLoad(paths: string[]): void {
    const id = this.slideId();
    this.snapshot.set("isNullObject", id === undefined || !this.context.model.slides.some((s) => s.id === id));
    if (!this.read<boolean>("isNullObject")) super.applyLoad(paths);
  }
  protected current(name: string): unknown {
    return this.slide()[name as keyof PSlide];
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get layout(): FakeNamed {
    return this.nav("layout", () => new FakeNamed(this.context, () => this.slide().layoutName ?? ""));
  }
  get themeColorScheme(): { getThemeColor(name: string): FakeClientResult<string> } {
    return {
      getThemeColor: (name: string) => {
        const result = new FakeClientResult<string>();
        this.command(() => {
          const colour = this.slide().themeColors?.[name];
          if (colour === undefined) throw new FakeOfficeError("InvalidArgument", `No theme colour ${name}.`);
          result.set(colour);
        });
        return result;
      },
    };
  }
  getImageAsBase64(options?: { width?: number; height?: number }): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.command(() => {
      const slide = this.slide();
      this.context.model.thumbnailCalls.push({ slideId: slide.id, ...options });
      if (!slide.thumbnailBase64) throw new FakeOfficeError("GeneralException", "The slide could not be rendered.");
      result.set(slide.thumbnailBase64);
    });
    return result;
  }
  get shapes(): FakeShapeCollection {
    return this.nav(
      "shapes",
      () =>
        new FakeShapeCollection(this.context, () => {
          const slide = this.slide();
          return slide.shapes.map((s) => ({ slide, id: s.id }));
        }),
    );
  }
}
defineProps(FakeSlide, ["id"]);

class FakeSlideCollection extends FakeCollection<string, FakeSlide> {
  constructor(
    override readonly context: FakePPContext,
    private readonly ids: () => string[],
  ) {
    super(context);
  }
  protected models(): string[] {
    return this.ids();
  }
  protected makeItem(id: string): FakeSlide {
    return new FakeSlide(this.context, () => id);
  }
  getItemAt(index: number): FakeSlide {
    return new FakeSlide(this.context, () => this.ids()[index]);
  }
  getItem(id: string): FakeSlide {
    return new FakeSlide(this.context, () => this.context.model.slide(id).id);
  }
  getItemOrNullObject(id: string): FakeSlide {
    return new FakeSlide(this.context, () => (this.context.model.slides.some((s) => s.id === id) ? id : undefined));
  }
}

type ShapeRef = { slide: PSlide; id: string };

class FakeShapeCollection extends FakeCollection<ShapeRef, FakeShape> {
  constructor(
    override readonly context: FakePPContext,
    private readonly refs: () => ShapeRef[],
  ) {
    super(context);
  }
  protected models(): ShapeRef[] {
    return this.refs();
  }
  protected makeItem(ref: ShapeRef): FakeShape {
    return new FakeShape(this.context, () => ref);
  }
  getItem(id: string): FakeShape {
    return new FakeShape(this.context, () => {
      const ref = this.refs().find((r) => r.id === id);
      if (!ref) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      return ref;
    });
  }
  getItemOrNullObject(id: string): FakeShape {
    return new FakeShape(this.context, () => this.refs().find((r) => r.id === id), true);
  }
}

const SHAPE_SCALARS = ["id", "type", "name", "left", "top", "width", "height", "altTextTitle", "altTextDescription"];

class FakeShape extends FakeObject {
  protected readonly scalars = SHAPE_SCALARS;
  constructor(
    override readonly context: FakePPContext,
    private readonly ref: () => ShapeRef | undefined,
    private readonly orNull = false,
  ) {
    super(context);
  }
  private get model() {
    return this.context.model;
  }
  shape(): PShape {
    const ref = this.ref();
    const shape = ref && ref.slide.shapes.find((s) => s.id === ref.id);
    if (!shape) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return shape;
  }
  override applyLoad(paths: string[]): void {
    if (this.orNull) {
      let missing = false;
      try {
        this.shape();
      } catch {
        missing = true;
      }
      this.snapshot.set("isNullObject", missing);
      if (missing) return;
    }
    super.applyLoad(paths);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  protected current(name: string): unknown {
    return this.shape()[name as keyof PShape];
  }
  protected override assign(name: string, value: unknown): void {
    if (this.model.mode === "readOnly") throw new FakeOfficeError("AccessDenied", "You don't have sufficient permissions for this action.");
    (this.shape() as unknown as Record<string, unknown>)[name] = value;
  }
  protected override child(name: string): FakeObject | undefined {
    if (name === "placeholderFormat") return this.placeholderFormat;
    return undefined;
  }
  get tags(): FakeTagCollection {
    return this.nav("tags", () => new FakeTagCollection(this.context, () => this.shape()));
  }
  get placeholderFormat(): FakePlaceholderFormat {
    return this.nav("placeholderFormat", () => new FakePlaceholderFormat(this.context, () => this.shape()));
  }
  get textFrame(): FakeTextFrame {
    return this.nav("textFrame", () => new FakeTextFrame(this.context, () => this.shape()));
  }
  get fill(): FakeShapeFill {
    return this.nav("fill", () => new FakeShapeFill(this.context, () => this.shape()));
  }
  delete(): void {
    this.command(() => {
      const ref = this.ref();
      const shape = this.shape();
      if (this.model.quirks.failDeleteOf?.includes(shape.id)) throw new FakeOfficeError("GeneralException", "The shape cannot be deleted.");
      ref!.slide.shapes.splice(ref!.slide.shapes.indexOf(shape), 1);
      this.model.selectedShapeIds = this.model.selectedShapeIds.filter((id) => id !== shape.id);
    });
  }
  setZOrder(position: string): void {
    this.command(() => {
      if (position !== "SendToBack") throw new Error("fake supports SendToBack only");
      const ref = this.ref()!;
      const shape = this.shape();
      ref.slide.shapes.splice(ref.slide.shapes.indexOf(shape), 1);
      ref.slide.shapes.unshift(shape);
    });
  }
  getImageAsBase64(options?: { format?: string; width?: number; height?: number }): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.command(() => {
      const shape = this.shape();
      if (!shape.imageBase64) throw new FakeOfficeError("GeneralException", "The shape has no picture.");
      void options;
      result.set(shape.imageBase64); // a rendering of the shape; the fake hands back the stored bytes
    });
    return result;
  }
}
defineProps(FakeShape, ["id", "type"], ["name", "left", "top", "width", "height", "altTextTitle", "altTextDescription"]);

class FakePlaceholderFormat extends FakeObject {
  protected readonly scalars = ["type", "containedType"];
  constructor(
    override readonly context: FakePPContext,
    private readonly shape: () => PShape,
  ) {
    super(context);
  }
  protected current(name: string): unknown {
    const placeholder = this.shape().placeholder;
    // As documented: GeneralException when the shape is not a placeholder.
    if (!placeholder) throw new FakeOfficeError("GeneralException", "The shape is not a placeholder.");
    return placeholder[name as "type" | "containedType"];
  }
}
defineProps(FakePlaceholderFormat, ["type", "containedType"]);

/** An object with a read-only `name` (`Slide.layout`). */
class FakeNamed extends FakeObject {
  protected readonly scalars = ["name"];
  constructor(
    override readonly context: FakePPContext,
    private readonly nameOf: () => string,
  ) {
    super(context);
  }
  protected current(): unknown {
    return this.nameOf();
  }
}
defineProps(FakeNamed, ["name"]);

/** Shape types with a text frame; as documented, `textFrame` throws InvalidArgument on the others. */
const TEXT_FRAME_TYPES = new Set(["TextBox", "GeometricShape", "Placeholder"]);

/** A part of a shape (text frame, text range, font, fill): reads the shape model lazily, at sync. */
abstract class FakeShapePart extends FakeObject {
  constructor(
    override readonly context: FakePPContext,
    protected readonly shape: () => PShape,
  ) {
    super(context);
  }
}

class FakeTextFrame extends FakeShapePart {
  protected readonly scalars = ["hasText"];
  protected current(): unknown {
    const shape = this.shape();
    if (!TEXT_FRAME_TYPES.has(shape.type) || shape.placeholder?.containedType === "Image") {
      throw new FakeOfficeError("InvalidArgument", "The shape does not support a text frame.");
    }
    return Boolean(shape.text);
  }
  get textRange(): FakeShapeTextRange {
    return this.nav("textRange", () => new FakeShapeTextRange(this.context, this.shape));
  }
}
defineProps(FakeTextFrame, ["hasText"]);

class FakeShapeTextRange extends FakeShapePart {
  protected readonly scalars = ["text"];
  protected current(): unknown {
    return this.shape().text ?? "";
  }
  get font(): FakeFont {
    return this.nav("font", () => new FakeFont(this.context, this.shape));
  }
}
defineProps(FakeShapeTextRange, ["text"]);

class FakeFont extends FakeShapePart {
  protected readonly scalars = ["color"];
  protected current(): unknown {
    return this.shape().fontColor ?? "#000000";
  }
}
defineProps(FakeFont, ["color"]);

class FakeShapeFill extends FakeShapePart {
  protected readonly scalars = ["type", "foregroundColor"];
  protected current(name: string): unknown {
    const colour = this.shape().fillColor;
    if (name === "type") return colour ? "Solid" : "NoFill";
    return colour ?? "";
  }
}
defineProps(FakeShapeFill, ["type", "foregroundColor"]);

class FakeTag extends FakeObject {
  protected readonly scalars = ["key", "value"];
  constructor(
    override readonly context: FakePPContext,
    private readonly entry: [string, string],
  ) {
    super(context);
  }
  protected current(name: string): unknown {
    return name === "key" ? this.entry[0] : this.entry[1];
  }
}
defineProps(FakeTag, ["key", "value"]);

class FakeTagCollection extends FakeCollection<[string, string], FakeTag> {
  constructor(
    override readonly context: FakePPContext,
    private readonly shape: () => PShape,
  ) {
    super(context);
  }
  protected models(): [string, string][] {
    return [...this.shape().tags.entries()];
  }
  protected makeItem(entry: [string, string]): FakeTag {
    return new FakeTag(this.context, entry);
  }
  add(key: string, value: string): void {
    // PowerPoint stores tag keys upper-case.
    this.command(() => this.shape().tags.set(key.toUpperCase(), value));
  }
}

/** A PowerPointEnvironment over the fake presentation: a new context per `PowerPoint.run`. */
export function fakePowerPointEnvironment(
  model: FakePresentation,
  capabilities: OfficeCapabilities,
  stepTimeoutMs = 200,
): PowerPointEnvironment & { runs: number } {
  const env = {
    runs: 0,
    run: <T>(batch: (context: PowerPoint.RequestContext) => Promise<T>) => {
      env.runs++;
      return new FakePPContext(model).run((c) => batch(c as unknown as PowerPoint.RequestContext));
    },
    document: model.officeDocument(),
    capabilities,
    stepTimeoutMs,
  };
  return env;
}
