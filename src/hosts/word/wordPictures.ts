// Word batch steps shared by the Word adapter's inserts: picture format, the Illustrate content control, provenance parts.
import type { AltText } from "../../core/altText";
import type { PointSize } from "../../core/types";
import type { PictureProvenance } from "../DocumentHost";
import {
  libraryIdOfTag,
  parseProvenanceXml,
  PROVENANCE_CONTROL_TITLE,
  PROVENANCE_NAMESPACE,
  provenanceTag,
  provenanceXml,
  type XmlParser,
} from "./provenanceXml";
import type { WordPageSetupPt } from "./wordSizing";

/** Sets size (points) and alt text; `lockAspectRatio` off while both sides are set, else Word rescales the other. */
export function applyPictureFormat(picture: Word.InlinePicture, size: PointSize, altText: AltText): void {
  picture.lockAspectRatio = false;
  picture.width = size.widthPt;
  picture.height = size.heightPt;
  picture.lockAspectRatio = true;
  picture.altTextTitle = altText.title;
  picture.altTextDescription = altText.description;
}

/** The page setup values of `Word.PageSetup` (WordApiDesktop 1.3), in points. */
export function readPageSetup(setup: Word.PageSetup): WordPageSetupPt {
  const { pageWidth, pageHeight, leftMargin, rightMargin, topMargin, bottomMargin } = setup;
  return { pageWidth, pageHeight, leftMargin, rightMargin, topMargin, bottomMargin };
}

/** Best-effort removal of paragraphs a batch added, so a failed insert leaves the document as it was. */
export async function removeParagraphs(context: Word.RequestContext, paragraphs: Word.Paragraph[]): Promise<void> {
  if (paragraphs.length === 0) return;
  for (const paragraph of paragraphs) paragraph.delete();
  try {
    await context.sync();
  } catch {
    // The paragraphs were never created (Word refused the first step): there is nothing to remove.
  }
}

/**
 * Marks a picture as Illustrate's: a rich-text content control (`insertContentControl()`, WordApi 1.1 — never a
 * picture content control, which fails on the web, office-js #3434) around `wrapped` with tag
 * `illustrate:<libraryId>` and title "Illustrate picture". `wrapped` is the picture's own paragraph where it has
 * one (a block-level control: inline controls cannot be changed on the web, office-js #191), else the picture.
 */
export function wrapInIllustrateControl(wrapped: Word.Paragraph | Word.InlinePicture, libraryId: string): Word.ContentControl {
  const control = wrapped.insertContentControl();
  control.tag = provenanceTag(libraryId);
  control.title = PROVENANCE_CONTROL_TITLE;
  return control;
}

/** Queues a new custom XML part for `provenance` (`document.customXmlParts.add`, WordApi 1.4). */
export function addProvenancePart(context: Word.RequestContext, provenance: PictureProvenance): Word.CustomXmlPart {
  return context.document.customXmlParts.add(provenanceXml(provenance));
}

/** Queues the deletion of a part added in this batch (a failed insert must not leave its metadata behind). */
export async function deletePartQuietly(context: Word.RequestContext, part: Word.CustomXmlPart | undefined): Promise<void> {
  if (!part) return;
  try {
    part.delete();
    await context.sync();
  } catch {
    // The part was never added: nothing to remove.
  }
}

/** A stored provenance and the part it came from. */
export interface StoredProvenance {
  provenance: PictureProvenance;
  part: Word.CustomXmlPart;
}

/**
 * Every Illustrate part in the document whose library id is `libraryId` (normally one; more only if two panes wrote
 * the same picture), newest last. `customXmlParts.getByNamespace` + `CustomXmlPart.getXml` (WordApi 1.4). Parts that
 * do not parse are skipped: a part that is not Illustrate's is never claimed.
 */
export async function readProvenanceParts(context: Word.RequestContext, libraryId: string, parser: XmlParser): Promise<StoredProvenance[]> {
  const parts = context.document.customXmlParts.getByNamespace(PROVENANCE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const xmls = parts.items.map((part) => part.getXml());
  await context.sync();
  const found: StoredProvenance[] = [];
  parts.items.forEach((part, i) => {
    const provenance = parseProvenanceXml(xmls[i].value, parser);
    if (provenance?.libraryId === libraryId) found.push({ provenance, part });
  });
  return found;
}

/** The library id of the Illustrate content control a picture sits in (`parentContentControlOrNullObject`, WordApi 1.3). */
export function illustrateLibraryId(control: Word.ContentControl): string | undefined {
  return control.isNullObject ? undefined : libraryIdOfTag(control.tag);
}
