// Whole-document operations of the Word adapter (issue 8): list the Heading 1 / Heading 2 sections, read one, insert into one.
import type { PointSize, PictureData } from "../../core/types";
import type { DeckHostAdditions, DeckInsertOptions, DeckItem, DeckItemText, InsertedLocation } from "../../core/deck/types";
import { HostError } from "../errors";
import { assertWritable } from "../office/documentState";
import { toHostError } from "../office/officeErrors";
import { assertFeature } from "../office/requirementSets";
import { provenanceTag } from "./provenanceXml";
import type { PictureParagraphOptions, WordEnvironment } from "./wordEnvironment";
import { deckItemOf, findSection, headingLevelOf, outlineSections, type OutlineParagraph } from "./wordSections";

/** The two insert steps of the Word adapter the section insert reuses (same size rules, content control, checks). */
export interface WordPictureInserter {
  pictureSize(context: Word.RequestContext, sections: Word.SectionCollection, data: PictureData): Promise<PointSize>;
  insertPictureParagraph(
    context: Word.RequestContext,
    anchor: Word.Paragraph,
    data: PictureData,
    size: PointSize,
    options: PictureParagraphOptions,
  ): Promise<PointSize>;
}

/** The document's paragraphs with what the section rules need, and the Word objects to insert after. */
interface Outline {
  paragraphs: Word.Paragraph[];
  outline: OutlineParagraph[];
  /** Per paragraph, its inline pictures (width/height loaded) with their content-control tags. */
  pictures: { picture: Word.InlinePicture; tag: string }[][];
}

/**
 * Reads every paragraph (`body.paragraphs` with `text`, `styleBuiltIn`, WordApi 1.3), its inline pictures (1.1) and
 * the content control each sits in (`InlinePicture.parentContentControlOrNullObject`, 1.3). Three syncs, whatever the
 * document's length.
 */
async function readOutline(context: Word.RequestContext): Promise<Outline> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load("items/text,items/styleBuiltIn");
  await context.sync();
  const pictureLists = paragraphs.items.map((paragraph) => paragraph.inlinePictures.load("items/width,items/height"));
  await context.sync();
  const controls = pictureLists.map((list) => list.items.map((picture) => picture.parentContentControlOrNullObject.load("tag")));
  await context.sync();
  const pictures = pictureLists.map((list, i) =>
    list.items.map((picture, j) => ({ picture, tag: controls[i][j].isNullObject ? "" : controls[i][j].tag })),
  );
  const outline = paragraphs.items.map((paragraph, i): OutlineParagraph => ({
    text: paragraph.text,
    headingLevel: headingLevelOf(paragraph.styleBuiltIn),
    pictureCount: pictures[i].length,
    pictureTags: pictures[i].map((p) => p.tag).filter((tag) => tag !== ""),
  }));
  return { paragraphs: paragraphs.items, outline, pictures };
}

/**
 * {@link DeckHostAdditions} for Word. A section is a Heading 1 or Heading 2 paragraph and the text under it up to the
 * next heading of the same or a higher level (./wordSections.ts); its id is the heading text and its ordinal among
 * equal headings, so it is found again after edits elsewhere and is `item_gone` once the heading is deleted or
 * renamed. Source: shared/docs/office-hosts.md "Whole deck / whole document". No thumbnails (Word cannot render a
 * section) and no palette.
 */
export class WordDeck implements DeckHostAdditions {
  constructor(
    private readonly env: WordEnvironment,
    private readonly inserter: WordPictureInserter,
  ) {}

  /** Every section in document order; `[]` for a document without Heading 1 / Heading 2 paragraphs. */
  async listItems(): Promise<DeckItem[]> {
    assertFeature(this.env.capabilities, "deck", "Word");
    try {
      return await this.env.run(async (context) => outlineSections((await readOutline(context)).outline).map(deckItemOf));
    } catch (error) {
      throw toHostError(error, "Reading the document's sections");
    }
  }

  /** @throws HostError `item_gone` when the section's heading is no longer in the document. */
  async readItemText(itemId: string): Promise<DeckItemText> {
    assertFeature(this.env.capabilities, "deck", "Word");
    try {
      return await this.env.run(async (context) => {
        const section = findSection((await readOutline(context)).outline, itemId);
        if (!section) throw gone(itemId);
        return { id: section.id, kind: section.kind, title: section.title, body: section.body };
      });
    } catch (error) {
      throw toHostError(error, "Reading the section");
    }
  }

  /**
   * Puts `picture` in a new paragraph after the section's first paragraph (the first text paragraph under the
   * heading, else the heading), as wide as the text column, with alt text, in the Illustrate content control tagged
   * `illustrate:<pictureId>` and its provenance part (WordApi 1.4). Idempotent: when a picture in that control is
   * already in the section, returns its location and inserts nothing. One batch: a refused insert leaves nothing.
   * @returns `shapeId` = the content control's tag.
   * @throws HostError `item_gone`, `read_only`, `insert_refused`, `insert_not_verified`, `unsupported`
   */
  async insertIntoItem(itemId: string, picture: PictureData, options: DeckInsertOptions): Promise<InsertedLocation> {
    assertFeature(this.env.capabilities, "deck", "Word");
    assertWritable(this.env.document);
    const tag = provenanceTag(options.pictureId);
    try {
      return await this.env.run(async (context) => {
        const { paragraphs, outline, pictures } = await readOutline(context);
        const section = findSection(outline, itemId);
        if (!section) throw gone(itemId);
        for (let i = section.headingIndex; i < section.endIndex; i += 1) {
          const existing = pictures[i].find((p) => p.tag === tag);
          if (existing) return { itemId, shapeId: tag, sizePt: { widthPt: existing.picture.width, heightPt: existing.picture.height } };
        }
        const size = await this.inserter.pictureSize(context, context.document.sections, picture);
        const provenance = {
          libraryId: options.pictureId,
          prompt: options.prompt,
          style: options.provenance?.style ?? "",
          ...pick(options.provenance),
        };
        const sizePt = await this.inserter.insertPictureParagraph(context, paragraphs[section.anchorIndex], picture, size, {
          altText: options.altText,
          prompt: options.prompt,
          provenance,
        });
        return { itemId, shapeId: tag, sizePt };
      });
    } catch (error) {
      throw toHostError(error, "Inserting the picture into the section", "insert_refused");
    }
  }
}

function gone(itemId: string): HostError {
  return new HostError("item_gone", `the section ${JSON.stringify(itemId)} is no longer in the document (its heading was deleted or renamed)`);
}

/** The optional model and size of a deck insert's provenance, without undefined keys. */
function pick(extra: DeckInsertOptions["provenance"]): { model?: string; size?: string } {
  const out: { model?: string; size?: string } = {};
  if (extra?.model !== undefined) out.model = extra.model;
  if (extra?.size !== undefined) out.size = extra.size;
  return out;
}
