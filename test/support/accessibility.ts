// axe-core accessibility checks for the E2E tests: run axe (from node_modules, never a CDN) on a part of the page.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** The impacts the E2E refuses (axe's scale: minor < moderate < serious < critical). */
export const REFUSED_IMPACTS = ["serious", "critical"] as const;

/** The task pane of the workbench's Word page, the scope most checks want. */
export const WORD_PANE = '[data-pane-host="workbench-word"]';

/** One failing rule as the test reports it: axe's rule id, impact, help text, and each failing element. */
export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selector of the element and axe's summary of why it fails (for contrast: the colours and the ratio). */
  nodes: { target: string; why: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices) on the elements matching `scope`
 * (and everything inside them) and returns the violations whose impact is serious or critical.
 * Fluent renders popovers, menus and dialogs in portals outside the pane: pass their selector too (`scope` may be
 * a list) when a state has one open.
 */
export async function seriousA11yViolations(page: Page, scope: string | string[] = WORD_PANE): Promise<A11yViolation[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]);
  for (const selector of Array.isArray(scope) ? scope : [scope]) builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => (REFUSED_IMPACTS as readonly string[]).includes(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), why: node.failureSummary ?? "" })),
    }));
}

/**
 * Fails the test when axe finds a serious or critical violation in `scope` (see {@link seriousA11yViolations});
 * the failure lists each rule, element and reason. `state` names the pane's state in that message.
 * Use after the state is on screen (wait for its text first): axe checks what is rendered at that moment.
 */
export async function expectNoSeriousA11yViolations(page: Page, scope: string | string[] = WORD_PANE, state = "this state"): Promise<void> {
  const violations = await seriousA11yViolations(page, scope);
  const report = violations.flatMap((v) => [
    `${v.impact} ${v.rule}: ${v.help}`,
    ...v.nodes.map((n) => `  ${n.target}\n    ${n.why.replace(/\n/g, "\n    ")}`),
  ]);
  expect({ state, violations: report }).toEqual({ state, violations: [] });
}
