// How the Word adapter reaches Word (Word.run, or fakes in tests) and what a picture paragraph insert needs: the types
// WordHost and its section operations (wordDeck) share, in a file of their own so the two do not import each other.
import type { InsertOptions } from "../DocumentHost";
import type { OfficeDocumentLike } from "../office/documentState";
import type { OfficeCapabilities } from "../office/requirementSets";
import type { XmlParser } from "./provenanceXml";

/** How the adapter reaches Word: `Word.run` in Office, hand-made fakes in tests. */
export interface WordEnvironment {
  /** `Word.run(batch)`. */
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** `Word.run(object, batch)`: a new batch on the context of a tracked object from an earlier batch. */
  runWith<T>(object: OfficeExtension.ClientObject, batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.document`. */
  document: OfficeDocumentLike;
  capabilities: OfficeCapabilities;
  /** Parses the provenance parts. @default the browser's `DOMParser` */
  xmlParser?: XmlParser;
}

/** What a picture paragraph insert needs from {@link InsertOptions} (a section insert builds these too). */
export type PictureParagraphOptions = Pick<InsertOptions, "altText" | "prompt" | "caption" | "provenance">;
