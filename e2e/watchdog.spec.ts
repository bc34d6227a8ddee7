import { expect, test } from '@playwright/test';
import { collectErrors, readStatus, waitForStatus } from './helpers';

test('a training worker that stops itself is noticed and restarted from its checkpoint, and the page says so', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?speed=0');
  // Trained for over a second: a checkpoint (one a second) exists to resume from.
  const first = await waitForStatus(page, (s) => s.state === 'running' && s.step > 0, 60_000);
  await expect.poll(async () => (await readStatus(page)).step, { timeout: 30_000 }).toBeGreaterThan(first.step + 100);
  const [worker] = page.workers();
  expect(worker).toBeDefined();
  const lastSeen = (await readStatus(page)).step;
  // As a crash or an out-of-memory abort would stop it: from inside, with no error event.
  const t0 = Date.now();
  await worker!.evaluate(() => (self as unknown as { close(): void }).close());
  const notice = page.getByTestId('notice-warn');
  await expect(notice).toContainText(/stopped answering for \d\.\d s and was restarted from its checkpoint at step \d+/, { timeout: 5_000 });
  const checkpointStep = Number(/at step (\d+)/.exec((await notice.textContent()) ?? '')![1]);
  // The checkpoint is one the worker sent before it stopped, at most about a second old.
  expect(checkpointStep).toBeGreaterThan(first.step);
  expect(checkpointStep).toBeLessThanOrEqual(lastSeen + 1);
  // Training goes on from there: never below the checkpoint's step, and onward.
  const resumed = await waitForStatus(page, (s) => s.state === 'running' && s.step > checkpointStep, 5_000);
  expect(resumed.step).toBeGreaterThan(checkpointStep);
  test.info().annotations.push({ type: 'recovery', description: `stopped at step ≥ ${lastSeen}, resumed from step ${checkpointStep}, training again ${Date.now() - t0} ms after the stop` });
  expect(errors).toEqual([]);
});
