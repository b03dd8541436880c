// First-paint bytes, pane vs floor, built in one run: the production pane and ../shared/perf-floor (with our webpack),
// then the initial JS+CSS gzip -9 of each taskpane.html → bench/results/first-paint.json (`npm run bench:first-paint`).
// Exits 1 when the pane's initial bytes exceed the floor's (the target of issue 11: ≤ 1.0×).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { ROOT, buildFloor, buildPane, measurePage } = require("./lib/firstPaint.cjs");
const out = path.join(ROOT, "bench/results/first-paint.json");

const paneDir = fs.mkdtempSync(path.join(os.tmpdir(), "illustrate-first-paint-"));
let floorDir;
try {
  console.log("Building the pane (production) and the perf floor, one after the other…");
  await buildPane(paneDir, "production");
  floorDir = await buildFloor();
  const pane = measurePage(paneDir, "taskpane");
  const floor = measurePage(path.join(floorDir, "dist"), "taskpane");
  const ratio = Number((pane.initial.gzipBytes / floor.initial.gzipBytes).toFixed(3));
  const result = {
    measuredAt: new Date().toISOString(),
    what: "Initial JS+CSS (gzip -9) of taskpane.html: the pane's production build vs ../shared/perf-floor built with the project's webpack, same run",
    target: "pane ≤ 1.0 × floor (issue 11)",
    ratio,
    met: pane.initial.gzipBytes <= floor.initial.gzipBytes,
    pane: pane.initial,
    floor: floor.initial,
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  for (const [name, bytes] of [
    ["pane", pane.initial],
    ["floor", floor.initial],
  ]) {
    console.log(`${name}: ${bytes.gzipBytes} B gzip (${bytes.bytes} B raw) in ${bytes.files.map((f) => `${f.file} ${f.gzipBytes}`).join(", ")}`);
  }
  console.log(`pane / floor = ${ratio}× → ${result.met ? "met" : "NOT met"}; written to ${path.relative(ROOT, out)}`);
  if (!result.met) process.exitCode = 1;
} finally {
  fs.rmSync(paneDir, { recursive: true, force: true });
  if (floorDir) fs.rmSync(floorDir, { recursive: true, force: true });
}
