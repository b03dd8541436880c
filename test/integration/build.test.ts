// Production and development builds: office.js from Microsoft's CDN or the local copy, one partial, both manifests,
// and the first-paint guard: the pane's initial bytes never exceed the perf floor's, built in the same run (issue 11).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script, tested as webpack loads it
const manifests = require("../../scripts/manifests.cjs") as typeof import("../../scripts/manifests.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the same CommonJS helpers `npm run bench:first-paint` uses
const firstPaint = require("../../scripts/lib/firstPaint.cjs") as typeof import("../../scripts/lib/firstPaint.cjs");

const REPO = path.resolve(__dirname, "../..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PUBLIC_URL = "https://contoso.example/illustrate";
/** Pages Office opens (they load office.js), the workbench (always the local copy) and the redirect bridge (none). */
const OFFICE_PAGES = ["taskpane.html", "commands.html", "auth-dialog.html"];

/** Runs webpack once into a temporary folder; the build's own ILLUSTRATE_* settings only, nothing from the shell. */
async function build(mode: "production" | "development", env: Record<string, string>): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), `illustrate-build-${mode}-`));
  await firstPaint.buildPane(out, mode, env);
  return out;
}

/** The `src` of every `<script>` with office.js in a built page, and whether the history workaround surrounds it. */
function officeJs(html: string): { srcs: string[]; wrapped: boolean } {
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]*office\.js)"?[^>]*>/g)].map((m) => m[1]);
  const compact = html.replace(/\s+/g, ""); // production pages are minified
  const saved = compact.indexOf("window.__illustrateHistory={pushState:history.pushState,replaceState:history.replaceState}");
  const loaded = compact.search(/<script[^>]*office\.js/);
  const restored = compact.indexOf("history.replaceState=window.__illustrateHistory.replaceState");
  return { srcs, wrapped: saved >= 0 && saved < loaded && loaded < restored };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("the builds", () => {
  let production: string;
  let development: string;
  let floor: string;

  beforeAll(
    async () => {
      // One after the other: each webpack run uses both cores of the machine.
      production = await build("production", { ILLUSTRATE_PUBLIC_URL: PUBLIC_URL });
      development = await build("development", {});
      floor = await firstPaint.buildFloor();
    },
    20 * 60 * 1000,
  );

  afterAll(() => {
    for (const dir of [production, development, floor]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Issue 11's target: the pane's first paint (prompt, Use selection, the options, Generate) loads no more than the
   * perf floor built in this run. Reached on 2026-12-03: 120,410 B vs 131,529 B = 0.915× (i18next and all but the first
   * draw's English moved to the `strings` chunk; bench/results/first-paint.json, `npm run bench:first-paint`). The
   * allowance is the floor's bytes exactly; this build's public path (/illustrate/) costs the pane a few hundred bytes
   * the bench's build does not have, well inside the margin.
   */
  it("the pane's first paint loads no more JS+CSS (gzip) than the perf floor built in this run", () => {
    const pane = firstPaint.measurePage(production, "taskpane", "/illustrate/")!;
    const lightest = firstPaint.measurePage(path.join(floor, "dist"), "taskpane")!;
    // Both really measured something: the pane's runtime + entry, the floor's one script.
    expect(pane.initial.files.map((f) => f.file)).toEqual(expect.arrayContaining([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]));
    expect(lightest.initial.files).toHaveLength(1);
    expect({ paneGzipBytes: pane.initial.gzipBytes, withinFloor: pane.initial.gzipBytes <= lightest.initial.gzipBytes }).toEqual({
      paneGzipBytes: pane.initial.gzipBytes,
      withinFloor: true,
    });
  });

  it("production pages load office.js from Microsoft's CDN, inside the history workaround", () => {
    for (const page of OFFICE_PAGES) {
      expect({ page, ...officeJs(read(production, page)) }).toEqual({ page, srcs: [CDN], wrapped: true });
    }
  });

  it("the production workbench keeps the local copy (offline), under the public path", () => {
    expect(officeJs(read(production, "workbench.html"))).toEqual({ srcs: ["/illustrate/office-js/office.js"], wrapped: true });
    expect(existsSync(path.join(production, "office-js/office.js"))).toBe(true);
    expect(read(production, "taskpane.html")).toMatch(/<script defer[^>]*src="?\/illustrate\/taskpane\.[0-9a-f]{8}\.js/);
  });

  it("hosted under a sub-path: every page's own URLs stay under it, and MSAL's pages sit beside the task pane", () => {
    for (const page of readdirSync(production).filter((f) => f.endsWith(".html"))) {
      const urls = [...read(production, page).matchAll(/\s(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]);
      const outside = urls.filter((url) => url.startsWith("/") && !url.startsWith("/illustrate/"));
      expect({ page, outside }).toEqual({ page, outside: [] });
    }
    // The pane derives the redirect bridge and the dialog page from its own folder (src/auth/msalConfig.ts
    // pagesBaseOf): they must be built into the same folder as taskpane.html, which the manifests point to.
    for (const page of ["taskpane.html", "redirect.html", "auth-dialog.html"]) expect(existsSync(path.join(production, page))).toBe(true);
    // No script of the pane builds a page URL from the origin alone.
    const scripts = readdirSync(production).filter((f) => f.endsWith(".js"));
    const fromOrigin = scripts.filter((file) => /location\.origin\s*\+\s*["'`]\/["'`]|\$\{location\.origin\}\//.test(read(production, file)));
    expect(fromOrigin).toEqual([]);
  });

  it("development pages load the local copy from @microsoft/office-js, inside the history workaround", () => {
    for (const page of [...OFFICE_PAGES, "workbench.html"]) {
      expect({ page, ...officeJs(read(development, page)) }).toEqual({ page, srcs: ["/office-js/office.js"], wrapped: true });
      expect(read(development, page)).not.toContain("appsforoffice.microsoft.com");
    }
    expect(existsSync(path.join(development, "office-js/office.js"))).toBe(true);
  });

  it("the redirect bridge loads no office.js, and no page keeps a template placeholder", () => {
    for (const dir of [production, development]) {
      expect(officeJs(read(dir, "redirect.html")).srcs).toEqual([]);
      for (const page of readdirSync(dir).filter((f) => f.endsWith(".html"))) {
        expect({ page, placeholder: /__OFFICE_JS_SRC__|<%/.test(read(dir, page)) }).toEqual({ page, placeholder: false });
      }
    }
  });

  it("production writes both manifests for ILLUSTRATE_PUBLIC_URL, with no localhost left", () => {
    const expected = manifests.manifestFiles(manifests.manifestSettingsFromEnv({ ILLUSTRATE_PUBLIC_URL: PUBLIC_URL }));
    expect(expected.size).toBeGreaterThan(2);
    for (const [name, content] of expected) {
      const file = path.join(production, name);
      expect({ name, same: existsSync(file) && readFileSync(file).equals(content) }).toEqual({ name, same: true });
      if (!name.endsWith(".png")) expect({ name, localhost: read(production, name).includes("localhost") }).toEqual({ name, localhost: false });
    }
    expect(read(production, "manifest.xml")).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}/taskpane.html"/>`);
    expect(JSON.parse(read(production, "appPackage/manifest.json")).extensions[0].runtimes[0].code.page).toBe(`${PUBLIC_URL}/taskpane.html`);
  });

  it("development writes the dev-server manifests (the committed ones)", () => {
    for (const name of ["manifest.xml", "appPackage/manifest.json", "appPackage/de.json"]) {
      expect({ name, same: read(development, name) === read(REPO, name) }).toEqual({ name, same: true });
    }
    expect(read(development, "manifest.xml")).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });
});

describe("the page templates", () => {
  it("name office.js nowhere but in the one partial (src/office-js.partial.html)", () => {
    const templates = ["src/taskpane/taskpane.html", "src/commands/commands.html", "src/auth/auth-dialog.html", "src/workbench/workbench.html"];
    for (const template of templates) {
      const text = read(REPO, template);
      expect({
        template,
        includes: text.includes("<%= htmlWebpackPlugin.options.officeJs %>"),
        ownScript: /<script[^>]*office\.js/.test(text),
      }).toEqual({
        template,
        includes: true,
        ownScript: false,
      });
    }
    expect(read(REPO, "src/office-js.partial.html")).toContain('<script src="__OFFICE_JS_SRC__"></script>');
  });
});
