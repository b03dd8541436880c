// Validates manifest.xml: xmllint against Microsoft's schemas, then the checks those schemas miss, each shown to fail on a broken copy.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  checkBaseRequirements,
  checkHosts,
  checkHttps,
  checkIcons,
  checkResourceReferences,
  checkRibbon,
  parseManifest,
  type ManifestContext,
} from "./manifestChecks";

const REPO = path.resolve(__dirname, "../../..");
const MANIFEST = path.join(REPO, "manifest.xml");
/** shared/ sits beside the repository (`../shared` from the project root); ILLUSTRATE_SCHEMAS overrides it. */
const SCHEMAS = process.env.ILLUSTRATE_SCHEMAS
  ? path.resolve(process.env.ILLUSTRATE_SCHEMAS)
  : path.resolve(__dirname, "../../../../shared/schemas/office-manifest");
const SCHEMA = path.join(SCHEMAS, "OfficeAppManifestV1_1.xsd");
const CTX: ManifestContext = { devOrigin: "https://localhost:3000", assetsDir: path.join(REPO, "assets") };

const manifestText = readFileSync(MANIFEST, "utf8");

/** Runs `xmllint --nonet --noout --schema` on a file; throws a clear error when xmllint or the schemas are missing. */
function xmllint(file: string): { status: number; output: string } {
  if (!existsSync(SCHEMA)) {
    throw new Error(
      `Office manifest schema not found at ${SCHEMA}. Expected shared/ beside the repository ` +
        `(../shared/schemas/office-manifest) or ILLUSTRATE_SCHEMAS=<folder with OfficeAppManifestV1_1.xsd>.`,
    );
  }
  const run = spawnSync("xmllint", ["--nonet", "--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? "xmllint is not installed: install Debian's libxml2-utils (apt-get install -y libxml2-utils) or run .ci/run"
        : `xmllint could not run: ${run.error.message}`,
    );
  }
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

/** A copy of the manifest with `from` replaced by `to`; throws if `from` is absent so no mutation is a silent no-op. */
function broken(from: string, to: string): string {
  if (!manifestText.includes(from)) throw new Error(`test setup: "${from}" is not in manifest.xml`);
  return manifestText.replace(from, to);
}

/** Writes `text` to a temporary file and runs xmllint on it. */
function xmllintText(text: string): { status: number; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "illustrate-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    writeFileSync(file, text);
    return xmllint(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("manifest.xml against the Office add-in schemas (xmllint)", () => {
  it("validates", () => {
    const { status, output } = xmllint(MANIFEST);
    expect(output).toContain("validates");
    expect(status).toBe(0);
  });

  it("rejects elements out of schema order (so the check can fail)", () => {
    const swapped = broken('<DisplayName DefaultValue="Illustrate"/>', "").replace(
      "</DefaultLocale>",
      "</DefaultLocale>\n  <Permissions>ReadWriteDocument</Permissions>",
    );
    const { status, output } = xmllintText(swapped);
    expect(status).toBe(3);
    expect(output).toMatch(/This element is not expected/);
  });

  it("accepts a wrong host name, which is why checkHosts exists", () => {
    const { status } = xmllintText(broken('<Host Name="Presentation"/>', '<Host Name="PowerPoint"/>'));
    expect(status).toBe(0);
  });
});

describe("manifest.xml checks the schemas miss", () => {
  const doc = parseManifest(manifestText);

  it("passes every check", () => {
    expect({
      hosts: checkHosts(doc),
      resources: checkResourceReferences(doc),
      https: checkHttps(doc),
      icons: checkIcons(doc, CTX),
      requirements: checkBaseRequirements(doc),
      ribbon: checkRibbon(doc),
    }).toEqual({ hosts: [], resources: [], https: [], icons: [], requirements: [], ribbon: [] });
  });

  describe("host names are exactly Document and Presentation", () => {
    it("flags PowerPoint spelled as the app name", () => {
      const problems = checkHosts(parseManifest(broken('<Host Name="Presentation"/>', '<Host Name="PowerPoint"/>')));
      expect(problems.join("\n")).toMatch(/host "PowerPoint" is not one of Document, Presentation/);
      expect(problems.join("\n")).toMatch(/<Hosts>: host "Presentation" appears 0 times/);
    });
    it("flags a host missing from VersionOverrides", () => {
      const problems = checkHosts(parseManifest(broken('<Host xsi:type="Presentation">', '<Host xsi:type="Workbook">')));
      expect(problems.join("\n")).toMatch(/<VersionOverrides><Hosts>: host "Presentation" appears 0 times/);
    });
  });

  describe("every resid resolves to a resource of the right kind", () => {
    it("flags an undefined resid", () => {
      const problems = checkResourceReferences(
        parseManifest(broken('<Description resid="CreateImage.Tooltip"/>', '<Description resid="CreateImage.Tootlip"/>')),
      );
      expect(problems.join("\n")).toMatch(/resid "CreateImage.Tootlip" is not defined in <Resources> LongStrings/);
    });
    it("flags a long string used as a label", () => {
      const problems = checkResourceReferences(parseManifest(broken('<Label resid="Group.Label"/>', '<Label resid="CreateImage.Tooltip"/>')));
      expect(problems.join("\n")).toMatch(/resid "CreateImage.Tooltip" is in LongStrings, but <Label> needs one in ShortStrings/);
    });
    it("flags a resource nobody references", () => {
      const problems = checkResourceReferences(
        parseManifest(broken("</bt:ShortStrings>", '  <bt:String id="Unused.Label" DefaultValue="Unused"/>\n      </bt:ShortStrings>')),
      );
      expect(problems).toEqual(['<Resources> ShortStrings "Unused.Label" is defined but never referenced']);
    });
  });

  describe("every URL is https", () => {
    it("flags an http function file", () => {
      const problems = checkHttps(parseManifest(broken('"https://localhost:3000/commands.html"', '"http://localhost:3000/commands.html"')));
      expect(problems).toEqual([expect.stringMatching(/<bt:Url> line \d+: "http:\/\/localhost:3000\/commands.html" is not an absolute https URL/)]);
    });
    it("flags an http AppDomain and a relative support URL", () => {
      const problems = checkHttps(
        parseManifest(
          broken("<AppDomain>https://localhost:3002</AppDomain>", "<AppDomain>http://localhost:3002</AppDomain>").replace(
            '<SupportUrl DefaultValue="https://localhost:3000/assets/support.html"/>',
            '<SupportUrl DefaultValue="/assets/support.html"/>',
          ),
        ),
      );
      expect(problems.join("\n")).toMatch(/<AppDomain> line \d+: "http:\/\/localhost:3002" is not an absolute https URL/);
      expect(problems.join("\n")).toMatch(/<SupportUrl> line \d+: "\/assets\/support.html" is not an absolute https URL/);
    });
  });

  describe("icons exist in assets/ with the right pixel size", () => {
    it("flags a 64 px file where the ribbon needs 80 px", () => {
      const problems = checkIcons(
        parseManifest(
          broken(
            'id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
            'id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
          ),
        ),
        CTX,
      );
      expect(problems.join("\n")).toMatch(/<bt:Image size="80" resid="Icon.80"> line \d+: icon-64.png is 64×64 px, expected 80×80 px/);
    });
    it("flags a missing file and a wrong high-resolution icon", () => {
      const problems = checkIcons(
        parseManifest(
          broken("assets/icon-16.png", "assets/icon-17.png").replace(
            '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
            '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          ),
        ),
        CTX,
      );
      expect(problems.join("\n")).toMatch(/"https:\/\/localhost:3000\/assets\/icon-17.png" has no file assets\/icon-17.png/);
      expect(problems.join("\n")).toMatch(/<HighResolutionIconUrl> line \d+: icon-32.png is 32×32 px, expected 64×64 px/);
    });
    it("flags an icon list without the mandatory 80 px image", () => {
      const problems = checkIcons(parseManifest(broken('<bt:Image size="80" resid="Icon.80"/>', "")), CTX);
      expect(problems).toEqual([expect.stringMatching(/<Icon> line \d+: no 80 px image/)]);
    });
    it("flags an icon served from elsewhere, which cannot be checked", () => {
      const problems = checkIcons(
        parseManifest(
          broken(
            '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
            '<IconUrl DefaultValue="https://cdn.example.com/icon-32.png"/>',
          ),
        ),
        CTX,
      );
      expect(problems).toEqual([expect.stringMatching(/<IconUrl> line \d+: .* is not served from https:\/\/localhost:3000\/assets\//)]);
    });
  });

  describe("no WordApi/PowerPointApi in the base Requirements", () => {
    it("flags WordApi there, although the schema accepts it", () => {
      const withWordApi = broken('<Sets DefaultMinVersion="1.1">', '<Sets DefaultMinVersion="1.1">\n      <Set Name="WordApi" MinVersion="1.2"/>');
      expect(checkBaseRequirements(parseManifest(withWordApi))).toEqual([
        expect.stringMatching(/<Requirements><Set Name="WordApi"> line \d+: a host-specific API set .* hides the add-in from the other app/),
      ]);
      expect(xmllintText(withWordApi).status).toBe(0);
    });
  });

  describe("the Home-tab button opens the task pane", () => {
    it("flags a button that opens another page", () => {
      const text = manifestText.replace(/<SourceLocation resid="Taskpane.Url"\/>/g, '<SourceLocation resid="Commands.Url"/>');
      expect(text).not.toBe(manifestText);
      const problems = checkRibbon(parseManifest(text));
      expect(problems).toEqual([
        expect.stringMatching(
          /<Host xsi:type="Document"> line \d+: no Home-tab button whose ShowTaskpane action opens https:\/\/localhost:3000\/taskpane.html/,
        ),
        expect.stringMatching(/<Host xsi:type="Presentation"> line \d+: no Home-tab button/),
      ]);
    });
    it("flags a control id used twice", () => {
      const problems = checkRibbon(parseManifest(broken('id="Illustrate.PowerPoint.CreateImage"', 'id="Illustrate.Word.CreateImage"')));
      expect(problems).toEqual([expect.stringMatching(/<Control id="Illustrate.Word.CreateImage"> line \d+: id already used at line \d+/)]);
    });
  });
});
