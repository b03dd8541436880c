// Hand-made fake of the Word JavaScript API subset the Word adapter uses, over a tiny document model.
import type { WordEnvironment } from "../../../../src/hosts/word/WordHost";
import type { OfficeCapabilities } from "../../../../src/hosts/office/requirementSets";
import {
  defineProps,
  FakeClientResult,
  FakeCollection,
  FakeContext,
  FakeObject,
  FakeOfficeError,
  fakeOfficeDocument,
  pixelSizeOf,
} from "./officeRuntime";

/** A rich-text content control (`insertContentControl`) around a paragraph or a picture. */
export interface WContentControl {
  id: number;
  tag: string;
  title: string;
}

/** A custom XML part (`document.customXmlParts`, WordApi 1.4). */
export interface WCustomXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface WPicture {
  id: number;
  /** The inline content control wrapping just this picture. */
  contentControl?: WContentControl;
  base64: string;
  widthPx: number;
  heightPx: number;
  width: number;
  height: number;
  altTextTitle: string;
  altTextDescription: string;
  lockAspectRatio: boolean;
}

export interface WParagraph {
  id: number;
  text: string;
  styleBuiltIn: string;
  alignment: string;
  /** The block-level content control wrapping this paragraph. */
  contentControl?: WContentControl;
  /** Inline pictures of the paragraph, in order (the model keeps text and pictures apart). */
  pictures: WPicture[];
}

export type WSelection =
  { kind: "text"; paragraph: WParagraph; text: string } | { kind: "picture"; picture: WPicture } | { kind: "caret"; paragraph: WParagraph };

/** Known Word behaviours the fake can reproduce. */
export interface WordQuirks {
  /** Protected document or missing permission: every write fails with AccessDenied (office-js #6907). */
  accessDenied?: boolean;
  /** "Viewing" mode: every write fails with a bare GeneralException (office-js #5484, #3831). */
  viewingMode?: boolean;
  /** The insert reports success but no picture appears (a 17 MB image on the web, office-js #3033). */
  dropPicturesSilently?: boolean;
  /** Replacing a picture through the selection range: first call duplicates (#4053), second fails (#6573). */
  selectionReplaceBug?: boolean;
  /** The picture insert itself fails (bad image data) with this code. */
  failPictureInsert?: string;
}

/** The document the fake Word edits. */
export class FakeWordDocument {
  paragraphs: WParagraph[] = [];
  selection: WSelection;
  /** Page setup (WordApiDesktop 1.3); undefined = not available on this host. */
  pageSetup?: { pageWidth: number; pageHeight: number; leftMargin: number; rightMargin: number; topMargin: number; bottomMargin: number };
  mode: "readWrite" | "readOnly" = "readWrite";
  customXmlParts: WCustomXmlPart[] = [];
  quirks: WordQuirks = { selectionReplaceBug: true };
  private nextId = 1;
  private selectionReplaces = 0;
  readonly handlers: Array<() => void> = [];

  constructor(texts: string[]) {
    this.paragraphs = texts.map((text) => this.newParagraph(text));
    this.selection = { kind: "caret", paragraph: this.paragraphs[0] };
  }

  newParagraph(text: string, styleBuiltIn = "Normal"): WParagraph {
    return { id: this.nextId++, text, styleBuiltIn, alignment: "Left", pictures: [] };
  }

  newPicture(base64: string): WPicture {
    if (this.quirks.failPictureInsert) throw new FakeOfficeError(this.quirks.failPictureInsert, "The picture could not be inserted.");
    const { widthPx, heightPx } = pixelSizeOf(base64);
    // Word inserts at 96 dpi: 1 px = 0.75 pt.
    return {
      id: this.nextId++,
      base64,
      widthPx,
      heightPx,
      width: widthPx * 0.75,
      height: heightPx * 0.75,
      altTextTitle: "",
      altTextDescription: "",
      lockAspectRatio: true,
    };
  }

  selectText(text: string): void {
    const paragraph = this.paragraphs.find((p) => p.text.includes(text));
    if (!paragraph) throw new Error(`no paragraph with ${text}`);
    this.selection = { kind: "text", paragraph, text };
  }

  selectPicture(picture: WPicture): void {
    this.selection = { kind: "picture", picture };
  }

  /** Puts a picture (as a person would have) into a paragraph. */
  addPicture(
    paragraph: WParagraph,
    base64: string,
    widthPt: number,
    alt: { title: string; description: string } = { title: "", description: "" },
  ): WPicture {
    const picture = this.newPicture(base64);
    picture.width = widthPt;
    picture.height = (widthPt * picture.heightPx) / picture.widthPx;
    picture.altTextTitle = alt.title;
    picture.altTextDescription = alt.description;
    paragraph.pictures.push(picture);
    return picture;
  }

  checkWritable(): void {
    if (this.quirks.accessDenied) throw new FakeOfficeError("AccessDenied", "You don't have sufficient permissions for this action.");
    if (this.quirks.viewingMode) throw new FakeOfficeError("GeneralException", "GeneralException");
  }

  /** The content control a picture sits in: its own, else its paragraph's (what `parentContentControlOrNullObject` gives). */
  controlOf(picture: WPicture): WContentControl | undefined {
    return picture.contentControl ?? this.paragraphOf(picture)?.contentControl;
  }

  newContentControl(): WContentControl {
    return { id: this.nextId++, tag: "", title: "" };
  }

  /** `customXmlParts.add(xml)`: the namespace is the root element's default namespace. */
  addCustomXmlPart(xml: string): WCustomXmlPart {
    this.checkWritable();
    if (!/^\s*(<\?xml[^>]*\?>)?\s*<[A-Za-z]/.test(xml)) throw new FakeOfficeError("InvalidArgument", "The XML is not valid.");
    const namespaceUri = /^\s*(?:<\?xml[^>]*\?>)?\s*<[^\s>]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const part = { id: `{part-${this.nextId++}}`, namespaceUri, xml };
    this.customXmlParts.push(part);
    return part;
  }

  requirePart(part: WCustomXmlPart): WCustomXmlPart {
    if (!this.customXmlParts.includes(part)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return part;
  }

  paragraphOf(picture: WPicture): WParagraph | undefined {
    return this.paragraphs.find((p) => p.pictures.includes(picture));
  }

  requireParagraph(paragraph: WParagraph): WParagraph {
    if (!this.paragraphs.includes(paragraph)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return paragraph;
  }

  requirePicture(picture: WPicture): WPicture {
    if (!this.paragraphOf(picture)) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return picture;
  }

  insertParagraphAfter(anchor: WParagraph, text: string): WParagraph {
    this.checkWritable();
    const paragraph = this.newParagraph(text, anchor.styleBuiltIn);
    this.paragraphs.splice(this.paragraphs.indexOf(this.requireParagraph(anchor)) + 1, 0, paragraph);
    return paragraph;
  }

  deleteParagraph(paragraph: WParagraph): void {
    this.checkWritable();
    this.paragraphs.splice(this.paragraphs.indexOf(this.requireParagraph(paragraph)), 1);
  }

  /** Replace a picture with new bytes in its place (the picture object path). */
  replacePicture(old: WPicture, base64: string): WPicture {
    this.checkWritable();
    const paragraph = this.paragraphOf(this.requirePicture(old)) as WParagraph;
    const fresh = this.newPicture(base64);
    // The new picture takes the old one's place, inside the content control the old one was in.
    fresh.contentControl = old.contentControl;
    paragraph.pictures.splice(paragraph.pictures.indexOf(old), 1, fresh);
    return fresh;
  }

  /** Range.insertInlinePictureFromBase64 over the selection. */
  insertAtSelection(selection: WSelection, base64: string, location: string): WPicture {
    this.checkWritable();
    if (selection.kind === "picture") {
      if (location === "Replace" && this.quirks.selectionReplaceBug) {
        this.selectionReplaces++;
        if (this.selectionReplaces > 1) throw new FakeOfficeError("GeneralException", "GeneralException (office-js #6573)");
        // office-js #4053: the new picture lands beside the old one, which stays.
        const paragraph = this.paragraphOf(this.requirePicture(selection.picture)) as WParagraph;
        const fresh = this.newPicture(base64);
        paragraph.pictures.splice(paragraph.pictures.indexOf(selection.picture) + 1, 0, fresh);
        return fresh;
      }
      return this.replacePicture(selection.picture, base64);
    }
    const paragraph = this.requireParagraph(selection.paragraph);
    const picture = this.newPicture(base64);
    if (location === "Replace" && selection.kind === "text") paragraph.text = paragraph.text.replace(selection.text, "");
    if (!this.quirks.dropPicturesSilently) paragraph.pictures.push(picture);
    return picture;
  }

  /** What a person sees, one line a paragraph: text, then [picture w×h "alt"]. */
  describe(): string[] {
    const control = (c: WContentControl | undefined) => (c ? `{${c.title}|${c.tag}} ` : "");
    return this.paragraphs.map((p) =>
      [
        control(p.contentControl),
        p.styleBuiltIn === "Normal" ? "" : `(${p.styleBuiltIn}) `,
        p.text,
        ...p.pictures.map(
          (x) =>
            `${control(x.contentControl).trimEnd()}[picture ${Math.round(x.width)}x${Math.round(x.height)} "${x.altTextTitle}: ${x.altTextDescription}"]`,
        ),
      ].join(""),
    );
  }

  /** A fake `Office.context.document` for this document. */
  officeDocument(): WordEnvironment["document"] {
    return fakeOfficeDocument(this) as WordEnvironment["document"];
  }
}

class FakeWordContext extends FakeContext {
  readonly document: FakeDocumentProxy;
  constructor(readonly doc: FakeWordDocument) {
    super();
    this.document = new FakeDocumentProxy(this);
  }
}

class FakeDocumentProxy {
  constructor(private readonly context: FakeWordContext) {}
  get body(): { paragraphs: FakeParagraphCollection } {
    return { paragraphs: new FakeParagraphCollection(this.context, () => this.context.doc.paragraphs) };
  }
  get sections(): { getFirst(): { pageSetup: FakePageSetup } } {
    return { getFirst: () => ({ pageSetup: new FakePageSetup(this.context) }) };
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, () => this.context.doc.customXmlParts);
  }
  getSelection(): FakeRange {
    const selection = this.context.doc.selection;
    return new FakeRange(this.context, () => selection);
  }
}

class FakeParagraphCollection extends FakeCollection<WParagraph, FakeParagraph> {
  constructor(
    override readonly context: FakeWordContext,
    protected readonly models: () => WParagraph[],
  ) {
    super(context);
  }
  protected makeItem(model: WParagraph): FakeParagraph {
    return new FakeParagraph(this.context, () => model);
  }
}

/** `document.customXmlParts` (WordApi 1.4): add, getByNamespace. */
class FakeCustomXmlPartCollection extends FakeCollection<WCustomXmlPart, FakeCustomXmlPart> {
  constructor(
    override readonly context: FakeWordContext,
    protected readonly models: () => WCustomXmlPart[],
  ) {
    super(context);
  }
  protected makeItem(model: WCustomXmlPart): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => model);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: WCustomXmlPart | undefined;
    this.command(() => {
      created = this.context.doc.addCustomXmlPart(xml);
    });
    return new FakeCustomXmlPart(this.context, () => created);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, () => this.context.doc.customXmlParts.filter((p) => p.namespaceUri === namespaceUri));
  }
}

class FakeCustomXmlPart extends FakeObject {
  protected readonly scalars = ["id", "namespaceUri"];
  constructor(
    override readonly context: FakeWordContext,
    private readonly model: () => WCustomXmlPart | undefined,
  ) {
    super(context);
  }
  private part(): WCustomXmlPart {
    const part = this.model();
    if (!part) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.context.doc.requirePart(part);
  }
  protected current(name: string): unknown {
    return this.part()[name as keyof WCustomXmlPart];
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.command(() => result.set(this.part().xml));
    return result;
  }
  delete(): void {
    this.command(() => {
      this.context.doc.checkWritable();
      const doc = this.context.doc;
      doc.customXmlParts.splice(doc.customXmlParts.indexOf(this.part()), 1);
    });
  }
}
defineProps(FakeCustomXmlPart, ["id", "namespaceUri"]);

/** A content control, or its null object (`parentContentControlOrNullObject` of a picture outside any). */
class FakeContentControl extends FakeObject {
  protected readonly scalars = ["tag", "title"];
  constructor(
    override readonly context: FakeWordContext,
    private readonly model: () => WContentControl | undefined,
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
  override applyLoad(paths: string[]): void {
    const model = this.model();
    this.snapshot.set("isNullObject", model === undefined);
    if (model !== undefined) super.applyLoad(paths);
  }
  private control(): WContentControl {
    const control = this.model();
    if (!control) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (null object).");
    return control;
  }
  protected current(name: string): unknown {
    return this.control()[name as keyof WContentControl];
  }
  protected override assign(name: string, value: unknown): void {
    this.context.doc.checkWritable();
    (this.control() as unknown as Record<string, unknown>)[name] = value;
  }
}
defineProps(FakeContentControl, [], ["tag", "title"]);

class FakeRange extends FakeObject {
  protected readonly scalars = ["text", "isEmpty"];
  constructor(
    override readonly context: FakeWordContext,
    private readonly selection: () => WSelection,
  ) {
    super(context);
  }
  private get doc(): FakeWordDocument {
    return this.context.doc;
  }
  protected current(name: string): unknown {
    const s = this.selection();
    const text = s.kind === "text" && this.doc.paragraphs.includes(s.paragraph) && s.paragraph.text.includes(s.text) ? s.text : "";
    if (name === "text") return text;
    if (name === "isEmpty") return text === "" && s.kind !== "picture";
    throw new Error(`fake Range has no ${name}`);
  }
  private paragraph(): WParagraph {
    const s = this.selection();
    const paragraph = s.kind === "picture" ? this.doc.paragraphOf(s.picture) : s.paragraph;
    if (!paragraph) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.doc.requireParagraph(paragraph);
  }
  get inlinePictures(): FakePictureCollection {
    return this.nav(
      "inlinePictures",
      () =>
        new FakePictureCollection(this.context, () => {
          const s = this.selection();
          return s.kind === "picture" && this.doc.paragraphOf(s.picture) ? [s.picture] : [];
        }),
    );
  }
  get paragraphs() {
    return this.nav("paragraphs", () => ({
      getLast: () => new FakeParagraph(this.context, () => this.paragraph()),
      getFirst: () => new FakeParagraph(this.context, () => this.paragraph()),
    }));
  }
  get sections() {
    return this.nav("sections", () => ({
      getFirst: () => ({ pageSetup: new FakePageSetup(this.context) }),
    }));
  }
  insertInlinePictureFromBase64(base64: string, location: string): FakeInlinePicture {
    let created: WPicture | undefined;
    this.command(() => {
      created = this.doc.insertAtSelection(this.selection(), base64, location);
    });
    return new FakeInlinePicture(this.context, () => created as WPicture);
  }
  insertParagraph(text: string, location: string): FakeParagraph {
    if (location !== "After") throw new Error("fake supports After only");
    let created: WParagraph | undefined;
    this.command(() => {
      created = this.doc.insertParagraphAfter(this.paragraph(), text);
    });
    return new FakeParagraph(this.context, () => created as WParagraph);
  }
}
defineProps(FakeRange, ["text", "isEmpty"]);

class FakePageSetup extends FakeObject {
  protected readonly scalars = ["pageWidth", "pageHeight", "leftMargin", "rightMargin", "topMargin", "bottomMargin"];
  constructor(override readonly context: FakeWordContext) {
    super(context);
  }
  protected current(name: string): unknown {
    const setup = this.context.doc.pageSetup;
    if (!setup) throw new FakeOfficeError("ApiNotFound", "The API you are trying to use could not be found (WordApiDesktop 1.3).");
    return setup[name as keyof typeof setup];
  }
}
defineProps(FakePageSetup, ["pageWidth", "pageHeight", "leftMargin", "rightMargin", "topMargin", "bottomMargin"]);

class FakeParagraph extends FakeObject {
  protected readonly scalars = ["text", "styleBuiltIn", "alignment"];
  constructor(
    override readonly context: FakeWordContext,
    private readonly model: () => WParagraph,
  ) {
    super(context);
  }
  private get doc(): FakeWordDocument {
    return this.context.doc;
  }
  protected current(name: string): unknown {
    const p = this.doc.requireParagraph(this.model());
    return p[name as keyof WParagraph];
  }
  protected override assign(name: string, value: unknown): void {
    this.doc.checkWritable();
    const p = this.doc.requireParagraph(this.model());
    if (name === "style") p.styleBuiltIn = value === "Caption" ? "Caption" : String(value);
    else (p as unknown as Record<string, unknown>)[name] = value;
  }
  get inlinePictures(): FakePictureCollection {
    return this.nav("inlinePictures", () => new FakePictureCollection(this.context, () => this.doc.requireParagraph(this.model()).pictures));
  }
  insertParagraph(text: string, location: string): FakeParagraph {
    if (location !== "After") throw new Error("fake supports After only");
    let created: WParagraph | undefined;
    this.command(() => {
      created = this.doc.insertParagraphAfter(this.model(), text);
    });
    return new FakeParagraph(this.context, () => created as WParagraph);
  }
  insertInlinePictureFromBase64(base64: string, location: "Start" | "End"): FakeInlinePicture {
    let created: WPicture | undefined;
    this.command(() => {
      this.doc.checkWritable();
      const p = this.doc.requireParagraph(this.model());
      const picture = this.doc.newPicture(base64);
      if (!this.doc.quirks.dropPicturesSilently) {
        if (location === "Start") p.pictures.unshift(picture);
        else p.pictures.push(picture);
      }
      created = picture;
    });
    return new FakeInlinePicture(this.context, () => created as WPicture);
  }
  /** Wraps the paragraph in a rich-text content control (block level). */
  insertContentControl(): FakeContentControl {
    let created: WContentControl | undefined;
    this.command(() => {
      this.doc.checkWritable();
      const p = this.doc.requireParagraph(this.model());
      created = this.doc.newContentControl();
      p.contentControl = created;
    });
    return new FakeContentControl(this.context, () => created);
  }
  delete(): void {
    this.command(() => this.doc.deleteParagraph(this.model()));
  }
}
defineProps(FakeParagraph, ["text"], ["styleBuiltIn", "style", "alignment"]);

class FakeInlinePicture extends FakeObject {
  protected readonly scalars = ["width", "height", "altTextTitle", "altTextDescription", "lockAspectRatio"];
  constructor(
    override readonly context: FakeWordContext,
    private readonly model: () => WPicture | undefined,
  ) {
    super(context);
  }
  private get doc(): FakeWordDocument {
    return this.context.doc;
  }
  private picture(): WPicture {
    const picture = this.model();
    if (!picture) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return this.doc.requirePicture(picture);
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
  override applyLoad(paths: string[]): void {
    this.snapshot.set("isNullObject", this.model() === undefined);
    if (this.model() !== undefined) super.applyLoad(paths);
  }
  protected current(name: string): unknown {
    return this.picture()[name as keyof WPicture];
  }
  protected override assign(name: string, value: unknown): void {
    this.doc.checkWritable();
    const p = this.picture();
    const n = Number(value);
    // lockAspectRatio: changing one side rescales the other, as Word does.
    if (name === "width") {
      if (p.lockAspectRatio) p.height = (p.height * n) / p.width;
      p.width = n;
    } else if (name === "height") {
      if (p.lockAspectRatio) p.width = (p.width * n) / p.height;
      p.height = n;
    } else (p as unknown as Record<string, unknown>)[name] = value;
  }
  get paragraph(): FakeParagraph {
    return this.nav("paragraph", () => new FakeParagraph(this.context, () => this.doc.paragraphOf(this.picture()) as WParagraph));
  }
  insertInlinePictureFromBase64(base64: string, location: "Replace"): FakeInlinePicture {
    if (location !== "Replace") throw new Error("fake supports Replace only");
    let created: WPicture | undefined;
    this.command(() => {
      created = this.doc.replacePicture(this.picture(), base64);
    });
    return new FakeInlinePicture(this.context, () => created);
  }
  getBase64ImageSrc(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.command(() => result.set(this.picture().base64));
    return result;
  }
  /** The content control the picture sits in, resolved at sync (WordApi 1.3); a new proxy per access (valid in the current batch). */
  get parentContentControlOrNullObject(): FakeContentControl {
    // Once resolved, the proxy is the control itself (it outlives a replace of the picture inside it).
    let resolved: { control: WContentControl | undefined } | undefined;
    return new FakeContentControl(this.context, () => (resolved ??= { control: this.doc.controlOf(this.picture()) }).control);
  }
  /** Wraps just the picture in a rich-text content control (inline). */
  insertContentControl(): FakeContentControl {
    let created: WContentControl | undefined;
    this.command(() => {
      this.doc.checkWritable();
      created = this.doc.newContentControl();
      this.picture().contentControl = created;
    });
    return new FakeContentControl(this.context, () => created);
  }
}
defineProps(FakeInlinePicture, [], ["width", "height", "altTextTitle", "altTextDescription", "lockAspectRatio"]);

class FakePictureCollection extends FakeCollection<WPicture, FakeInlinePicture> {
  constructor(
    override readonly context: FakeWordContext,
    protected readonly models: () => WPicture[],
  ) {
    super(context);
  }
  protected makeItem(model: WPicture): FakeInlinePicture {
    return new FakeInlinePicture(this.context, () => model);
  }
  getFirstOrNullObject(): FakeInlinePicture {
    let first: WPicture | undefined;
    let resolved = false;
    return new FakeInlinePicture(this.context, () => {
      if (!resolved) {
        first = this.models()[0];
        resolved = true;
      }
      return first;
    });
  }
}

/** A WordEnvironment over the fake document: a new context per run, the object's context for run(object). */
export function fakeWordEnvironment(doc: FakeWordDocument, capabilities: OfficeCapabilities): WordEnvironment & { runs: number } {
  const env = {
    runs: 0,
    run: <T>(batch: (context: Word.RequestContext) => Promise<T>) => {
      env.runs++;
      return new FakeWordContext(doc).run((c) => batch(c as unknown as Word.RequestContext));
    },
    runWith: <T>(object: OfficeExtension.ClientObject, batch: (context: Word.RequestContext) => Promise<T>) => {
      env.runs++;
      const context = (object as unknown as FakeObject).context as FakeWordContext;
      return context.run((c) => batch(c as unknown as Word.RequestContext));
    },
    document: doc.officeDocument(),
    capabilities,
  };
  return env;
}
