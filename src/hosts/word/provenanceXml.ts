// How Illustrate's picture provenance is written into and read from a Word custom XML part, and the content-control tag.
import type { PictureProvenance } from "../DocumentHost";

/**
 * Namespace of Illustrate's custom XML parts (`document.customXmlParts.getByNamespace`, WordApi 1.4). One part per
 * picture, keyed by its library id (the `libraryId` attribute): an insert or replace adds or deletes only its own
 * part, so two inserts never read-modify-write one shared part (and lose each other's entry), removing a picture's
 * metadata is one `CustomXmlPart.delete()`, and each part stays a few hundred bytes.
 */
export const PROVENANCE_NAMESPACE = "urn:illustrate:picture-provenance:1";

/** Prefix of the `ContentControl.tag` around an Illustrate picture: a person's own content controls are never claimed. */
export const PROVENANCE_TAG_PREFIX = "illustrate:";

/** `ContentControl.title` of the content control around an Illustrate picture (shown by Word on hover). */
export const PROVENANCE_CONTROL_TITLE = "Illustrate picture";

/** The content-control tag for a picture of the library (`illustrate:<libraryId>`). */
export function provenanceTag(libraryId: string): string {
  return `${PROVENANCE_TAG_PREFIX}${libraryId}`;
}

/** The library id in a content-control tag, or undefined when the tag is not Illustrate's (or is empty). */
export function libraryIdOfTag(tag: string | null | undefined): string | undefined {
  if (!tag || !tag.startsWith(PROVENANCE_TAG_PREFIX)) return undefined;
  const id = tag.slice(PROVENANCE_TAG_PREFIX.length);
  return id.length > 0 ? id : undefined;
}

/** Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be matched and dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML attribute or element (and drops characters XML cannot hold). */
function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;");
}

/** The optional fields, in the order they are written. */
const OPTIONAL_FIELDS = ["model", "size"] as const;

/**
 * The custom XML part for one picture:
 * `<picture xmlns="urn:illustrate:picture-provenance:1" libraryId="…"><prompt>…</prompt><style>…</style>[<model>…</model>][<size>…</size>]</picture>`.
 * Every value is escaped; characters XML 1.0 cannot hold (C0 controls) are dropped.
 */
export function provenanceXml(provenance: PictureProvenance): string {
  const fields = [`<prompt>${escapeXml(provenance.prompt)}</prompt>`, `<style>${escapeXml(provenance.style)}</style>`];
  for (const name of OPTIONAL_FIELDS) {
    const value = provenance[name];
    if (value !== undefined) fields.push(`<${name}>${escapeXml(value)}</${name}>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><picture xmlns="${PROVENANCE_NAMESPACE}" libraryId="${escapeXml(provenance.libraryId)}">${fields.join("")}</picture>`;
}

/** The part of the DOM `DOMParser` this module needs (the browser's, or `@xmldom/xmldom` in tests). */
export interface XmlParser {
  parseFromString(xml: string, mimeType: "application/xml"): Document;
}

function childText(root: Element, name: string): string | undefined {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === PROVENANCE_NAMESPACE) {
      return node.textContent ?? "";
    }
  }
  return undefined;
}

/**
 * Reads a part written by {@link provenanceXml}. Anything else — not XML, another namespace, no library id, no
 * prompt — gives undefined (a part that is not Illustrate's is never claimed). Never throws.
 */
export function parseProvenanceXml(xml: string, parser: XmlParser): PictureProvenance | undefined {
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, "application/xml");
  } catch {
    return undefined; // @xmldom/xmldom throws on fatal errors; browsers return a <parsererror> document instead.
  }
  // Browsers report bad XML inside the document as a <parsererror> element (Chrome puts it under the root).
  if (!doc || doc.getElementsByTagName("parsererror").length > 0) return undefined;
  const root = doc.documentElement;
  if (!root || root.localName !== "picture" || root.namespaceURI !== PROVENANCE_NAMESPACE) return undefined;
  const libraryId = root.getAttribute("libraryId");
  const prompt = childText(root, "prompt");
  if (!libraryId || prompt === undefined) return undefined;
  const provenance: PictureProvenance = { libraryId, prompt, style: childText(root, "style") ?? "" };
  for (const name of OPTIONAL_FIELDS) {
    const value = childText(root, name);
    if (value !== undefined) provenance[name] = value;
  }
  return provenance;
}

/** The browser's `DOMParser` (the pane runs in a browser); undefined where there is none. */
export function defaultXmlParser(): XmlParser | undefined {
  return typeof DOMParser === "undefined" ? undefined : new DOMParser();
}
