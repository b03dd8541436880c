// Capability map of both workbench stand-ins: every feature, since they hold the document and its picture bytes.
import type { HostCapabilities } from "../hosts/DocumentHost";

/** Insert, replace, edit (bytes are readable) and alt text: all available, no reasons needed. */
export const STAND_IN_CAPABILITIES: HostCapabilities = {
  features: { insertPicture: true, replacePicture: true, editPicture: true, altText: true, deck: true, provenance: true },
  reasons: {},
};
