import { expect, test } from '@playwright/test';
import { collectErrors, readStatus, waitForStatus } from './helpers';

test('a training worker that stops itself is noticed and restarted from its checkpoint, and the page says so', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?speed=0');
  const first = await waitForStatus(page, (s) => s.state === 'running' && s.step > 0, 60_000);
  // A checkpoint (one a second) taken after that step has reached the page: one to resume from.
  const status = page.locator('[role="status"][data-state]:not([data-compare-panel] *)');
  await expect.poll(async () => Number(await status.getAttribute('data-checkpoint-step')), { timeout: 30_000 }).toBeGreaterThan(first.step);
  const [worker] = page.workers();
  expect(worker).toBeDefined();
  // The highest step the page is shown of this run, until the restart starts another (the status
  // is batched at 10 Hz, so a read before the stop lags the worker by a few frames).
  const { run } = await readStatus(page);
  await page.evaluate((r) => {
    const el = document.querySelector('[role="status"][data-state]:not([data-compare-panel] *)') as HTMLElement;
    const w = window as unknown as { maxStep: number };
    w.maxStep = Number(el.dataset.step);
    new MutationObserver(() => {
      if (Number(el.dataset.run) === r) w.maxStep = Math.max(w.maxStep, Number(el.dataset.step));
    }).observe(el, { attributes: true });
  }, run);
  // As a crash or an out-of-memory abort would stop it: from inside, with no error event.
  const t0 = Date.now();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close());
  const notice = page.getByTestId('notice-warn');
  await expect(notice).toContainText(/stopped answering for \d\.\d s and was restarted from its checkpoint at step \d+/, {
    timeout: 5_000,
  });
  const checkpointStep = Number(/at step (\d+)/.exec((await notice.textContent()) ?? '')![1]);
  // The checkpoint is one the worker sent before it stopped: each goes with a frame of its step, so
  // it is never past the last step the page was shown.
  const lastSeen = await page.evaluate(() => (window as unknown as { maxStep: number }).maxStep);
  expect(checkpointStep).toBeGreaterThan(first.step);
  expect(checkpointStep).toBeLessThanOrEqual(lastSeen + 1);
  // Training goes on from there: never below the checkpoint's step, and onward.
  const resumed = await waitForStatus(page, (s) => s.state === 'running' && s.step > checkpointStep, 5_000);
  expect(resumed.step).toBeGreaterThan(checkpointStep);
  test.info().annotations.push({
    type: 'recovery',
    description: `stopped at step ≥ ${lastSeen}, resumed from step ${checkpointStep}, training again ${Date.now() - t0} ms after the stop`,
  });
  expect(errors).toEqual([]);
});
