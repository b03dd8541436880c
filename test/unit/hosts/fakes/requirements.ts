// Requirement-set stand-ins for the adapter tests: everything up to a version, or a named list.
import { readRequirementFlags, type RequirementChecker } from "../../../../src/hosts/office/requirementSets";

/** Supports `name` up to `max` (e.g. `{ WordApi: "1.3" }`); versions compared numerically by part. */
export function requirements(max: Record<string, string>): RequirementChecker & { asked: string[] } {
  const asked: string[] = [];
  const parts = (v: string) => v.split(".").map(Number);
  return {
    asked,
    isSetSupported(name: string, version = "1.1") {
      asked.push(`${name} ${version}`);
      const top = max[name];
      if (!top) return false;
      const [a, b] = [parts(version), parts(top)];
      return a[0] < b[0] || (a[0] === b[0] && (a[1] ?? 0) <= (b[1] ?? 0));
    },
  };
}

export const flags = (max: Record<string, string>) => readRequirementFlags(requirements(max));
