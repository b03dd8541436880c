// Checks of manifest.xml that Microsoft's 2016–2019 XML schemas cannot make (see shared/schemas/office-manifest/README.md).
//
// Each check takes the parsed manifest and returns a list of problems (empty when it passes), one readable
// sentence each with the manifest line, so a test can assert both "passes on ours" and "fails on a broken copy".
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";

/** Namespaces of the add-in-only manifest (OfficeApp v1.1 and the task-pane VersionOverrides v1.0). */
export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  taskpaneOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

/** Office host names for Word and PowerPoint (`<Host Name>` and `<Host xsi:type>`); not "Word"/"PowerPoint". */
export const EXPECTED_HOSTS = ["Document", "Presentation"] as const;

/** Where the manifest's URLs point and where their files live, for the checks that follow URLs to files. */
export interface ManifestContext {
  /** Origin that serves the add-in in development, e.g. `https://localhost:3000`. */
  devOrigin: string;
  /** Folder whose files are served at `${devOrigin}/assets/` (the repository's `assets/`). */
  assetsDir: string;
}

/** One kind of entry under `<Resources>`. */
export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Parses manifest text; throws on XML that is not well-formed (xmllint reports the details). */
export function parseManifest(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`manifest.xml is not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

function elements(doc: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, localName));
}

function childElements(parent: Element, ns?: string, localName?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 &&
      (ns === undefined || (n as Element).namespaceURI === ns) &&
      (localName === undefined || (n as Element).localName === localName),
  );
}

function at(el: Element): string {
  const line = (el as unknown as { lineNumber?: number }).lineNumber;
  return line ? `line ${line}` : `<${el.tagName}>`;
}

function root(doc: Document): Element {
  const el = doc.documentElement;
  if (!el || el.namespaceURI !== NS.officeApp || el.localName !== "OfficeApp") {
    throw new Error("manifest.xml: the root element is not <OfficeApp> in the appforoffice/1.1 namespace");
  }
  return el;
}

/** The `<VersionOverrides>` of the task-pane schema, or undefined when the manifest has no add-in commands. */
function versionOverrides(doc: Document): Element | undefined {
  return childElements(root(doc), NS.taskpaneOverrides, "VersionOverrides")[0];
}

/**
 * Host names: the base `<Hosts>` and the `<VersionOverrides>` hosts are exactly Word (`Document`) and PowerPoint
 * (`Presentation`), each once. The schema accepts any short string in `<Host Name>` (so `PowerPoint` passes it).
 */
export function checkHosts(doc: Document): string[] {
  const problems: string[] = [];
  const compare = (where: string, found: Array<{ name: string; el: Element }>) => {
    for (const { name, el } of found) {
      if (!(EXPECTED_HOSTS as readonly string[]).includes(name)) {
        problems.push(`${where} ${at(el)}: host "${name}" is not one of ${EXPECTED_HOSTS.join(", ")}`);
      }
    }
    for (const expected of EXPECTED_HOSTS) {
      const count = found.filter((f) => f.name === expected).length;
      if (count !== 1) problems.push(`${where}: host "${expected}" appears ${count} times, expected once`);
    }
  };
  const baseHosts = childElements(root(doc), NS.officeApp, "Hosts")[0];
  compare("<Hosts>", baseHosts ? childElements(baseHosts, NS.officeApp, "Host").map((el) => ({ name: el.getAttribute("Name") ?? "", el })) : []);
  const overrides = versionOverrides(doc);
  const overrideHosts = overrides && childElements(overrides, NS.taskpaneOverrides, "Hosts")[0];
  compare(
    "<VersionOverrides><Hosts>",
    overrideHosts
      ? childElements(overrideHosts, NS.taskpaneOverrides, "Host").map((el) => ({
          name: (el.getAttributeNS(NS.xsi, "type") ?? "").replace(/^.*:/, ""),
          el,
        }))
      : [],
  );
  return problems;
}

/** The resources under `<VersionOverrides><Resources>`, by kind and id (value = the element). */
export function readResources(doc: Document): Record<ResourceKind, Map<string, Element>> {
  const found: Record<ResourceKind, Map<string, Element>> = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  const resources = versionOverrides(doc) && childElements(versionOverrides(doc)!, NS.taskpaneOverrides, "Resources")[0];
  if (!resources) return found;
  for (const kind of Object.keys(found) as ResourceKind[]) {
    for (const collection of childElements(resources, NS.basicTypes, kind)) {
      for (const entry of childElements(collection, NS.basicTypes)) {
        const id = entry.getAttribute("id");
        if (id) found[kind].set(id, entry);
      }
    }
  }
  return found;
}

/**
 * Which kind of resource a `resid` on this element must name, by the element's schema type
 * (bt:ImageResourceReference, ShortResourceReference, LongResourceReference, URLResourceReference).
 */
export function residKind(el: Element): ResourceKind | undefined {
  if (el.namespaceURI === NS.basicTypes && el.localName === "Image") return "Images";
  switch (el.localName) {
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "Urls";
    default:
      return undefined;
  }
}

/**
 * Resource references: every `resid` names a resource of the kind its element needs (a `<Label>` a short string,
 * a `<Description>` a long string, a `<SourceLocation>` a URL, an icon an image); ids are unique across
 * `<Resources>`; every resource is used. The schemas have no key/keyref, so none of this is checked by xmllint.
 */
export function checkResourceReferences(doc: Document): string[] {
  const problems: string[] = [];
  const resources = readResources(doc);
  const used = new Set<string>();
  const allIds = new Map<string, ResourceKind>();
  for (const kind of Object.keys(resources) as ResourceKind[]) {
    for (const [id, el] of resources[kind]) {
      const other = allIds.get(id);
      if (other) problems.push(`<Resources> ${at(el)}: id "${id}" is defined in both ${other} and ${kind}`);
      allIds.set(id, kind);
    }
  }
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const resid = el.getAttribute("resid");
    if (resid === null) continue;
    used.add(resid);
    const kind = residKind(el);
    if (!kind) {
      problems.push(`<${el.tagName}> ${at(el)}: resid "${resid}" on an element this check does not know`);
    } else if (!resources[kind].has(resid)) {
      const elsewhere = allIds.get(resid);
      problems.push(
        elsewhere
          ? `<${el.tagName}> ${at(el)}: resid "${resid}" is in ${elsewhere}, but <${el.tagName}> needs one in ${kind}`
          : `<${el.tagName}> ${at(el)}: resid "${resid}" is not defined in <Resources> ${kind}`,
      );
    }
  }
  for (const [id, kind] of allIds) {
    if (!used.has(id)) problems.push(`<Resources> ${kind} "${id}" is defined but never referenced`);
  }
  return problems;
}

/** Elements whose `DefaultValue` (and `<Override Value>`) must be an absolute URL. */
const URL_SETTINGS: Array<[string, string]> = [
  [NS.officeApp, "IconUrl"],
  [NS.officeApp, "HighResolutionIconUrl"],
  [NS.officeApp, "SupportUrl"],
  [NS.officeApp, "SourceLocation"],
  [NS.basicTypes, "Url"],
  [NS.basicTypes, "Image"],
];

function isHttps(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * HTTPS only: every URL setting (icons, support, pane source, `<bt:Url>`, `<bt:Image>`, their locale overrides) and
 * every `<AppDomain>` is an absolute https URL, and no other attribute or text carries an http:// (or other
 * scheme's) URL. Office refuses add-ins served over http; the schema only says "a URL".
 */
export function checkHttps(doc: Document): string[] {
  const problems: string[] = [];
  const checked = new Set<unknown>();
  const requireHttps = (where: string, value: string | null) => {
    if (value === null || !isHttps(value)) problems.push(`${where}: "${value ?? ""}" is not an absolute https URL`);
  };
  for (const [ns, name] of URL_SETTINGS) {
    for (const el of elements(doc, ns, name)) {
      if (!el.hasAttribute("DefaultValue")) continue; // e.g. <bt:Image size resid> in an <Icon> list
      requireHttps(`<${el.tagName}> ${at(el)}`, el.getAttribute("DefaultValue"));
      checked.add(el.getAttributeNode("DefaultValue"));
      for (const override of childElements(el, undefined, "Override")) {
        requireHttps(`<${el.tagName}><Override> ${at(override)}`, override.getAttribute("Value"));
        checked.add(override.getAttributeNode("Value"));
      }
    }
  }
  for (const el of elements(doc, NS.officeApp, "AppDomain")) {
    requireHttps(`<AppDomain> ${at(el)}`, (el.textContent ?? "").trim());
  }
  const urlLike = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI === NS.xmlns || checked.has(attr)) continue;
      for (const url of attr.value.match(urlLike) ?? []) {
        if (!url.toLowerCase().startsWith("https://")) {
          problems.push(`<${el.tagName} ${attr.name}> ${at(el)}: "${url}" is not https`);
        }
      }
    }
    const isLeaf = childElements(el).length === 0 && !(el.namespaceURI === NS.officeApp && el.localName === "AppDomain");
    for (const text of isLeaf ? [el.textContent ?? ""] : []) {
      for (const url of text.match(urlLike) ?? []) {
        if (!url.toLowerCase().startsWith("https://")) problems.push(`<${el.tagName}> ${at(el)}: "${url}" is not https`);
      }
    }
  }
  return problems;
}

/** Maps a URL on the dev origin's `/assets/` path to the file in `assetsDir`, or explains why it cannot. */
export function assetFileFor(url: string, ctx: ManifestContext): { file: string } | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `"${url}" is not a URL` };
  }
  if (parsed.origin !== ctx.devOrigin || !parsed.pathname.startsWith("/assets/")) {
    return { problem: `"${url}" is not served from ${ctx.devOrigin}/assets/, so it cannot be checked against assets/` };
  }
  const relative = decodeURIComponent(parsed.pathname.slice("/assets/".length));
  const file = path.resolve(ctx.assetsDir, relative);
  if (!file.startsWith(path.resolve(ctx.assetsDir) + path.sep)) return { problem: `"${url}" leaves assets/` };
  if (!existsSync(file)) return { problem: `"${url}" has no file assets/${relative}` };
  return { file };
}

/**
 * Icons: `<IconUrl>` is a 32 px PNG, `<HighResolutionIconUrl>` 64 px, and every `<bt:Image size="N" resid>` of a
 * ribbon `<Icon>` list names an N×N px PNG that exists in `assets/`; each list has the mandatory 16, 32 and 80 px.
 * Every other URL under `${devOrigin}/assets/` (e.g. the support page) must exist too.
 */
export function checkIcons(doc: Document, ctx: ManifestContext): string[] {
  const problems: string[] = [];
  const resources = readResources(doc);
  const checkPng = (where: string, url: string | null, size: number) => {
    const found = assetFileFor(url ?? "", ctx);
    if ("problem" in found) return problems.push(`${where}: ${found.problem}`);
    let dims: { width?: number; height?: number; type?: string };
    try {
      dims = imageSize(readFileSync(found.file));
    } catch (err) {
      return problems.push(`${where}: ${path.basename(found.file)} is not a readable image (${(err as Error).message})`);
    }
    if (dims.type !== "png") problems.push(`${where}: ${path.basename(found.file)} is ${dims.type}, expected png`);
    if (dims.width !== size || dims.height !== size) {
      problems.push(`${where}: ${path.basename(found.file)} is ${dims.width}×${dims.height} px, expected ${size}×${size} px`);
    }
  };
  const fixed: Array<[string, number]> = [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ];
  for (const [name, size] of fixed) {
    const el = elements(doc, NS.officeApp, name)[0];
    if (!el) problems.push(`<${name}> is missing (Office shows it in the add-in list)`);
    else checkPng(`<${name}> ${at(el)}`, el.getAttribute("DefaultValue"), size);
  }
  for (const icon of elements(doc, NS.taskpaneOverrides, "Icon")) {
    const images = childElements(icon, NS.basicTypes, "Image");
    const sizes = images.map((img) => Number(img.getAttribute("size")));
    for (const required of [16, 32, 80]) {
      if (!sizes.includes(required)) problems.push(`<Icon> ${at(icon)}: no ${required} px image (16, 32 and 80 are mandatory)`);
    }
    for (const img of images) {
      const resid = img.getAttribute("resid") ?? "";
      const resource = resources.Images.get(resid);
      if (!resource) continue; // reported by checkResourceReferences
      checkPng(
        `<bt:Image size="${img.getAttribute("size")}" resid="${resid}"> ${at(img)}`,
        resource.getAttribute("DefaultValue"),
        Number(img.getAttribute("size")),
      );
    }
  }
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const value = el.getAttribute("DefaultValue");
    if (value?.startsWith(`${ctx.devOrigin}/assets/`)) {
      const found = assetFileFor(value, ctx);
      if ("problem" in found) problems.push(`<${el.tagName}> ${at(el)}: ${found.problem}`);
    }
  }
  return problems;
}

/** API sets that exist only in one of the two apps: in the base `<Requirements>` they hide the add-in from the other. */
const HOST_SPECIFIC_SET = /^(WordApi|PowerPointApi)/i;

/**
 * Base requirements: `<OfficeApp><Requirements>` applies to every host, so naming WordApi* or PowerPointApi* there
 * hides Illustrate from the other app (shared/docs/office-hosts.md). Features are gated at run time instead, with
 * `Office.context.requirements.isSetSupported`.
 */
export function checkBaseRequirements(doc: Document): string[] {
  const problems: string[] = [];
  for (const requirements of childElements(root(doc), NS.officeApp, "Requirements")) {
    for (const set of elements(requirements, NS.officeApp, "Set")) {
      const name = set.getAttribute("Name") ?? "";
      if (HOST_SPECIFIC_SET.test(name)) {
        problems.push(
          `<Requirements><Set Name="${name}"> ${at(set)}: a host-specific API set in the base requirements hides the add-in from the other app`,
        );
      }
    }
  }
  return problems;
}

/**
 * Ribbon: in each host, the Home tab (`TabHome`) has a button whose `ShowTaskpane` action opens the same page as
 * `<DefaultSettings><SourceLocation>`, and group/control ids are unique across the manifest.
 */
export function checkRibbon(doc: Document): string[] {
  const problems: string[] = [];
  const resources = readResources(doc);
  const defaultSettings = childElements(root(doc), NS.officeApp, "DefaultSettings")[0];
  const paneUrl = defaultSettings && childElements(defaultSettings, NS.officeApp, "SourceLocation")[0]?.getAttribute("DefaultValue");
  const overrides = versionOverrides(doc);
  const hosts = overrides ? elements(overrides, NS.taskpaneOverrides, "Host") : [];
  for (const host of hosts) {
    const hostName = (host.getAttributeNS(NS.xsi, "type") ?? "").replace(/^.*:/, "");
    const homeTabs = elements(host, NS.taskpaneOverrides, "OfficeTab").filter((t) => t.getAttribute("id") === "TabHome");
    const opensPane = homeTabs.some((tab) =>
      elements(tab, NS.taskpaneOverrides, "Control").some((control) => {
        const action = childElements(control, NS.taskpaneOverrides, "Action")[0];
        if (!action || (action.getAttributeNS(NS.xsi, "type") ?? "").replace(/^.*:/, "") !== "ShowTaskpane") return false;
        const resid = childElements(action, NS.taskpaneOverrides, "SourceLocation")[0]?.getAttribute("resid") ?? "";
        return resources.Urls.get(resid)?.getAttribute("DefaultValue") === paneUrl;
      }),
    );
    if (!opensPane) {
      problems.push(`<Host xsi:type="${hostName}"> ${at(host)}: no Home-tab button whose ShowTaskpane action opens ${paneUrl ?? "the pane"}`);
    }
  }
  const seen = new Map<string, Element>();
  for (const name of ["Group", "Control"]) {
    for (const el of elements(doc, NS.taskpaneOverrides, name)) {
      const id = el.getAttribute("id") ?? "";
      const first = seen.get(id);
      if (first) problems.push(`<${name} id="${id}"> ${at(el)}: id already used at ${at(first)}`);
      else seen.set(id, el);
    }
  }
  return problems;
}
