// What the XML and the unified manifest each say about the add-in, in one shape, so a test can compare the two.
import { DOMParser, type Element } from "@xmldom/xmldom";

/** The facts both manifests must agree on. Strings are resolved per language (override, else the default). */
export interface ManifestFacts {
  id: string;
  /** `n.n.n` (the XML `<Version>` without its fourth part). */
  version: string;
  /** Unified scope names: `document` (Word), `presentation` (PowerPoint). */
  hosts: string[];
  taskpaneUrl: string;
  supportUrl: string;
  /** Ribbon icon URL by pixel size (16, 32, 80). */
  ribbonIcons: Record<string, string>;
  /** Per host scope: tab, group id, button id, the button's icon URLs and the URL it opens. */
  ribbons: Record<string, { tab: string; group: string; button: string; buttonIcons: Record<string, string>; opens: string }>;
  requirementSets: Array<{ name: string; minVersion: string }>;
  /** Hosts (`host:port`) the add-in may navigate to in its window: XML AppDomains, unified validDomains. */
  domains: string[];
  webApplicationInfo?: { id: string; resource: string };
  /** By language tag (`en`, `de`, …): the strings of the ribbon and the add-in's description. */
  strings: Record<
    string,
    { groupLabel: string; buttonLabel: string; tooltip: string; description: string; getStartedTitle: string; getStartedDescription: string }
  >;
}

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const XML_HOST_TO_SCOPE: Record<string, string> = { Document: "document", Presentation: "presentation" };

function all(el: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<Element> }, ns: string, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}
function one(el: { getElementsByTagNameNS(ns: string, n: string): ArrayLike<Element> }, ns: string, name: string): Element {
  const found = all(el, ns, name)[0];
  if (!found) throw new Error(`manifest.xml has no <${name}>`);
  return found;
}
function xsiType(el: Element): string {
  return (el.getAttributeNS(NS.xsi, "type") ?? "").replace(/^.*:/, "");
}

/**
 * Facts of an XML manifest. `languages` maps language tags to the `<Override Locale>` culture names (the first is the
 * default language).
 */
export function xmlFacts(xml: string, languages: Array<{ tag: string; locale: string }>): ManifestFacts {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const resource = (kind: string, id: string): Element => {
    const el = all(doc, NS.bt, "String")
      .concat(all(doc, NS.bt, "Url"), all(doc, NS.bt, "Image"))
      .find((candidate) => candidate.getAttribute("id") === id && (candidate.parentNode as Element).localName === kind);
    if (!el) throw new Error(`manifest.xml: no ${kind} resource "${id}"`);
    return el;
  };
  const localized = (el: Element, locale: string | undefined): string => {
    const override = Array.from(el.childNodes).find(
      (n): n is Element => n.nodeType === 1 && (n as Element).localName === "Override" && (n as Element).getAttribute("Locale") === locale,
    );
    return (override ?? el).getAttribute(override ? "Value" : "DefaultValue") ?? "";
  };
  const taskpaneUrl = one(one(doc, NS.app, "DefaultSettings"), NS.app, "SourceLocation").getAttribute("DefaultValue") ?? "";
  const ribbonIcons: Record<string, string> = {};
  for (const image of all(one(doc, NS.bt, "Images"), NS.bt, "Image")) {
    ribbonIcons[(image.getAttribute("id") ?? "").replace("Icon.", "")] = image.getAttribute("DefaultValue") ?? "";
  }
  const iconsOf = (parent: Element) =>
    Object.fromEntries(
      Array.from(parent.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === "Icon")
        .flatMap((icon) => all(icon, NS.bt, "Image"))
        .map((img) => [img.getAttribute("size") ?? "", resource("Images", img.getAttribute("resid") ?? "").getAttribute("DefaultValue") ?? ""]),
    );
  const ribbons: ManifestFacts["ribbons"] = {};
  for (const host of all(one(doc, NS.ov, "VersionOverrides"), NS.ov, "Host")) {
    const tab = one(host, NS.ov, "OfficeTab");
    const group = one(tab, NS.ov, "Group");
    const control = one(group, NS.ov, "Control");
    const opens = resource("Urls", one(one(control, NS.ov, "Action"), NS.ov, "SourceLocation").getAttribute("resid") ?? "");
    ribbons[XML_HOST_TO_SCOPE[xsiType(host)] ?? xsiType(host)] = {
      tab: tab.getAttribute("id") ?? "",
      group: group.getAttribute("id") ?? "",
      button: control.getAttribute("id") ?? "",
      buttonIcons: iconsOf(control),
      opens: opens.getAttribute("DefaultValue") ?? "",
    };
  }
  const base = doc.documentElement as unknown as Element;
  const baseRequirements = Array.from(base.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === "Requirements");
  const web = all(doc, NS.ov, "WebApplicationInfo")[0];
  const strings: ManifestFacts["strings"] = {};
  languages.forEach(({ tag, locale }, index) => {
    const l = index === 0 ? undefined : locale;
    strings[tag] = {
      groupLabel: localized(resource("ShortStrings", "Group.Label"), l),
      buttonLabel: localized(resource("ShortStrings", "CreateImage.Label"), l),
      tooltip: localized(resource("LongStrings", "CreateImage.Tooltip"), l),
      description: localized(one(doc, NS.app, "Description"), l),
      getStartedTitle: localized(resource("ShortStrings", "GetStarted.Title"), l),
      getStartedDescription: localized(resource("LongStrings", "GetStarted.Description"), l),
    };
  });
  return {
    id: (one(doc, NS.app, "Id").textContent ?? "").trim(),
    version: (one(doc, NS.app, "Version").textContent ?? "").trim().replace(/\.0$/, ""),
    hosts: all(one(doc, NS.app, "Hosts"), NS.app, "Host").map((h) => XML_HOST_TO_SCOPE[h.getAttribute("Name") ?? ""] ?? `?${h.getAttribute("Name")}`),
    taskpaneUrl,
    supportUrl: one(doc, NS.app, "SupportUrl").getAttribute("DefaultValue") ?? "",
    ribbonIcons,
    ribbons,
    requirementSets: baseRequirements
      ? all(baseRequirements, NS.app, "Set").map((s) => ({ name: s.getAttribute("Name") ?? "", minVersion: s.getAttribute("MinVersion") ?? "" }))
      : [],
    domains: all(doc, NS.app, "AppDomain").map((d) => new URL((d.textContent ?? "").trim()).host),
    ...(web
      ? {
          webApplicationInfo: {
            id: (one(web, NS.ov, "Id").textContent ?? "").trim(),
            resource: (one(web, NS.ov, "Resource").textContent ?? "").trim(),
          },
        }
      : {}),
    strings,
  };
}

/**
 * Facts of a unified app package: `files` maps file names (`manifest.json`, `de.json`, …) to parsed JSON. Strings of a
 * language come from its localizationInfo file, falling back to manifest.json per key (as Microsoft 365 does).
 */
export function unifiedFacts(files: Record<string, any>): ManifestFacts {
  const manifest = files["manifest.json"];
  const extension = manifest.extensions[0];
  const runtimeAction = (actionId: string) =>
    extension.runtimes.find((rt: any) => rt.actions?.some((a: any) => a.id === actionId && a.type === "openPage"));
  const iconMap = (icons: any[]) => Object.fromEntries(icons.map((icon) => [String(icon.size), icon.url]));
  const ribbons: ManifestFacts["ribbons"] = {};
  extension.ribbons.forEach((ribbon: any) => {
    const tab = ribbon.tabs[0];
    const group = tab.groups[0];
    const control = group.controls[0];
    for (const scope of ribbon.requirements?.scopes ?? extension.requirements.scopes) {
      ribbons[scope] = {
        tab: tab.builtInTabId,
        group: group.id,
        button: control.id,
        buttonIcons: iconMap(control.icons),
        opens: runtimeAction(control.actionId)?.code.page ?? `no openPage runtime for "${control.actionId}"`,
      };
    }
  });
  const languages: Array<{ tag: string; file?: string }> = [
    { tag: manifest.localizationInfo.defaultLanguageTag },
    ...manifest.localizationInfo.additionalLanguages.map((l: any) => ({ tag: l.languageTag, file: l.file })),
  ];
  const strings: ManifestFacts["strings"] = {};
  for (const { tag, file } of languages) {
    const translated = file ? files[file] : {};
    if (!translated) throw new Error(`appPackage: language file ${file} is missing`);
    const get = (key: string, fallback: string) => translated[key] ?? fallback;
    // One button per host: every ribbon must say the same, so differing ribbons show as "a | b" and fail the comparison.
    const perRibbon = (read: (group: any, prefix: string) => string) =>
      [
        ...new Set(
          extension.ribbons.map((ribbon: any, r: number) => read(ribbon.tabs[0].groups[0], `extensions[0].ribbons[${r}].tabs[0].groups[0]`)),
        ),
      ].join(" | ");
    strings[tag] = {
      groupLabel: perRibbon((group, prefix) => get(`${prefix}.label`, group.label)),
      buttonLabel: perRibbon((group, prefix) => {
        const label = get(`${prefix}.controls[0].label`, group.controls[0].label);
        const title = get(`${prefix}.controls[0].supertip.title`, group.controls[0].supertip.title);
        return label === title ? label : `${label} | supertip ${title}`;
      }),
      tooltip: perRibbon((group, prefix) => get(`${prefix}.controls[0].supertip.description`, group.controls[0].supertip.description)),
      description: get("description.full", manifest.description.full),
      getStartedTitle: get("extensions[0].getStartedMessages[0].title", extension.getStartedMessages[0].title),
      getStartedDescription: get("extensions[0].getStartedMessages[0].description", extension.getStartedMessages[0].description),
    };
  }
  const firstGroup = extension.ribbons[0].tabs[0].groups[0];
  return {
    id: manifest.id,
    version: manifest.version,
    hosts: extension.requirements.scopes,
    taskpaneUrl: runtimeAction(firstGroup.controls[0].actionId)?.code.page ?? "",
    supportUrl: manifest.developer.websiteUrl,
    ribbonIcons: iconMap(firstGroup.icons),
    ribbons,
    requirementSets: (extension.requirements.capabilities ?? []).map((c: any) => ({ name: c.name, minVersion: c.minVersion })),
    domains: manifest.validDomains ?? [],
    ...(manifest.webApplicationInfo
      ? { webApplicationInfo: { id: manifest.webApplicationInfo.id, resource: manifest.webApplicationInfo.resource } }
      : {}),
    strings,
  };
}
