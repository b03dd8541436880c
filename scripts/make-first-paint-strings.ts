// Writes src/taskpane/strings/firstPaint.en.json: the English of the pane's first draw, resolved by i18next from
// en.json (scripts/lib/firstPaintTable.ts lists the calls). Run after changing those strings:
// `npx tsx scripts/make-first-paint-strings.ts` (the file is committed; a unit test fails while it is out of date).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { firstPaintTable } from "./lib/firstPaintTable";

const file = path.resolve(__dirname, "..", "src/taskpane/strings/firstPaint.en.json");
const table = firstPaintTable();
writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), file)}: ${Object.keys(table).length} strings`);
