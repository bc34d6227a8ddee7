import { expect, type Page } from '@playwright/test';

/** The status region's data attributes, parsed. */
export interface Status {
  step: number;
  loss: number;
  accuracy: number;
  testAccuracy: number;
  backend: string;
  state: string;
}

export async function readStatus(page: Page): Promise<Status> {
  const d = await page.locator('[role="status"][data-state]').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    step: Number(d.step),
    loss: Number(d.loss),
    accuracy: Number(d.accuracy),
    testAccuracy: Number(d.testAccuracy),
    backend: d.backend ?? '',
    state: d.state ?? '',
  };
}

/** Polls the status until `pred` holds (or the timeout fails the test). */
export async function waitForStatus(page: Page, pred: (s: Status) => boolean, timeout = 30_000): Promise<Status> {
  let last: Status | undefined;
  await expect
    .poll(
      async () => {
        last = await readStatus(page);
        return pred(last);
      },
      { timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return last!;
}

/** Collects page errors and console errors; assert it stays empty at the end of a test. */
export function collectErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  return problems;
}
