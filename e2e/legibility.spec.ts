import { expect, test, type Page } from '@playwright/test';
import { LOSS_KINDS } from '../src/losses/registry';
import { TOUR_STEPS } from '../src/tour/steps';

/** A formula box's fit: its content's width against its own, and its right edge against the window's. */
async function formulaFit(page: Page, box: string) {
  const el = page.locator(box).first();
  await expect(el.locator('.katex').first()).toBeVisible();
  await expect(el).toHaveAttribute('data-fit', /.+/);
  // The box fits again once KaTeX's fonts have loaded: wait for them, and for the fit after them.
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => el.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  return el.evaluate((e) => ({
    scroll: e.scrollWidth,
    client: e.clientWidth,
    right: e.getBoundingClientRect().right,
    window: document.documentElement.clientWidth,
    fit: (e as HTMLElement).dataset.fit,
    scale: Number((e as HTMLElement).dataset.scale ?? 1),
  }));
}

for (const [width, height] of [
  [1280, 720],
  [320, 720],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('every loss’s formula fits its box, picked from the loss menu', async ({ page }) => {
      await page.goto('/?play=0');
      for (const loss of LOSS_KINDS) {
        await page.locator('select[name="loss"]').selectOption(loss);
        await expect(page.getByTestId('formula')).toHaveAttribute('data-loss', loss);
        const f = await formulaFit(page, '.formula-tex');
        expect(f.scroll, `${loss}: ${JSON.stringify(f)}`).toBeLessThanOrEqual(f.client);
        expect(f.right, loss).toBeLessThanOrEqual(f.window);
        expect(f.fit, loss).not.toBe('overflow');
        expect(f.scale, loss).toBeGreaterThanOrEqual(0.8);
      }
    });

    test('every tour step’s formula fits its box', async ({ page }) => {
      await page.goto('/?tour=1&play=0');
      for (let n = 1; n <= TOUR_STEPS.length; n++) {
        await expect(page.locator('section.tour')).toHaveAttribute('data-tour-step', String(n));
        const f = await formulaFit(page, '.tour-formula');
        expect(f.scroll, `step ${n}: ${JSON.stringify(f)}`).toBeLessThanOrEqual(f.client);
        expect(f.right, `step ${n}`).toBeLessThanOrEqual(f.window);
        expect(f.fit, `step ${n}`).not.toBe('overflow');
        if (n < TOUR_STEPS.length) await page.locator('section.tour').getByRole('button', { name: 'Next →' }).click();
      }
    });
  });
}
