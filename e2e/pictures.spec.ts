import { expect, test } from '@playwright/test';
import { LOSS_KINDS } from '../src/losses/registry';
import { LOSS_LABELS } from '../src/params/table';
import { canvasStats, collectErrors, framesDrawn, waitForSettled, waitForStatus } from './helpers';

// The default picture of every loss, in 3-D and 2-D, saved with the test report: the lecture's
// point is the difference between them (softmax fans out; the margins pull classes into tight
// clusters with gaps). The numbers behind that claim are measured by `npm run bench:lesson`.
for (const dim of [3, 2] as const) {
  test(`every loss draws its default picture in ${dim}-D`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = collectErrors(page);
    for (const loss of LOSS_KINDS) {
      // WASM: the backend choice is tested elsewhere; 200 steps: every loss has formed its classes.
      await page.goto(`/?loss=${loss}&dim=${dim}&speed=0&rotate=0&backend=wasm`);
      const s = await waitForStatus(page, (st) => st.state === 'running' && st.step >= 200, 90_000).catch(async (e: Error) => {
        const last = await page
          .locator('[role="status"][data-state]')
          .first()
          .evaluate((el) => ({ ...(el as HTMLElement).dataset }));
        const notice = await page.getByRole('alert').allTextContents();
        throw new Error(`${loss} in ${dim}-D: ${e.message}; last status ${JSON.stringify(last)}; notices ${JSON.stringify(notice)}`);
      });
      await page.getByRole('button', { name: /pause/i }).click();
      await waitForStatus(page, (st) => st.state === 'paused');
      const canvas = page.locator('.view canvas');
      await waitForSettled(canvas);
      const spread = Number(await page.locator('[role="status"][data-state]').getAttribute('data-spread'));
      const stats = await canvasStats(page, `${dim}d-${loss}.png`);
      test.info().annotations.push({
        type: `${dim}-D ${LOSS_LABELS[loss]}`,
        description: `step ${s.step}, train ${(s.accuracy * 100).toFixed(1)} %, spread ${spread.toFixed(2)}°`,
      });
      expect(Number.isFinite(spread), loss).toBe(true);
      expect(stats.nonBgFraction, loss).toBeGreaterThan(dim === 3 ? 0.15 : 0.05);
      expect(stats.hueBuckets, loss).toBeGreaterThanOrEqual(6);
      // The regions and the weight arrows carry the class colours too: hidden, only the points are
      // left to carry them, so a view that draws no points fails here. On the sphere the far
      // hemisphere's clusters are veiled (greyed), so fewer hues are seen there than on the circle.
      // The points are drawn by one component in both dimensions: checked in 3-D, where they are hardest to see.
      if (dim === 2) continue;
      for (const item of ['regions', 'margins', 'weights']) {
        const drawn = await framesDrawn(canvas);
        await page.locator(`input[name="show"][value="${item}"]`).uncheck();
        await waitForSettled(canvas, drawn);
      }
      const points = await canvasStats(page, `${dim}d-${loss}-points-only.png`);
      expect(points.hueBuckets, `${loss}: the points alone`).toBeGreaterThanOrEqual(dim === 3 ? 3 : 6);
      expect(points.nonBgFraction, `${loss}: the points alone`).toBeGreaterThan(0.001);
    }
    expect(errors).toEqual([]);
  });
}
