// The loss landscape and the probe: why a margin tightens a class, read at one feature.
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, differingPixels, nextFrame, pauseAfter, waitForSettled, waitForStatus } from './helpers';

const view = (page: Page) => page.locator('.view canvas');

async function pausedAfter(page: Page, steps: number) {
  await pauseAfter(page, steps, 90_000);
  await waitForSettled(view(page));
}

test('the landscape colours the sphere by one class’s loss, with its legend; the class can follow the pointer', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?landscape=4&speed=0&rotate=0');
  await pausedAfter(page, 200);
  const legend = page.getByTestId('landscape-legend');
  await expect(legend).toContainText('class');
  await expect(legend).toHaveAttribute('data-class', '4');
  await expect(legend).toContainText('0.01');
  await expect(legend).toContainText('100');
  await expect(view(page)).toHaveAttribute('data-landscape-class', '4');
  const four = await view(page).screenshot();
  await test.info().attach('landscape of class 4', { body: four, contentType: 'image/png' });
  // Another class's loss is another picture (its low-loss cap sits at its own weight).
  const select = page.getByLabel(/Loss landscape/);
  await select.selectOption('6');
  await expect(view(page)).toHaveAttribute('data-landscape-class', '6');
  await expect(page).toHaveURL(/landscape=6/);
  await nextFrame(page);
  await waitForSettled(view(page));
  const six = await view(page).screenshot();
  await test.info().attach('landscape of class 6', { body: six, contentType: 'image/png' });
  expect(await differingPixels(page, four, six)).toBeGreaterThan(2000);
  // Following the pointer: the class of the point under it.
  await select.selectOption('hover');
  await expect(legend).toContainText('under the pointer');
  const tip = page.getByTestId('hover-tip');
  const box = (await view(page).boundingBox())!;
  let hovered: string | null = null;
  for (let k = 0; k < 120 && !hovered; k++) {
    // Circles of 0.1–0.35 of the shorter side, 40 places each, until a point is under the pointer.
    const a = (2 * Math.PI * k) / 40;
    const r = (0.1 + 0.125 * Math.floor(k / 40)) * Math.min(box.width, box.height);
    await page.mouse.move(box.x + box.width / 2 + Math.cos(a) * r, box.y + box.height / 2 + Math.sin(a) * r);
    await nextFrame(page);
    if (await tip.isVisible()) hovered = /^class (\d+)/.exec((await tip.textContent()) ?? '')?.[1] ?? null;
  }
  expect(hovered, 'a point under the pointer').not.toBeNull();
  await expect(tip).toContainText(/ · ℓ \d/); // the point's own loss
  await expect(view(page)).toHaveAttribute('data-landscape-class', hovered!);
  expect(errors).toEqual([]);
});

test('a click pins the probe: its panel shows P_y, the loss and the force, and every lecture loss beside them; keys move it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?dim=2&speed=0&landscape=2');
  await pausedAfter(page, 200);
  const canvas = view(page);
  // The circle's landscape: class 2's loss around the ring.
  await expect(canvas).toHaveAttribute('data-landscape-class', '2');
  await expect(page.getByTestId('landscape-legend')).toHaveAttribute('data-class', '2');
  const box = (await canvas.boundingBox())!;
  // Inside the circle, right of its centre (no point lies there: on the circle they sit on the ring): azimuth 0.
  await page.mouse.click(box.x + box.width / 2 + box.height * 0.15, box.y + box.height / 2);
  await expect(page).toHaveURL(/probe=1/);
  await expect(page).toHaveURL(/probeAz=0(&|$)/);
  await expect(canvas).toHaveAttribute('data-probe', '0,0');
  const panel = page.getByTestId('probe-panel');
  await expect(panel).toBeVisible();
  const py = Number(await panel.getByTestId('probe-py').textContent());
  const loss = Number(await panel.getByTestId('probe-loss').textContent());
  expect(py).toBeGreaterThan(0);
  expect(py).toBeLessThanOrEqual(1);
  expect(loss).toBeGreaterThanOrEqual(0);
  // ArcFace adds nothing to −log P_y: the panel's two numbers agree, and with what the view drew.
  expect(Math.abs(py - Math.exp(-loss))).toBeLessThan(2e-3);
  expect(Number(await canvas.getAttribute('data-probe-loss'))).toBeCloseTo(loss, 2);
  expect(Number(await panel.getByTestId('probe-turning').textContent())).toBeGreaterThanOrEqual(0);
  const rows = panel.getByTestId('probe-every').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText('Softmax');
  await expect(rows.last()).toContainText('ArcFace');
  for (const row of await rows.all())
    expect((await row.locator('td').allTextContents()).every((t) => Number.isFinite(Number(t)))).toBe(true);
  await test.info().attach('probe on the circle', { body: await page.locator('.stage').screenshot(), contentType: 'image/png' });
  await test.info().attach('probe panel', { body: await panel.screenshot(), contentType: 'image/png' });
  // The class asked for: class 2's loss at the same place.
  await panel.getByLabel('As a feature of').selectOption('2');
  await expect(canvas).toHaveAttribute('data-probe-class', '2');
  await expect(page).toHaveURL(/probeClass=2/);
  // Keyboard: the focused view moves the probe 5° a press.
  await canvas.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page).toHaveURL(/probeAz=5(&|$)/);
  await expect(canvas).toHaveAttribute('data-probe', '5,0');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(canvas).toHaveAttribute('data-probe', '-5,0');
  await panel.getByRole('button', { name: 'Remove the probe' }).click();
  await expect(panel).toBeHidden();
  await expect(canvas).not.toHaveAttribute('data-probe', /.*/);
  expect(errors).toEqual([]);
});

test('on the sphere, a click pins the probe where the sphere was clicked', async ({ page }) => {
  await page.goto('/?speed=0&rotate=0&show=');
  await pausedAfter(page, 100);
  const canvas = view(page);
  const box = (await canvas.boundingBox())!;
  // The sphere fills 80 % of the shorter side; clicks at ±0.3 radius left and right of its centre.
  const r = 0.4 * Math.min(box.width, box.height);
  const directionAt = async (dx: number) => {
    await page.mouse.click(box.x + box.width / 2 + dx * r, box.y + box.height / 2);
    await expect(canvas).toHaveAttribute('data-probe', /.+/);
    await expect(page).toHaveURL(/probe=1/);
    const [az, el] = ((await canvas.getAttribute('data-probe')) ?? '').split(',').map((v) => (Number(v) * Math.PI) / 180) as [
      number,
      number,
    ];
    return [Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el)];
  };
  const a = await directionAt(-0.3);
  await test.info().attach('probe on the sphere', { body: await page.locator('.stage').screenshot(), contentType: 'image/png' });
  const b = await directionAt(0.3);
  const c = await directionAt(0);
  const angle = (u: number[], v: number[]) =>
    (Math.acos(
      Math.min(
        1,
        u.reduce((s, x, i) => s + x * v[i]!, 0),
      ),
    ) *
      180) /
    Math.PI;
  // Seen through the lens, ±0.3 of the sphere's radius on screen are less than 2·asin(0.3) ≈ 35° apart on it
  // (the camera is ~4 radii away), and the centre's direction lies halfway between, on the great circle through them.
  expect(angle(a, b)).toBeGreaterThan(20);
  expect(angle(a, b)).toBeLessThan(36);
  expect(Math.abs(angle(a, c) - angle(c, b))).toBeLessThan(3);
  expect(Math.abs(angle(a, c) + angle(c, b) - angle(a, b))).toBeLessThan(3);
  await expect(page.getByTestId('probe-panel')).toBeVisible();
});

test('in compare mode every panel draws the landscape and the probe, and the probe panel reads each panel', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?compare=softmax,arcface&landscape=2&probe=1&probeAz=40&probeEl=10&speed=0&rotate=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 300, 90_000);
  const pictures = page.locator('[data-compare-panel] [data-frames]');
  await expect(pictures).toHaveCount(2);
  for (const p of await pictures.all()) {
    await expect(p).toHaveAttribute('data-landscape-class', '2');
    await expect(p).toHaveAttribute('data-probe', '40,10');
  }
  const rows = page.getByTestId('probe-panels').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Softmax');
  await expect(rows.nth(1)).toContainText('ArcFace');
  for (const row of await rows.all())
    expect((await row.locator('td').allTextContents()).every((t) => Number.isFinite(Number(t)))).toBe(true);
  // The legend sits above the panels' own footers.
  const legend = (await page.getByTestId('landscape-legend').boundingBox())!;
  const footer = (await page.locator('[data-compare-panel] [role="status"]').last().boundingBox())!;
  expect(legend.y + legend.height).toBeLessThanOrEqual(footer.y + 1);
  await test.info().attach('landscape and probe, compare', { body: await page.locator('.stage').screenshot(), contentType: 'image/png' });
  expect(errors).toEqual([]);
});
