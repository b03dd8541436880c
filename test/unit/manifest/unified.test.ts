// The unified manifest (appPackage/) against Microsoft's JSON schema, and both manifests against their one description.
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { imageSize } from "image-size";
import sharp from "sharp";
import { unifiedFacts, xmlFacts } from "./manifestFacts";

// CommonJS modules shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, shared with webpack.config.js
const manifests = require("../../../scripts/manifests.cjs") as typeof import("../../../scripts/manifests.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, shared with webpack.config.js
const { ADDIN } = require("../../../manifest/addin.cjs") as typeof import("../../../manifest/addin.cjs");

const REPO = path.resolve(__dirname, "../../..");
const SCHEMA_DIR = path.join(REPO, `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${manifests.UNIFIED_MANIFEST_VERSION}`);
const XSD = process.env.ILLUSTRATE_SCHEMAS
  ? path.join(path.resolve(process.env.ILLUSTRATE_SCHEMAS), "OfficeAppManifestV1_1.xsd")
  : path.resolve(REPO, "../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd");

/** Microsoft's schemas are draft-04 with patterns that are not valid `u`-flag regular expressions. */
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateManifest = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, "MicrosoftTeams.schema.json"), "utf8")));
const validateLanguage = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, "MicrosoftTeams.Localization.schema.json"), "utf8")));

/** Schema errors of a package's JSON files, as "file: path message" lines (empty when valid). */
function schemaErrors(json: Record<string, unknown>): string[] {
  return Object.entries(json).flatMap(([name, content]) => {
    const validate = name === "manifest.json" ? validateManifest : validateLanguage;
    return validate(content) ? [] : (validate.errors ?? []).map((e) => `${name}: ${e.instancePath || "/"} ${e.message}`);
  });
}

/** Parsed JSON files and XML text of the rendered manifests for some settings. */
function rendered(settings: ReturnType<typeof manifests.manifestSettingsFromEnv>) {
  const files = manifests.manifestFiles(settings);
  const json: Record<string, any> = {};
  for (const [name, content] of files) {
    if (name.endsWith(".json")) json[path.basename(name)] = JSON.parse(content.toString("utf8"));
  }
  return { files, json, xml: files.get("manifest.xml")!.toString("utf8") };
}

function xmllint(text: string): { status: number; output: string } {
  if (!existsSync(XSD)) throw new Error(`Office manifest schema not found at ${XSD} (see test/unit/manifest/manifest.test.ts)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "illustrate-manifest-"));
  try {
    writeFileSync(path.join(dir, "manifest.xml"), text);
    const run = spawnSync("xmllint", ["--nonet", "--noout", "--schema", XSD, path.join(dir, "manifest.xml")], { encoding: "utf8" });
    if (run.error) throw new Error(`xmllint could not run: ${run.error.message} (install libxml2-utils)`);
    return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DEV = manifests.manifestSettingsFromEnv({});
const PANE_APP_ID = "2b5c7e0a-4f1d-4c8e-9a61-3d2f0b7c9e11";
const PRODUCTION = manifests.manifestSettingsFromEnv({
  ILLUSTRATE_PUBLIC_URL: "https://contoso.example/illustrate/",
  ILLUSTRATE_CLIENT_ID: PANE_APP_ID,
  ILLUSTRATE_AUTHORITY: "https://login.microsoftonline.com/00000000-0000-0000-0000-00000000c0de",
});

describe("the committed manifests", () => {
  it("are what `npm run manifests` writes from manifest/addin.cjs (run it after changing the description)", () => {
    for (const [name, content] of manifests.manifestFiles(DEV)) {
      const file = path.join(REPO, name);
      expect({ name, exists: existsSync(file) }).toEqual({ name, exists: true });
      expect({ name, same: readFileSync(file).equals(content) }).toEqual({ name, same: true });
    }
  });

  it("carry the version of package.json", () => {
    expect(ADDIN.version).toBe(JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")).version);
  });
});

describe("appPackage/ against the Microsoft 365 app manifest schema (@microsoft/app-manifest, offline)", () => {
  it(`validates manifest.json (v${manifests.UNIFIED_MANIFEST_VERSION}) and every language file`, () => {
    const { json } = rendered(DEV);
    expect(Object.keys(json).sort()).toEqual(["ar.json", "de.json", "es.json", "fr.json", "ja.json", "manifest.json"]);
    expect(json["manifest.json"].manifestVersion).toBe(manifests.UNIFIED_MANIFEST_VERSION);
    expect(json["manifest.json"].$schema).toContain(`/teams/v${manifests.UNIFIED_MANIFEST_VERSION}/`);
    expect(schemaErrors(json)).toEqual([]);
    expect(schemaErrors(rendered(PRODUCTION).json)).toEqual([]);
  });

  it("rejects a wrong scope, a long short description and an unknown language key (so the check can fail)", () => {
    const { json } = rendered(DEV);
    json["manifest.json"].extensions[0].requirements.scopes = ["word"];
    json["manifest.json"].description.short = "x".repeat(81);
    json["de.json"]["extensions[0].ribbons[0].tabs[0].groups[0].controls[0].lable"] = "Bild";
    const errors = schemaErrors(json).join("\n");
    expect(errors).toMatch(/manifest.json: \/extensions\/0\/requirements\/scopes\/0 must be equal to one of the allowed values/);
    expect(errors).toMatch(/manifest.json: \/description\/short must NOT have more than 80 characters/);
    expect(errors).toMatch(/de.json: \/ must NOT have additional properties/);
  });

  it("ships the app icons the schema asks for: color 192×192 px, outline 32×32 px white on transparent", async () => {
    const color = readFileSync(path.join(REPO, "appPackage/color.png"));
    const outline = readFileSync(path.join(REPO, "appPackage/outline.png"));
    expect(imageSize(color)).toMatchObject({ type: "png", width: 192, height: 192 });
    expect(imageSize(outline)).toMatchObject({ type: "png", width: 32, height: 32 });
    const { data, info } = await sharp(outline).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let opaque = 0;
    let transparent = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i + 3] === 0) transparent++;
      else {
        opaque++;
        if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite.push(i / info.channels);
      }
    }
    expect({ notWhite: notWhite.length, hasShape: opaque > 50, hasBackground: transparent > 300 }).toEqual({
      notWhite: 0,
      hasShape: true,
      hasBackground: true,
    });
  });
});

describe(`the app package zip (appPackage/${manifests.APP_PACKAGE_ZIP}) for the admin center`, () => {
  for (const [label, settings] of [
    ["development", DEV],
    ["production", PRODUCTION],
  ] as const) {
    it(`for ${label}: unzips to manifest.json, its language files and both icons at the root, schema-valid, icons at size`, () => {
      const { files } = rendered(settings);
      const zip = files.get(`${manifests.APP_PACKAGE_DIR}/${manifests.APP_PACKAGE_ZIP}`);
      expect(zip).toBeDefined();
      const entries = unzipSync(new Uint8Array(zip!));
      const json = Object.fromEntries(
        Object.entries(entries)
          .filter(([name]) => name.endsWith(".json"))
          .map(([name, bytes]) => [name, JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, any>]),
      );
      const manifest = json["manifest.json"];
      const named = [
        "manifest.json",
        manifest.icons.color,
        manifest.icons.outline,
        ...manifest.localizationInfo.additionalLanguages.map((lang: { file: string }) => lang.file),
      ];
      // Exactly the files the manifest names, at the root (no folder: the admin center rejects a nested manifest).
      expect(Object.keys(entries).sort()).toEqual([...named].sort());
      expect(schemaErrors(json)).toEqual([]);
      expect(manifest.extensions[0].runtimes[0].code.page).toBe(`${settings.publicUrl}/taskpane.html`);
      expect(imageSize(entries[manifest.icons.color])).toMatchObject({ type: "png", width: 192, height: 192 });
      expect(imageSize(entries[manifest.icons.outline])).toMatchObject({ type: "png", width: 32, height: 32 });
      // Each entry is the loose file beside it, byte for byte.
      for (const [name, bytes] of Object.entries(entries)) {
        expect({ name, same: Buffer.from(bytes).equals(files.get(`${manifests.APP_PACKAGE_DIR}/${name}`)!) }).toEqual({ name, same: true });
      }
    });
  }

  it("is the same bytes for the same files (so the committed copy can be checked) and changes with them", () => {
    const entries = new Map([["manifest.json", Buffer.from("{}")]]);
    expect(manifests.appPackageZip(entries).equals(manifests.appPackageZip(new Map(entries)))).toBe(true);
    expect(manifests.appPackageZip(entries).equals(manifests.appPackageZip(new Map([["manifest.json", Buffer.from("{ }")]])))).toBe(false);
  });
});

describe("manifest.xml and appPackage/manifest.json say the same", () => {
  for (const [label, settings] of [
    ["development", DEV],
    ["production", PRODUCTION],
  ] as const) {
    it(`for ${label}: hosts, URLs, icons, ids, requirement sets, domains, SSO app and strings in ${ADDIN.languages.length} languages`, () => {
      const { xml, json } = rendered(settings);
      const fromXml = xmlFacts(xml, ADDIN.languages);
      expect(unifiedFacts(json)).toEqual(fromXml);
      // And both say what the description says.
      expect(fromXml).toMatchObject({
        id: ADDIN.id,
        hosts: ["document", "presentation"],
        taskpaneUrl: `${settings.publicUrl}/taskpane.html`,
        ribbonIcons: {
          16: `${settings.publicUrl}/assets/icon-16.png`,
          32: `${settings.publicUrl}/assets/icon-32.png`,
          80: `${settings.publicUrl}/assets/icon-80.png`,
        },
        ribbons: {
          document: {
            tab: "TabHome",
            group: "Illustrate.Word.Group",
            button: "Illustrate.Word.CreateImage",
            opens: `${settings.publicUrl}/taskpane.html`,
          },
          presentation: {
            tab: "TabHome",
            group: "Illustrate.PowerPoint.Group",
            button: "Illustrate.PowerPoint.CreateImage",
            opens: `${settings.publicUrl}/taskpane.html`,
          },
        },
        requirementSets: [{ name: "DialogApi", minVersion: "1.1" }],
      });
      for (const { tag } of ADDIN.languages) {
        const s = ADDIN.strings[tag as keyof typeof ADDIN.strings];
        expect(fromXml.strings[tag]).toEqual({
          groupLabel: s.groupLabel,
          buttonLabel: s.buttonLabel,
          tooltip: s.tooltip,
          description: s.description,
          getStartedTitle: s.getStartedTitle,
          getStartedDescription: s.getStartedDescription,
        });
      }
    });
  }

  it("fails when they disagree: another pane URL, a missing translation, a renamed button, one host less", () => {
    const { xml, json } = rendered(DEV);
    const expected = xmlFacts(xml, ADDIN.languages);
    const manifest = json["manifest.json"];
    manifest.extensions[0].runtimes[0].code.page = "https://localhost:3000/other.html";
    delete json["ja.json"]["extensions[0].ribbons[1].tabs[0].groups[0].controls[0].supertip.description"];
    manifest.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].id = "Illustrate.Word.Create";
    manifest.extensions[0].requirements.scopes = ["document"];
    const facts = unifiedFacts(json);
    expect(facts.taskpaneUrl).not.toBe(expected.taskpaneUrl);
    expect(facts.ribbons.document.opens).toBe("https://localhost:3000/other.html");
    expect(facts.ribbons.document.button).toBe("Illustrate.Word.Create");
    expect(facts.strings.ja.tooltip).toBe(`${ADDIN.strings.ja.tooltip} | ${ADDIN.strings.en.tooltip}`);
    expect(facts.hosts).toEqual(["document"]);
    expect(facts).not.toEqual(expected);
  });

  it("fails when an XML override is lost", () => {
    const { xml } = rendered(DEV);
    const broken = xml.replace(`<bt:Override Locale="de-DE" Value="${ADDIN.strings.de.buttonLabel}"/>`, "");
    expect(broken).not.toBe(xml);
    expect(xmlFacts(broken, ADDIN.languages).strings.de.buttonLabel).toBe(ADDIN.strings.en.buttonLabel);
  });
});

describe("a production manifest (ILLUSTRATE_PUBLIC_URL=https://contoso.example/illustrate)", () => {
  const { files, xml, json } = rendered(PRODUCTION);

  it("names no localhost in any file and uses the public URL", () => {
    for (const [name, content] of files) {
      if (name.endsWith(".png")) continue;
      expect({ name, localhost: /localhost|127\.0\.0\.1/.test(content.toString("utf8")) }).toEqual({ name, localhost: false });
    }
    expect(xml).toContain('<SourceLocation DefaultValue="https://contoso.example/illustrate/taskpane.html"/>');
    expect(json["manifest.json"].extensions[0].runtimes[0].code.page).toBe("https://contoso.example/illustrate/taskpane.html");
    expect(json["manifest.json"].validDomains).toEqual(["login.microsoftonline.com"]);
  });

  it("carries the pane's Entra app as webApplicationInfo in both, and the XML stays schema-valid", () => {
    const web = { id: PANE_APP_ID, resource: `api://contoso.example/${PANE_APP_ID}` };
    expect(json["manifest.json"].webApplicationInfo).toEqual(web);
    expect(xmlFacts(xml, ADDIN.languages).webApplicationInfo).toEqual(web);
    const { status, output } = xmllint(xml);
    expect(output).toContain("validates");
    expect(status).toBe(0);
  });

  it("has no webApplicationInfo for the development client id, which is no Entra app id", () => {
    expect(rendered(DEV).json["manifest.json"].webApplicationInfo).toBeUndefined();
    expect(rendered(DEV).xml).not.toContain("WebApplicationInfo");
  });

  it("refuses a public URL that is not https", () => {
    expect(() => manifests.manifestSettingsFromEnv({ ILLUSTRATE_PUBLIC_URL: "http://contoso.example" })).toThrow(
      /ILLUSTRATE_PUBLIC_URL must be an https URL/,
    );
    expect(() => manifests.manifestSettingsFromEnv({ ILLUSTRATE_PUBLIC_URL: "contoso.example" })).toThrow(
      /ILLUSTRATE_PUBLIC_URL must be an https URL/,
    );
  });
});
