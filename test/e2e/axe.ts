/**
 * Runs axe-core (the npm package, not a copy) inside the page under test. The script goes in
 * through the DevTools protocol, which the page's Content-Security-Policy does not govern, so
 * the app's CSP stays as strict as it ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';
import { z } from 'zod';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const violationSchema = z.object({
  id: z.string(),
  impact: z.enum(['minor', 'moderate', 'serious', 'critical']).nullable(),
  help: z.string(),
  nodes: z.array(z.object({ target: z.array(z.unknown()), failureSummary: z.string().optional() })),
});
export type AxeViolation = z.infer<typeof violationSchema>;

/** Every axe-core violation on the page as it is now (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const result =
    await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
  })))`);
  return z.array(violationSchema).parse(result);
}

/** The violations an operator cannot work around: axe's "critical" and "serious". */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
}

/** One line per violation, with its first offending elements, for a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact ?? '?'} ${v.id} ×${v.nodes.length}: ${v.help}\n` +
        v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 220)}`,
          )
          .join('\n'),
    )
    .join('\n');
}
