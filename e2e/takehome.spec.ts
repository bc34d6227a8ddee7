// Take it home: the page exports the run as a PyTorch notebook or script, and Python runs it to
// the app's numbers (Debian's torch; a missing Python fails with what to install).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { pauseAfter, readPanels, readStatus, waitForStatus } from './helpers';
import { PYTHON_MISSING, findPython } from './python/findPython.mjs';

/** Runs a downloaded script in its own folder; its printed output. */
function runPython(dir: string, file: string): string {
  const python = findPython();
  if (!python) throw new Error(PYTHON_MISSING);
  const r = spawnSync(python, [file], { cwd: dir, env: { ...process.env, MPLBACKEND: 'Agg' }, encoding: 'utf8', timeout: 5 * 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The "Beside the app" rows: name → [notebook's value, app's value]. */
function beside(stdout: string): Map<string, number[]> {
  return new Map([...stdout.matchAll(/^ {2}(\S.*?)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)$/gm)].map((m) => [m[1]!, [Number(m[2]), Number(m[3])]]));
}

async function save(page: Page, name: RegExp) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'takehome-'));
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { dir, path, name: dl.suggestedFilename() };
}

test('the notebook of a paused run regenerates its data and lands on the app’s numbers in PyTorch', async ({ page }) => {
  await page.goto('/?loss=cosface&m=0.2&seed=7&dim=2&speed=0');
  const paused = await pauseAfter(page, 150);
  const nb = await save(page, /PyTorch notebook/);
  expect(nb.name).toMatch(/^hypersphere_cosface-m-0\.2-s-10\.ipynb$/);
  const section = page.locator('[aria-labelledby="sec-runfile"]');
  await expect(section).toContainText(`Saved the notebook: ${paused.step} steps`);
  await section.scrollIntoViewIfNeeded();
  const shot = await section.screenshot();
  await test.info().attach('the take-home buttons and what they say', { body: shot, contentType: 'image/png' });
  if (process.env.SHOTS) writeFileSync(join(process.env.SHOTS, 'takehome-panel.png'), shot);
  const notebook = JSON.parse(readFileSync(nb.path, 'utf8'));
  expect(notebook.nbformat).toBe(4);
  const sources = notebook.cells.map((c: { source: string[] }) => c.source.join(''));
  const settings = sources.find((s: string) => s.includes('SETTINGS = '))!;
  expect(settings).toContain('"seed": 7');
  expect(settings).toContain('"spec": {"kind": "cosface", "s": 10, "m": 0.2}');
  expect(settings).toContain(`STEPS = ${paused.step} `);
  expect(sources.join('\n')).toMatch(/^def cosface\(x, W, labels, s, m\):/m);
  // The same cells as a script, which Python runs: the checksum it asserts is the app's.
  const py = await save(page, /Python script/);
  const script = readFileSync(py.path, 'utf8');
  expect(script).toContain(sources.find((s: string) => s.includes('def cosface'))!.trim());
  const out = runPython(py.dir, py.path);
  expect(out).toContain('the same data as the app');
  const rows = beside(out);
  const [ours, app] = rows.get('test accuracy')!;
  expect(app).toBeCloseTo(paused.testAccuracy, 3);
  expect(Math.abs(ours! - app!)).toBeLessThanOrEqual(0.01);
  await test.info().attach('the script’s output', { body: out, contentType: 'text/plain' });
});

test('a compare link exports one notebook that trains each panel in turn', async ({ page }) => {
  await page.goto('/?compare=softmax,arcface:m=0.4&dim=2&speed=0');
  await pauseAfter(page, 60);
  const panels = await readPanels(page);
  const py = await save(page, /Python script/);
  const out = runPython(py.dir, py.path);
  await test.info().attach('the script’s output', { body: out, contentType: 'text/plain' });
  expect(out).toMatch(/^Softmax\n/m);
  expect(out).toMatch(/^ArcFace m = 0\.4, s = 10\n/m);
  const tables = out
    .split(/notebook at step/)
    .slice(1)
    .map(beside);
  expect(tables).toHaveLength(2);
  tables.forEach((t, i) => {
    const [ours, app] = t.get('test accuracy')!;
    expect(app).toBeCloseTo(panels[i]!.testAccuracy, 3);
    expect(Math.abs(ours! - app!)).toBeLessThanOrEqual(0.02);
  });
});

test('a run whose settings changed mid-run exports a fresh run of the current settings, and says so', async ({ page }) => {
  await page.goto('/?loss=arcface&m=0.1&dim=2&speed=0');
  await waitForStatus(page, (s) => s.state === 'running' && s.step > 50, 60_000);
  await page.locator('input[name="m"]').fill('0.5');
  const status = await readStatus(page);
  const nb = await save(page, /PyTorch notebook/);
  await expect(page.locator('[aria-labelledby="sec-runfile"]')).toContainText('The settings changed during the run');
  const text = readFileSync(nb.path, 'utf8');
  expect(text).toContain('**A fresh run.**');
  expect(text).toContain('\\"m\\": 0.5');
  expect(text).toContain('\\"app\\": {}');
  expect(status.step).toBeGreaterThan(50);
});

test('MNIST travels with its data: a zip of the notebook and an .npz, which Python trains on', async ({ page }) => {
  await page.goto('/?dataset=mnist&dim=2&speed=0&loss=normface');
  const paused = await pauseAfter(page, 150);
  const zip = await save(page, /Python script/);
  expect(zip.name).toMatch(/\.zip$/);
  await expect(page.locator('[aria-labelledby="sec-runfile"]')).toContainText('with the data beside it');
  const files = unzipSync(readFileSync(zip.path));
  expect(Object.keys(files)).toHaveLength(2);
  expect(Object.keys(files)).toContain('hypersphere-data.npz');
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(zip.dir, name), bytes);
  const script = Object.keys(files).find((f) => f.endsWith('.py'))!;
  expect(strFromU8(files[script]!)).toContain('load_carried("hypersphere-data.npz")');
  const out = runPython(zip.dir, join(zip.dir, script));
  const [ours, app] = beside(out).get('test accuracy')!;
  expect(app).toBeCloseTo(paused.testAccuracy, 3);
  // The data arrive exactly (the notebook asserts their checksum). Its training does not stay exact:
  // float32 sums over 784 inputs in another order drift, and MNIST in 2-D at step 150 moves by
  // points of accuracy a step (full runs measured gaps of 0.020 and 0.022): within 3 points.
  expect(Math.abs(ours! - app!)).toBeLessThanOrEqual(0.03);
});
