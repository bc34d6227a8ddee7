import { expect, test } from '@playwright/test';
import { decodeParams } from '../src/params/urlCodec';
import { TOUR_STEPS } from '../src/tour/steps';
import { PAGE_STATUS, collectErrors, readStatus, waitForStatus } from './helpers';
import { violations } from './axe';

const status = PAGE_STATUS;
/** The loss kinds the page reports for a step: its loss, or every compare panel's. */
const lossKinds = (query: string) => {
  const p = decodeParams(query).params;
  return p.compare.length ? p.compare.map((e) => e.loss).join(',') : p.loss;
};

test('?tour=1 shows step 1 with a heading, a formula and a running view', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?speed=0');
  const plain = await waitForStatus(page, (s) => s.state === 'running' && s.step > 5, 60_000);
  await page.goto('/?tour=1');
  const tour = page.locator('section.tour');
  await expect(tour.getByRole('heading', { level: 2 })).toHaveText(TOUR_STEPS[0]!.title);
  await expect(tour.locator('.katex').first()).toBeVisible();
  await expect(page.locator('.view canvas')).toBeVisible();
  const s = await waitForStatus(page, (st) => st.state === 'running' && st.step > 5, 60_000);
  await expect(page.locator(status)).toHaveAttribute('data-loss-kind', 'softmax');
  // Entering a step starts two runs at once (its data, then a reset): the backend measured for
  // one must not be spoiled by the other (it once fell back to the CPU backend this way).
  expect(s.backend).toBe(plain.backend);
  expect(errors).toEqual([]);
});

test('Next, Previous and the arrow keys walk through every step, each with its own run', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await page.goto('/?tour=1');
  let lastRun = 0;
  const found: string[] = [];
  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    const step = TOUR_STEPS[n - 1]!;
    await expect(page).toHaveURL(new RegExp(`[?&]tour=${n}(&|$)`));
    await expect(page.locator('section.tour h2')).toHaveText(step.title);
    await expect(page.locator(status)).toHaveAttribute('data-loss-kind', lossKinds(step.query));
    // This step's own run (steps 6 and 7 both train CosFace: the run count tells them apart).
    const s = await waitForStatus(page, (st) => st.run > lastRun && st.state === 'running' && st.step > 30, 60_000);
    lastRun = s.run;
    await test.info().attach(`tour-step-${n}.png`, { body: await page.screenshot(), contentType: 'image/png' });
    // Every step's own parts hold to WCAG 2.2 AA as it runs: the card, its formula and the view (the rest of the page is scanned in a11y.spec.ts).
    found.push(...(await violations(page, `tour step ${n}`, ['section.tour', '.stage'])));
    if (n < TOUR_STEPS.length) {
      // Alternate the button and the key, so both are exercised over the tour.
      if (n % 2 === 1) await page.getByRole('button', { name: 'Next →' }).click();
      else {
        await page.locator('section.tour h2').click(); // focus off the buttons (the view, focused, would turn instead)
        await page.keyboard.press('ArrowRight');
      }
    }
  }
  const last = TOUR_STEPS.length;
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`[?&]tour=${last - 1}(&|$)`));
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]tour=${last - 2}(&|$)`));
  await page.locator('.tour-list').getByRole('button', { name: '3', exact: true }).click();
  await expect(page.locator('section.tour h2')).toHaveText(TOUR_STEPS[2]!.title);
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
});

test('"try this" changes the step’s run without leaving the step', async ({ page }) => {
  await page.goto('/?tour=8'); // ArcFace m = 0.3; try: m = 0
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 20, 60_000);
  const before = await readStatus(page);
  await page.getByRole('button', { name: /^Try:/ }).click();
  await expect(page).toHaveURL(/[?&]m=0(&|$)/);
  await expect(page).toHaveURL(/[?&]tour=8(&|$)/);
  const after = await waitForStatus(page, (s) => s.step > before.step + 20);
  expect(after.state).toBe('running');
});

test('?tour=5&embed=1 shows step 5 as a slide', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?tour=5&embed=1');
  await expect(page.locator('[data-embed="1"]')).toBeVisible();
  await expect(page.locator('section.tour h2')).toHaveText(TOUR_STEPS[4]!.title);
  await expect(page.locator('section.tour .katex').first()).toBeVisible();
  await expect(page.locator(status)).toHaveAttribute('data-loss-kind', 'sphereface');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 5, 60_000);
  expect(errors).toEqual([]);
});

test('a bad tour value gives a notice and step 1', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?tour=banana');
  await expect(page.getByTestId('notice-info')).toContainText(/tour/i);
  await expect(page.locator('section.tour h2')).toHaveText(TOUR_STEPS[0]!.title);
  await expect(page).toHaveURL(/[?&]tour=1(&|$)/);
  expect(errors).toEqual([]);
});

test('the example deck shows tour steps as slides', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/slides.html');
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', '1');
  // A data-src frame: reveal.js makes it as its slide is entered.
  await expect(page.locator('#s3 iframe')).not.toHaveAttribute('src');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const frame = page.frameLocator('#s3 iframe');
  await expect(frame.locator('section.tour h2')).toHaveText(TOUR_STEPS[0]!.title, { timeout: 30_000 });
  await expect(frame.locator('[data-embed="1"]')).toBeVisible();
  expect(errors).toEqual([]);
});
