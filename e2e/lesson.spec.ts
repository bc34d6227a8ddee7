import { expect, test, type Page } from '@playwright/test';
import { collectErrors, readStatus, waitForStatus } from './helpers';

/** The lesson's angles from the status element, in degrees (NaN before the first frame). */
async function angles(page: Page) {
  const d = await page.locator('[role="status"][data-state]').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    spread: Number(d.spread || NaN),
    testSpread: Number(d.testSpread || NaN),
    p5: Number(d.marginP5 || NaN),
    median: Number(d.marginMedian || NaN),
  };
}

/** A small CSV: three 4-D Gaussian classes with string labels and a header. */
function csv(rows = 240): string {
  const lines = ['petal,sepal,width,height,species'];
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const names = ['setosa', 'versicolor', 'virginica'];
  for (let i = 0; i < rows; i++) {
    const c = i % 3;
    const v = [0, 1, 2, 3].map((k) => (k === c ? 3 : 0) + rand());
    lines.push(`${v.map((x) => x.toFixed(3)).join(',')},${names[c]}`);
  }
  return lines.join('\n');
}

test('the default link trains the identities and the Angles panel shows spread and angular margin', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.locator('select[name="dataset"]')).toHaveValue('identities');
  await expect(page.locator('[role="status"][data-state]')).toHaveAttribute('data-loss-kind', 'arcface');
  const s = await waitForStatus(page, (st) => st.state === 'running' && st.step > 100, 60_000);
  expect(s.testAccuracy).toBeGreaterThan(0.5);
  const a = await angles(page);
  for (const v of Object.values(a)) expect(Number.isFinite(v)).toBe(true);
  expect(a.spread).toBeGreaterThan(0);
  expect(a.median).toBeGreaterThan(a.p5);
  await expect(page.getByTestId('metric-spread')).toContainText(/\d+\.\d°.*train.*\d+\.\d°.*test/);
  await expect(page.getByTestId('metric-margin')).toContainText(/median.*5th percentile/);
  // Paced by default; full speed is one click away and goes into the URL.
  await page.getByRole('button', { name: /full speed/i }).click();
  await expect(page).toHaveURL(/[?&]speed=0(&|$)/);
  await expect(page.getByRole('button', { name: /full speed/i })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('an uploaded CSV trains; a malformed one is refused with its line and the run goes on', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?speed=0');
  await waitForStatus(page, (st) => st.state === 'running' && st.step > 20, 60_000);
  await page.locator('input[name="data"]').setInputFiles({ name: 'flowers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
  await expect(page.getByTestId('custom-data')).toContainText(
    'flowers.csv: 240 rows, 4 features, 3 classes (setosa, versicolor, virginica)',
  );
  await expect(page).toHaveURL(/dataset=custom/);
  const trained = await waitForStatus(page, (st) => st.state === 'running' && st.step > 50 && st.accuracy > 0.9, 60_000);
  expect(trained.testAccuracy).toBeGreaterThan(0.8);

  const before = await readStatus(page);
  const bad = csv().split('\n');
  bad[3] = '1.0,2.0,oops,4.0,setosa';
  await page.locator('input[name="data"]').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\n')) });
  await expect(
    page.getByRole('alert').filter({ hasText: 'broken.csv: line 4, column 3 (width): "oops" is not a finite number.' }),
  ).toBeVisible();
  // Nothing changed: the same run (its step count went on from where it was) on the same data.
  const after = await waitForStatus(page, (st) => st.step > before.step + 20);
  expect(after.state).toBe('running');
  await expect(page.getByTestId('custom-data')).toContainText('flowers.csv');

  // Pasted text takes the same path.
  await page.locator('textarea[name="dataText"]').fill('label,x\na,1\nb');
  await page.getByRole('button', { name: 'Train on pasted data' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'pasted data: line 3: 1 values; expected 2, as on line 1.' })).toBeVisible();
  expect((await readStatus(page)).state).toBe('running');
  expect(errors).toEqual([]);
});

test('the MNIST preset trains on the digits’ principal components', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.locator('#preset').selectOption('mnist-softmax');
  await expect(page).toHaveURL(/dataset=mnist/);
  await expect(page.locator('select[name="dataset"]')).toHaveValue('mnist');
  const s = await waitForStatus(page, (st) => st.state === 'running' && st.step > 100 && st.testAccuracy > 0.6, 90_000);
  expect(s.accuracy).toBeGreaterThan(0.6);
  expect(errors).toEqual([]);
});
