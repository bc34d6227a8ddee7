import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LOSS_KINDS, lossDef } from '../src/losses/registry';
import { PRESETS } from '../src/params/presets';
import { decodeParams } from '../src/params/urlCodec';
import { waitForStatus } from './helpers';
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

    test('every loss’s formula and its force fit their boxes, picked from the loss menu', async ({ page }) => {
      await page.goto('/?play=0');
      for (const loss of LOSS_KINDS) {
        await page.locator('select[name="loss"]').selectOption(loss);
        await expect(page.getByTestId('formula')).toHaveAttribute('data-loss', loss);
        const f = await formulaFit(page, '.formula-tex');
        expect(f.scroll, `${loss}: ${JSON.stringify(f)}`).toBeLessThanOrEqual(f.client);
        expect(f.right, loss).toBeLessThanOrEqual(f.window);
        expect(f.fit, loss).not.toBe('overflow');
        expect(f.scale, loss).toBeGreaterThanOrEqual(0.8);
        // The force under it, too.
        const g = await formulaFit(page, '.formula-force');
        expect(g.scroll, `${loss}'s force: ${JSON.stringify(g)}`).toBeLessThanOrEqual(g.client);
        expect(g.fit, `${loss}'s force`).not.toBe('overflow');
        expect(g.scale, `${loss}'s force`).toBeGreaterThanOrEqual(0.8);
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

/** Every view element's labels as drawn: the weight labels' text size, and whether any label box leaves its panel or meets another. */
async function labelReport(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-label-px]')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const W = e.clientWidth;
        const H = e.clientHeight;
        const boxes = JSON.parse(e.dataset.labels || '[]') as [number, number, number, number][];
        const outside = boxes.filter(([x0, y0, x1, y1]) => x0 < 0 || y0 < 0 || x1 > W || y1 > H);
        const meet: string[] = [];
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) meet.push(`${a} × ${b}`);
          }),
        );
        return { px: Number(e.dataset.labelPx), labels: boxes.length, outside: outside.length, meet, size: `${W}×${H}` };
      }),
  );
}

/** Waits (frame by frame) until `views` view elements have drawn their labels at ≥ `minPx`, all inside their panels and apart; returns the report. */
async function expectLegible(page: Page, views: number, minPx: number, what: string) {
  const ok = (r: Awaited<ReturnType<typeof labelReport>>) =>
    r.length === views && r.every((v) => v.labels > 0 && v.px >= minPx && v.outside === 0 && v.meet.length === 0);
  const deadline = Date.now() + 30_000;
  let last = await labelReport(page);
  while (!ok(last) && Date.now() < deadline) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    last = await labelReport(page);
  }
  expect(ok(last), `${what}: ${JSON.stringify(last)}`).toBe(true);
  return last;
}

const COMPARE_4 = 'compare=softmax,normface,cosface,arcface';
const COMPARE_6 = 'compare=softmax,normface,sphereface,cosface,arcface,combined';

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test.describe(`labels at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the single view, a 2×2 and a 3×2 compare link, and the projector theme: labels large enough, inside their panels, apart', async ({
      page,
    }, info) => {
      test.setTimeout(120_000);
      const cases = [
        { query: '', views: 1, min: 18, name: 'single view' },
        { query: COMPARE_4, views: 4, min: 14, name: '2×2 compare' },
        { query: COMPARE_6, views: 6, min: 14, name: '3×2 compare' },
        { query: `${COMPARE_4}&theme=projector`, views: 4, min: 21, name: '2×2 compare, projector theme' },
      ];
      for (const c of cases) {
        await page.goto(`/?${c.query}`);
        // Trained a while: the weights spread out and the clusters formed, as a lecture shows them.
        await waitForStatus(page, (st) => st.step >= 300, 60_000);
        const report = await expectLegible(page, c.views, c.min, c.name);
        const shot = await page.screenshot();
        await info.attach(`${c.name} at ${width}×${height} (labels ${report.map((v) => v.px).join(', ')} px)`, {
          body: shot,
          contentType: 'image/png',
        });
        // The picture at the top of the README and in docs/accessibility.md: DOCS_SCREENSHOTS=1 writes it (then committed).
        if (process.env.DOCS_SCREENSHOTS && width === 1280 && c.name === '2×2 compare') writeFileSync('docs/lecture-hall.png', shot);
      }
    });

    test('every tour step: labels legible and inside, and the panel it names in view', async ({ page }, info) => {
      test.setTimeout(180_000);
      await page.goto('/?tour=1');
      for (let n = 1; n <= TOUR_STEPS.length; n++) {
        const step = TOUR_STEPS[n - 1]!;
        await expect(page.locator('section.tour')).toHaveAttribute('data-tour-step', String(n));
        const views = decodeParams(step.query).params.compare.length || 1;
        await expectLegible(page, views, views > 1 ? 14 : 18, `step ${n}`);
        if (step.panel) {
          const heading = page.locator(`#sec-${step.panel}`);
          // Brought into view (smoothly: wait for it to arrive), the focus left on Next.
          await expect
            .poll(() => heading.evaluate((h) => h.closest('section')!.getBoundingClientRect().top), { message: `step ${n}: ${step.panel}` })
            .toBeGreaterThanOrEqual(0);
          await expect.poll(() => heading.evaluate((h) => h.closest('section')!.getBoundingClientRect().top)).toBeLessThan(height);
          if (n === 11)
            await info.attach(`tour step 11 at ${width}×${height}`, { body: await page.screenshot(), contentType: 'image/png' });
        }
        if (n < TOUR_STEPS.length) {
          const next = page.locator('section.tour').getByRole('button', { name: 'Next →' });
          await next.focus();
          await page.keyboard.press('Enter');
          await expect(next, `focus after step ${n}`).toBeFocused();
        }
      }
    });
  });
}

test('MagFace from the loss menu, then "Show with its data", gives the MagFace preset’s link', async ({ page }) => {
  const preset = PRESETS.find((p) => p.id === lossDef('magface').meta.showcase!.preset)!;
  await page.goto(`/?${preset.query}`);
  await expect(page.getByTestId('formula')).toHaveAttribute('data-loss', 'magface');
  const presetUrl = new URL(page.url()).search;
  await page.goto('/?play=0');
  await page.locator('select[name="loss"]').selectOption('magface');
  await expect(page.getByRole('button', { name: 'Show with its data' })).toBeVisible();
  await expect(page.getByTestId('formula')).toContainText('blurred ones sit near the centre');
  await page.getByRole('button', { name: 'Show with its data' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe(presetUrl);
  // Applied: the chip has done its work and goes.
  await expect(page.getByRole('button', { name: 'Show with its data' })).toHaveCount(0);
  // A loss without a showcase has no chip.
  await page.locator('select[name="loss"]').selectOption('arcface');
  await expect(page.getByRole('button', { name: 'Show with its data' })).toHaveCount(0);
});
