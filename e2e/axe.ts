// The accessibility scan every e2e state is held to (axe-core through Playwright).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0–2.2 A and AA, with the target-size rule (2.5.8, off by default) on; over the page, or only the `only` selectors. */
export async function violations(page: Page, name: string, only?: string[]) {
  const builder = new AxeBuilder({ page });
  for (const selector of only ?? []) builder.include(selector);
  const r = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  return r.violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}
