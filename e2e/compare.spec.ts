import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/params/presets';
import { decodeParams } from '../src/params/urlCodec';
import {
  PAGE_STATUS,
  canvasStats,
  collectErrors,
  framesDrawn,
  loseContext,
  nextFrame,
  readPanels,
  waitForSettled,
  waitForStatus,
} from './helpers';

const panel = (page: Page, i: number) => page.locator(`[data-compare-panel="${i}"]`);

/** Waits until every panel's status satisfies `pred`. */
async function waitForPanels(
  page: Page,
  n: number,
  pred: (p: Awaited<ReturnType<typeof readPanels>>[number]) => boolean,
  timeout = 60_000,
) {
  await expect
    .poll(
      async () => {
        const ps = await readPanels(page);
        return ps.length === n && ps.every(pred);
      },
      { timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return readPanels(page);
}

test('three entries: three pictures on one canvas, training in lockstep, each labelled with its loss', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?compare=softmax,cosface:m=0.2:s=16,arcface&speed=0');
  await expect(page.locator('[data-compare-panel]')).toHaveCount(3);
  // One canvas behind the grid; each panel's picture is an element named for a screen reader.
  await expect(page.locator('.compare-grid canvas')).toHaveCount(1);
  await expect(page.locator('[data-compare-panel] [role="img"]')).toHaveCount(3);
  await expect(panel(page, 2).getByRole('img')).toHaveAttribute('aria-label', /ArcFace m = 0\.3, s = 10, step/);
  await expect(panel(page, 0).getByRole('heading')).toHaveText('Softmax');
  await expect(panel(page, 1).getByRole('heading')).toHaveText('CosFace m = 0.2, s = 16');
  await expect(panel(page, 2).getByRole('heading')).toHaveText('ArcFace m = 0.3, s = 10');
  await waitForPanels(page, 3, (p) => p.state === 'running' && p.step > 100);
  for (let k = 0; k < 5; k++) {
    const steps = (await readPanels(page)).map((p) => p.step);
    expect(Math.max(...steps) - Math.min(...steps), `steps ${steps}`).toBeLessThanOrEqual(1);
    // The next reading once every panel has moved past this one.
    const top = Math.max(...steps);
    if (k < 4) await waitForPanels(page, 3, (p) => p.step > top);
  }
  const kinds = (await readPanels(page)).map((p) => p.lossKind);
  expect(kinds).toEqual(['softmax', 'cosface', 'arcface']);
  // The page's status reports the shared state.
  await waitForStatus(page, (s) => s.state === 'running');
  expect(errors).toEqual([]);
});

test('every element id is unique: each panel prefixes its controls and their slider marks', async ({ page }) => {
  await page.goto('/?compare=cosface,cosface:m=0.3,arcface,sphereface&play=0');
  await expect(page.locator('[data-compare-panel]')).toHaveCount(4);
  await expect(page.locator('[data-compare-panel] input[name="m"]')).toHaveCount(4);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  // The two CosFace panels mark the bound on m, each with its own datalist (the scale's minimum is marked on the three with s).
  await expect(page.locator('[data-compare-panel] input[name="m"][list]')).toHaveCount(2);
  await expect(page.locator('[data-compare-panel] datalist')).toHaveCount(5);
});

test("same data, initialisation and batches: moving m in panel 2 changes only panel 2's loss", async ({ page }) => {
  await page.goto('/?compare=arcface:m=0.1,arcface:m=0.1,arcface:m=0.1&play=0&dim=2');
  await waitForPanels(page, 3, (p) => p.state === 'paused');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  let ps = await waitForPanels(page, 3, (p) => p.step === 2);
  // Identical settings give identical runs: the panels share data, initial weights and batches.
  expect(ps[1]!.loss).toBe(ps[0]!.loss);
  expect(ps[2]!.loss).toBe(ps[0]!.loss);
  const p2 = panel(page, 1);
  await p2.getByText('Loss settings').click();
  await p2.locator('input[name="m"]').fill('0.5');
  await expect(page).toHaveURL(/compare=arcface:m=0\.1,arcface:m=0\.5,arcface:m=0\.1/);
  await expect(p2.getByRole('heading')).toHaveText('ArcFace m = 0.5, s = 10');
  for (let k = 0; k < 3; k++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  ps = await waitForPanels(page, 3, (p) => p.step === 5);
  expect(ps[2]!.loss).toBe(ps[0]!.loss);
  expect(ps[1]!.loss).not.toBe(ps[0]!.loss);
  expect(ps[1]!.loss).toBeGreaterThan(ps[0]!.loss); // a wider margin: a larger loss on the same features
});

test('changing the seed resets every panel', async ({ page }) => {
  await page.goto('/?compare=softmax,normface&speed=0');
  await waitForPanels(page, 2, (p) => p.step > 200);
  // Paused, the reset is seen for certain: every panel back at step 0 and staying there (at full
  // speed a panel passes any low step count within a status tick or two).
  await page.getByRole('button', { name: /pause/i }).click();
  await waitForPanels(page, 2, (p) => p.state === 'paused' && p.step > 200);
  await page.locator('input[name="seed"]').fill('5');
  await expect(page).toHaveURL(/seed=5/);
  await waitForPanels(page, 2, (p) => p.state === 'paused' && p.step === 0);
  await page.getByRole('button', { name: /play/i }).click();
  await waitForPanels(page, 2, (p) => p.state === 'running' && p.step > 0);
});

test('orbiting one 3-D panel turns the others', async ({ page }) => {
  await page.goto('/?compare=softmax,arcface&play=0&rotate=0');
  await waitForPanels(page, 2, (p) => p.state === 'paused');
  const other = panel(page, 0).getByRole('img');
  await waitForSettled(other); // the first framing done
  await waitForSettled(panel(page, 1).getByRole('img'));
  const before = await other.screenshot();
  const drawn = await framesDrawn(other);
  const box = (await panel(page, 1).getByRole('img').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await waitForSettled(other, drawn); // the linked camera turned it: redrawn and at rest
  const after = await other.screenshot();
  await test.info().attach('panel 1 before', { body: before, contentType: 'image/png' });
  await test.info().attach('panel 1 after dragging panel 2', { body: after, contentType: 'image/png' });
  expect(after.equals(before)).toBe(false);
});

test('hovering a point in one panel shows its tip there, and no other panel reacts', async ({ page }) => {
  await page.goto('/?compare=softmax,arcface&dim=2&rotate=0&classes=2&perClass=400&speed=0');
  await waitForPanels(page, 2, (p) => p.step > 300);
  await page.getByRole('button', { name: /pause/i }).click();
  await waitForPanels(page, 2, (p) => p.state === 'paused');
  const box = (await panel(page, 1).getByRole('img').boundingBox())!;
  const tip = panel(page, 1).getByTestId('hover-tip');
  // Sweep panel 2's circle (radius 0.4 · min(w, h) px: it fills 80 % of the shorter side) until a point is under the pointer.
  const r = 0.4 * Math.min(box.width, box.height);
  for (let a = 0; a < 360 && !(await tip.isVisible()); a += 3) {
    const t = (a * Math.PI) / 180;
    await page.mouse.move(box.x + box.width / 2 + r * Math.cos(t), box.y + box.height / 2 - r * Math.sin(t));
    await nextFrame(page);
  }
  await expect(tip).toContainText(/class \d+ · θ to W\d+: [\d.]+° · target logit -?[\d.]+/);
  await expect(panel(page, 0).getByTestId('hover-tip')).toBeHidden();
  // Off the picture (onto the panel's own numbers), the tip goes.
  await panel(page, 1).getByRole('status').hover();
  await expect(tip).toBeHidden();
});

test('a lost context in compare mode is restored and every panel draws again', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?compare=softmax,arcface&dim=2&play=0');
  const views = [0, 1].map((i) => panel(page, i).getByRole('img'));
  for (const v of views) await waitForSettled(v);
  const drawn = await Promise.all(views.map(framesDrawn));
  const restore = await loseContext(page, '.compare-grid canvas');
  await expect(page.locator('.compare-grid .view-overlay')).toContainText(/lost/);
  await restore();
  await expect(page.locator('.compare-grid .view-overlay')).toHaveCount(0);
  await expect(page.locator('.compare-grid canvas')).toHaveCount(1);
  for (const [i, v] of views.entries()) {
    await waitForSettled(v, drawn[i]);
    const stats = await canvasStats(page, `panel ${i + 1} after restore.png`, v);
    expect(stats.nonBgFraction, `panel ${i + 1}`).toBeGreaterThan(0.03);
    expect(stats.hueBuckets, `panel ${i + 1}`).toBeGreaterThanOrEqual(4);
  }
  expect(errors.filter((e) => !/context/i.test(e))).toEqual([]);
});

test('a malformed entry gives a notice and the others run', async ({ page }) => {
  await page.goto('/?compare=softmax,tripletloss,arcface:m=0.2');
  await expect(page.getByText(/Compare entry 2 .*"tripletloss" is not a loss/)).toBeVisible();
  await expect(page.locator('[data-compare-panel]')).toHaveCount(2);
  await waitForPanels(page, 2, (p) => p.state === 'running' && p.step > 0);
  await expect(page).toHaveURL(/compare=softmax,arcface:m=0\.2(&|$)/);
});

test('a panel can be shown alone and put back; leaving compare mode keeps its settings', async ({ page }) => {
  await page.goto('/?compare=softmax,cosface:m=0.25&dim=2');
  await waitForPanels(page, 2, (p) => p.step > 0);
  await page.getByRole('button', { name: 'Enlarge panel 2' }).click();
  await expect(page.locator('[data-compare-panel]')).toHaveCount(1);
  await expect(page.locator('[data-compare-panel="1"]')).toBeVisible();
  await expect(page).toHaveURL(/focus=2/);
  await expect(page.locator('#sec-formula, [aria-labelledby="sec-formula"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Back to every panel' }).click();
  await expect(page.locator('[data-compare-panel]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Enlarge panel 2' }).click();
  await page.getByRole('button', { name: 'Leave compare mode' }).click();
  await expect(page.locator('[data-compare-panel]')).toHaveCount(0);
  await expect(page.locator('select[name="loss"]')).toHaveValue('cosface');
  await expect(page.locator('input[name="m"]')).toHaveValue('0.25');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 0);
});

test('the compare presets load without page errors; a 4-panel picture for the report', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('/');
  const ids = await page
    .locator('#preset option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v.startsWith('cmp-')));
  expect(ids.length).toBeGreaterThanOrEqual(5);
  for (const id of ids) {
    await page.locator('#preset').selectOption(id);
    const n = decodeParams(PRESETS.find((p) => p.id === id)!.query).params.compare.length;
    expect(n, id).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-compare-panel]')).toHaveCount(n);
    await waitForPanels(page, n, (p) => p.state === 'running' && p.step > 0);
  }
  await page.locator('#preset').selectOption('cmp-four');
  await waitForPanels(page, 4, (p) => p.step > 600, 90_000);
  await test
    .info()
    .attach('compare: softmax, NormFace, CosFace, ArcFace (3-D)', { body: await page.screenshot(), contentType: 'image/png' });
  expect(errors).toEqual([]);
});

test('embedded compare mode: postMessage sets one panel or all of them', async ({ page }) => {
  await page.goto('/slides.html');
  await page.evaluate(() => {
    const f = document.getElementById('right') as HTMLIFrameElement;
    f.src = `${location.origin}/?embed=1&controls=m&compare=arcface:m=0.1,arcface:m=0.2&play=0`;
  });
  const frame = page.frameLocator('#right');
  await expect(frame.locator('[data-compare-panel]')).toHaveCount(2);
  await expect(frame.locator('[data-compare-panel="1"] input[name="m"]')).toHaveValue('0.2');
  const send = (msg: unknown) =>
    page.evaluate((m) => (document.getElementById('right') as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), msg);
  await send({ type: 'hypersphere:set', params: { m: 0.4 }, panel: 1 });
  await expect(frame.locator('[data-compare-panel="1"] input[name="m"]')).toHaveValue('0.4');
  await expect(frame.locator('[data-compare-panel="0"] input[name="m"]')).toHaveValue('0.1');
  await send({ type: 'hypersphere:set', params: { m: 0.35 } });
  await expect(frame.locator('[data-compare-panel="0"] input[name="m"]')).toHaveValue('0.35');
  await expect(frame.locator('[data-compare-panel="1"] input[name="m"]')).toHaveValue('0.35');
  await send({ type: 'hypersphere:set', params: { m: 0.9 }, panel: 7 }); // no such panel: ignored
  await send({ type: 'hypersphere:step', n: 3 });
  await expect
    .poll(async () =>
      (
        await frame.locator('[data-compare-panel] [role="status"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))
      ).join(),
    )
    .toBe('3,3');
  await expect(frame.locator('[data-compare-panel="1"] input[name="m"]')).toHaveValue('0.35');
});

test('compare mode shares its panels out over several workers (workers=2); a pause and a step leave every panel at one step', async ({
  page,
}) => {
  await page.goto('/?compare=softmax,normface,cosface,arcface&speed=0&backend=wasm&workers=2');
  await waitForPanels(page, 4, (p) => p.state === 'running' && p.step > 30);
  // Asked for 2 (auto is one per panel up to the cores − 1: on 2 cores, 1).
  await expect.poll(() => page.workers().filter((w) => w.url().includes('trainer.worker')).length).toBe(2);
  await expect(page.locator(PAGE_STATUS)).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('button', { name: /pause/i }).click();
  // "Paused" once the workers behind have caught up: every panel stands at the same step.
  await waitForStatus(page, (s) => s.state === 'paused');
  const paused = await waitForPanels(page, 4, (p) => p.state === 'paused');
  expect(new Set(paused.map((p) => p.step)).size).toBe(1);
  const at = paused[0]!.step;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readPanels(page)).map((p) => p.step)).toEqual([at + 1, at + 1, at + 1, at + 1]);
});
