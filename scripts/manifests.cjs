// Renders both manifests from manifest/addin.cjs: the XML add-in-only manifest and the unified (JSON) app package.
// CommonJS so webpack.config.js can require it; `npm run manifests` (scripts/manifests.mjs) writes the dev copies.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { zipSync } = require("fflate");
const { ADDIN } = require("../manifest/addin.cjs");

/** Where the pane is served in development (webpack.config.js DEV_SERVER_PORT). */
const DEV_PUBLIC_URL = "https://localhost:3000";
/** The local development issuer (scripts/build-config.cjs default authority). */
const DEV_AUTHORITY = "https://localhost:3002";
/** Microsoft Entra ID's sign-in origin: the Office dialog fallback navigates there. */
const ENTRA_ORIGIN = "https://login.microsoftonline.com";
/**
 * Microsoft 365 app manifest schema version of appPackage/manifest.json: the newest that @microsoft/app-manifest 1.1.2
 * ships (build/json-schemas/teams/v1.30) with the `document` and `presentation` scopes (Word, PowerPoint).
 */
const UNIFIED_MANIFEST_VERSION = "1.30";
/** Folder of the unified app package (manifest.json, language files, color.png, outline.png). */
const APP_PACKAGE_DIR = "appPackage";
/** The app package as one zip in APP_PACKAGE_DIR: what the Microsoft 365 admin center (Integrated apps → Upload) takes. */
const APP_PACKAGE_ZIP = "illustrate.zip";
/**
 * Time stamp of every zip entry: fixed, so the same files give the same zip bytes (the committed copy and the build
 * are compared byte for byte). Built from local fields: DOS times carry no time zone, so any machine writes 2000-01-01.
 */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses ILLUSTRATE_PUBLIC_URL: an absolute https URL (Office loads add-ins over https only), optionally with a path.
 * @returns the URL without a trailing slash
 * @throws Error naming the variable when it is not such a URL
 */
function parsePublicUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ILLUSTRATE_PUBLIC_URL must be an https URL such as https://contoso.example/illustrate, got "${value}"`);
  }
  if (url.protocol !== "https:" || url.search || url.hash || url.username || url.password) {
    throw new Error(`ILLUSTRATE_PUBLIC_URL must be an https URL without query, fragment or credentials, got "${value}"`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Manifest settings from the environment: ILLUSTRATE_PUBLIC_URL (where dist/ is served; default the dev server),
 * ILLUSTRATE_AUTHORITY (its origin becomes an AppDomain; the local issuer only for a localhost public URL, so a
 * public manifest names no localhost) and ILLUSTRATE_CLIENT_ID (when it is an Entra app id, a GUID, the manifests
 * carry webApplicationInfo with resource `api://<public host>/<client id>`, the SSO/NAA convention).
 * @param {Record<string, string | undefined>} env usually `process.env`
 * @returns {{ publicUrl: string, appDomains: string[], webApplicationInfo?: { id: string, resource: string } }}
 * @throws Error for a malformed ILLUSTRATE_PUBLIC_URL or ILLUSTRATE_AUTHORITY
 */
function manifestSettingsFromEnv(env) {
  const value = (name) => (env[name] && env[name].trim() !== "" ? env[name].trim() : undefined);
  const publicUrl = value("ILLUSTRATE_PUBLIC_URL") ? parsePublicUrl(value("ILLUSTRATE_PUBLIC_URL")) : DEV_PUBLIC_URL;
  const publicIsLocal = LOCAL_HOSTS.has(new URL(publicUrl).hostname);
  let authority;
  try {
    authority = new URL(value("ILLUSTRATE_AUTHORITY") ?? DEV_AUTHORITY);
  } catch {
    throw new Error(`ILLUSTRATE_AUTHORITY must be a URL, got "${value("ILLUSTRATE_AUTHORITY")}"`);
  }
  const appDomains = [];
  if (!LOCAL_HOSTS.has(authority.hostname) || publicIsLocal) appDomains.push(authority.origin);
  if (!appDomains.includes(ENTRA_ORIGIN)) appDomains.push(ENTRA_ORIGIN);
  const clientId = value("ILLUSTRATE_CLIENT_ID");
  const settings = { publicUrl, appDomains };
  if (clientId && GUID.test(clientId)) {
    settings.webApplicationInfo = { id: clientId.toLowerCase(), resource: `api://${new URL(publicUrl).host}/${clientId.toLowerCase()}` };
  }
  return settings;
}

/** Absolute URL of a path of the add-in under the public URL. */
function at(settings, relative) {
  return `${settings.publicUrl}/${relative}`;
}

/** XML attribute/text escaping. */
function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The non-default languages (the ones written as overrides / additional language files). */
function translations(addin) {
  return addin.languages.slice(1);
}

/** `<… DefaultValue="en"><Override Locale Value/>…</…>` for one string key; `tag` is the element, `prefix` the override's. */
function localized(addin, indent, tag, attrs, key, overridePrefix) {
  const def = addin.strings[addin.languages[0].tag][key];
  // A translation equal to the default (the product name) needs no override: Office falls back to DefaultValue.
  const overrides = translations(addin)
    .filter((lang) => addin.strings[lang.tag][key] !== def)
    .map((lang) => `${indent}  <${overridePrefix}Override Locale="${lang.locale}" Value="${esc(addin.strings[lang.tag][key])}"/>`);
  if (overrides.length === 0) return `${indent}<${tag}${attrs} DefaultValue="${esc(def)}"/>`;
  return `${indent}<${tag}${attrs} DefaultValue="${esc(def)}">\n${overrides.join("\n")}\n${indent}</${tag}>`;
}

/** Ids of one host's ribbon group and button, e.g. `Illustrate.Word.Group` (XML ids are unique across the manifest). */
function ribbonIds(addin, host) {
  return { group: `Illustrate.${host.key}.${addin.ribbon.groupId}`, button: `Illustrate.${host.key}.${addin.ribbon.buttonId}` };
}

/**
 * The XML add-in-only manifest (OfficeApp 1.1, VersionOverrides 1.0). Element order is the schema's.
 * @param {typeof ADDIN} addin
 * @param {ReturnType<typeof manifestSettingsFromEnv>} settings
 * @returns {string} the manifest text
 */
function renderXmlManifest(addin, settings) {
  const icons = (indent) =>
    [`${indent}<Icon>`, ...[16, 32, 80].map((size) => `${indent}  <bt:Image size="${size}" resid="Icon.${size}"/>`), `${indent}</Icon>`].join("\n");
  const hostBlock = (host) => {
    const ids = ribbonIds(addin, host);
    return `      <Host xsi:type="${host.xml}">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="Support.Url"/>
          </GetStarted>
          <FunctionFile resid="Commands.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="${addin.ribbon.tab}">
              <Group id="${ids.group}">
                <Label resid="Group.Label"/>
${icons("                ")}
                <Control xsi:type="Button" id="${ids.button}">
                  <Label resid="CreateImage.Label"/>
                  <Supertip>
                    <Title resid="CreateImage.Label"/>
                    <Description resid="CreateImage.Tooltip"/>
                  </Supertip>
${icons("                  ")}
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>${addin.taskpaneId}</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>`;
  };
  const requirements = addin.requirementSets.length
    ? `  <Requirements>
    <Sets DefaultMinVersion="1.1">
${addin.requirementSets.map((set) => `      <Set Name="${esc(set.name)}" MinVersion="${esc(set.minVersion)}"/>`).join("\n")}
    </Sets>
  </Requirements>
`
    : "";
  const web = settings.webApplicationInfo
    ? `    <WebApplicationInfo>
      <Id>${esc(settings.webApplicationInfo.id)}</Id>
      <Resource>${esc(settings.webApplicationInfo.resource)}</Resource>
      <Scopes>
${addin.ssoScopes.map((scope) => `        <Scope>${esc(scope)}</Scope>`).join("\n")}
      </Scopes>
    </WebApplicationInfo>
`
    : "";
  const i = "        ";
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by \`npm run manifests\` from manifest/addin.cjs (scripts/manifests.cjs): edit those, not this file. -->
<!-- Add-in-only XML manifest of Illustrate for Word and PowerPoint, for ${esc(settings.publicUrl)}. -->
<!--
  Checked by test/unit/manifest/: xmllint against ../shared/schemas/office-manifest/, plus what the 2016-2019 schemas
  miss (host names, resid kinds, https only, icon pixel sizes, no WordApi/PowerPointApi in the base <Requirements>: it
  applies to every host and would hide the add-in from the other app; features are gated at run time with
  Office.context.requirements.isSetSupported), and that it says what appPackage/manifest.json says.
-->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xsi:type="TaskPaneApp">
  <Id>${addin.id}</Id>
  <Version>${addin.version}.0</Version>
  <ProviderName>${esc(addin.provider)}</ProviderName>
  <DefaultLocale>${addin.languages[0].locale}</DefaultLocale>
${localized(addin, "  ", "DisplayName", "", "displayName", "")}
${localized(addin, "  ", "Description", "", "description", "")}
  <IconUrl DefaultValue="${esc(at(settings, addin.icons.icon))}"/>
  <HighResolutionIconUrl DefaultValue="${esc(at(settings, addin.icons.highResolution))}"/>
  <SupportUrl DefaultValue="${esc(at(settings, addin.pages.support))}"/>
  <AppDomains>
${settings.appDomains.map((domain) => `    <AppDomain>${esc(domain)}</AppDomain>`).join("\n")}
  </AppDomains>
  <Hosts>
${addin.hosts.map((host) => `    <Host Name="${host.xml}"/>`).join("\n")}
  </Hosts>
${requirements}  <DefaultSettings>
    <SourceLocation DefaultValue="${esc(at(settings, addin.pages.taskpane))}"/>
  </DefaultSettings>
  <Permissions>${addin.permissions}</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
${addin.hosts.map(hostBlock).join("\n")}
    </Hosts>
    <Resources>
      <bt:Images>
${[16, 32, 80].map((size) => `        <bt:Image id="Icon.${size}" DefaultValue="${esc(at(settings, addin.icons.ribbon[size]))}"/>`).join("\n")}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${esc(at(settings, addin.pages.taskpane))}"/>
        <bt:Url id="Commands.Url" DefaultValue="${esc(at(settings, addin.pages.commands))}"/>
        <bt:Url id="Support.Url" DefaultValue="${esc(at(settings, addin.pages.support))}"/>
      </bt:Urls>
      <bt:ShortStrings>
${localized(addin, i, "bt:String", ' id="GetStarted.Title"', "getStartedTitle", "bt:")}
${localized(addin, i, "bt:String", ' id="Group.Label"', "groupLabel", "bt:")}
${localized(addin, i, "bt:String", ' id="CreateImage.Label"', "buttonLabel", "bt:")}
      </bt:ShortStrings>
      <bt:LongStrings>
${localized(addin, i, "bt:String", ' id="GetStarted.Description"', "getStartedDescription", "bt:")}
${localized(addin, i, "bt:String", ' id="CreateImage.Tooltip"', "tooltip", "bt:")}
      </bt:LongStrings>
    </Resources>
${web}  </VersionOverrides>
</OfficeApp>
`;
}

/** Localized keys of the unified manifest (localizationInfo language files) → the string key in addin.strings. */
function unifiedStringKeys(addin) {
  const keys = { "name.short": "displayName", "description.short": "summary", "description.full": "description" };
  addin.hosts.forEach((_, r) => {
    const group = `extensions[0].ribbons[${r}].tabs[0].groups[0]`;
    keys[`${group}.label`] = "groupLabel";
    keys[`${group}.controls[0].label`] = "buttonLabel";
    keys[`${group}.controls[0].supertip.title`] = "buttonLabel";
    keys[`${group}.controls[0].supertip.description`] = "tooltip";
  });
  keys["extensions[0].getStartedMessages[0].title"] = "getStartedTitle";
  keys["extensions[0].getStartedMessages[0].description"] = "getStartedDescription";
  return keys;
}

/**
 * The unified app package (Microsoft 365 app manifest v1.30): `manifest.json` in English, one language file per
 * translation (`<tag>.json`), and the two app icons to copy in.
 * @returns {{ json: Record<string, object>, copies: Record<string, string> }} file name → JSON content; file name →
 *   absolute path of the source file to copy
 */
function renderUnifiedPackage(addin, settings) {
  const en = addin.strings[addin.languages[0].tag];
  const ribbonIcons = [16, 32, 80].map((size) => ({ size, url: at(settings, addin.icons.ribbon[size]) }));
  const manifest = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    id: addin.id,
    version: addin.version,
    name: { short: en.displayName },
    description: { short: en.summary, full: en.description },
    developer: {
      name: addin.provider,
      websiteUrl: at(settings, addin.pages.support),
      privacyUrl: `${at(settings, addin.pages.support)}#privacy`,
      termsOfUseUrl: `${at(settings, addin.pages.support)}#terms`,
    },
    localizationInfo: {
      defaultLanguageTag: addin.languages[0].tag,
      additionalLanguages: translations(addin).map((lang) => ({ languageTag: lang.tag, file: `${lang.tag}.json` })),
    },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: addin.accentColor,
    validDomains: settings.appDomains.map((origin) => new URL(origin).host),
    ...(settings.webApplicationInfo ? { webApplicationInfo: { ...settings.webApplicationInfo } } : {}),
    extensions: [
      {
        requirements: {
          scopes: addin.hosts.map((host) => host.scope),
          ...(addin.requirementSets.length ? { capabilities: addin.requirementSets.map((set) => ({ ...set })) } : {}),
        },
        runtimes: [
          {
            id: "TaskpaneRuntime",
            type: "general",
            code: { page: at(settings, addin.pages.taskpane) },
            lifetime: "long",
            actions: [{ id: addin.taskpaneId, type: "openPage" }],
          },
        ],
        ribbons: addin.hosts.map((host) => {
          const ids = ribbonIds(addin, host);
          return {
            requirements: { scopes: [host.scope] },
            contexts: ["default"],
            tabs: [
              {
                builtInTabId: addin.ribbon.tab,
                groups: [
                  {
                    id: ids.group,
                    label: en.groupLabel,
                    icons: ribbonIcons,
                    controls: [
                      {
                        id: ids.button,
                        type: "button",
                        label: en.buttonLabel,
                        icons: ribbonIcons,
                        supertip: { title: en.buttonLabel, description: en.tooltip },
                        actionId: addin.taskpaneId,
                      },
                    ],
                  },
                ],
              },
            ],
          };
        }),
        getStartedMessages: [{ title: en.getStartedTitle, description: en.getStartedDescription, learnMoreUrl: at(settings, addin.pages.support) }],
      },
    ],
  };
  const json = { "manifest.json": manifest };
  const keys = unifiedStringKeys(addin);
  for (const lang of translations(addin)) {
    const file = {
      $schema: `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    };
    for (const [jsonKey, key] of Object.entries(keys)) file[jsonKey] = addin.strings[lang.tag][key];
    json[`${lang.tag}.json`] = file;
  }
  const root = path.resolve(__dirname, "..");
  return { json, copies: { "color.png": path.join(root, addin.icons.color), "outline.png": path.join(root, addin.icons.outline) } };
}

/**
 * The app package zip: `entries` (file name → bytes) at the zip's root, as the admin center and Teams expect
 * (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package), deflated, with fixed times.
 * @param {Map<string, Buffer>} entries
 * @returns {Buffer}
 */
function appPackageZip(entries) {
  const zippable = {};
  for (const [name, content] of [...entries].sort(([a], [b]) => a.localeCompare(b))) zippable[name] = new Uint8Array(content);
  return Buffer.from(zipSync(zippable, { level: 9, mtime: ZIP_ENTRY_TIME }));
}

/**
 * Every manifest file, relative to the output folder: `manifest.xml`, `appPackage/…` and the zip of appPackage's
 * files (`appPackage/illustrate.zip`), as bytes.
 * @returns {Map<string, Buffer>}
 */
function manifestFiles(settings, addin = ADDIN) {
  const files = new Map([["manifest.xml", Buffer.from(renderXmlManifest(addin, settings))]]);
  const pkg = renderUnifiedPackage(addin, settings);
  const entries = new Map();
  for (const [name, content] of Object.entries(pkg.json)) entries.set(name, Buffer.from(`${JSON.stringify(content, null, 2)}\n`));
  for (const [name, source] of Object.entries(pkg.copies)) entries.set(name, fs.readFileSync(source));
  for (const [name, content] of entries) files.set(`${APP_PACKAGE_DIR}/${name}`, content);
  files.set(`${APP_PACKAGE_DIR}/${APP_PACKAGE_ZIP}`, appPackageZip(entries));
  return files;
}

/** Writes {@link manifestFiles} under `outDir`; returns the paths written. */
function writeManifests(outDir, settings) {
  const written = [];
  for (const [name, content] of manifestFiles(settings)) {
    const file = path.join(outDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(file);
  }
  return written;
}

module.exports = {
  APP_PACKAGE_DIR,
  APP_PACKAGE_ZIP,
  appPackageZip,
  DEV_PUBLIC_URL,
  UNIFIED_MANIFEST_VERSION,
  manifestSettingsFromEnv,
  renderXmlManifest,
  renderUnifiedPackage,
  unifiedStringKeys,
  manifestFiles,
  writeManifests,
};
