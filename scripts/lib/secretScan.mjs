// Finds values of secret-looking environment variables (…KEY, …SECRET, …TOKEN, …PASSWORD) in built files.
import fs from "node:fs";
import path from "node:path";

const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL|CONNECTION_STRING)/i;
/** Shorter values ("1", "true") would match by chance. */
const MIN_SECRET_LENGTH = 8;

/**
 * Names of the environment variables whose values occur in a `.js`/`.html`/`.map` file under `dir` (office-js/
 * excluded: Microsoft's files). Empty when the build holds none: webpack bakes in only the ILLUSTRATE_* values.
 * @param {string} dir the build output
 * @param {Record<string, string | undefined>} env usually process.env
 * @returns {{ name: string, file: string }[]}
 */
export function secretsInBuild(dir, env) {
  const secrets = Object.entries(env).filter(
    ([name, value]) => SECRET_NAME.test(name) && typeof value === "string" && value.length >= MIN_SECRET_LENGTH,
  );
  if (secrets.length === 0) return [];
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (path.relative(dir, file) !== "office-js") walk(file);
      } else if (/\.(js|html|map)$/.test(entry.name)) {
        const text = fs.readFileSync(file, "utf8");
        for (const [name, value] of secrets) if (text.includes(value)) found.push({ name, file: path.relative(dir, file) });
      }
    }
  };
  walk(dir);
  return found;
}
