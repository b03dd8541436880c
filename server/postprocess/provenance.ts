// Provenance written into every image the gateway returns: IPTC DigitalSourceType and the making backend, as XMP.
import type { BackendInfo } from "../../src/core/protocol/wire";

/**
 * IPTC Digital Source Type vocabulary (http://cv.iptc.org/newscodes/digitalsourcetype/):
 * - `trainedAlgorithmicMedia`: made by a model trained on sampled content (gpt-image, MAI-Image);
 * - `algorithmicMedia`: made purely by an algorithm not based on sampled training data. The local renderer
 *   composes shapes from the prompt's words with fixed rules; it is not an AI model, so it gets this one.
 */
export const DIGITAL_SOURCE_TYPE = {
  trainedAlgorithmicMedia: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
  algorithmicMedia: "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia",
} as const;

/** The source type for images of `backend`: offline renderer → algorithmic, model backends → trained. */
export function digitalSourceTypeFor(backend: BackendInfo): string {
  return backend.offline ? DIGITAL_SOURCE_TYPE.algorithmicMedia : DIGITAL_SOURCE_TYPE.trainedAlgorithmicMedia;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `Illustrate (<provider>: <model or deployment>)`, the value of `xmp:CreatorTool`. */
export function creatorToolFor(backend: BackendInfo): string {
  return `Illustrate (${backend.provider}: ${backend.model})`;
}

/**
 * The XMP packet for `backend`: `Iptc4xmpExt:DigitalSourceType` and `xmp:CreatorTool` naming the provider
 * and model/deployment. Nothing of the prompt or the user (the picture may be shared).
 */
export function provenanceXmp(backend: BackendInfo): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ` Iptc4xmpExt:DigitalSourceType="${escapeXml(digitalSourceTypeFor(backend))}"`,
    ` xmp:CreatorTool="${escapeXml(creatorToolFor(backend))}"/>`,
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** What {@link readProvenance} finds in an XMP packet. */
export interface Provenance {
  digitalSourceType?: string;
  creatorTool?: string;
}

/** Reads the two provenance fields back from an XMP packet (attribute or element form). */
export function readProvenance(xmp: string): Provenance {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(xmp)?.[1] ?? new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
  const unescape = (value: string | undefined) => value?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return {
    digitalSourceType: unescape(field("Iptc4xmpExt:DigitalSourceType")),
    creatorTool: unescape(field("xmp:CreatorTool")),
  };
}
