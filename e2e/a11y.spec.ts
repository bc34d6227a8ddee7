import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { differingPixels, framesDrawn, waitForSettled, waitForStatus } from './helpers';

const STATES: { name: string; query: string; act?: (page: Page) => Promise<void>; viewport?: { width: number; height: number } }[] = [
  {
    name: 'default, training',
    query: '',
    // The picture has a name that says what it shows, and it follows the run.
    act: async (p) => {
      const view = p.getByRole('img', { name: /^8 classes on the sphere, ArcFace m = 0\.3, s = 10, step [\d,]+$/ });
      await expect(view).toHaveCount(1);
      const first = Number((await view.getAttribute('aria-label'))!.replace(/.*step /, '').replace(/,/g, ''));
      await expect
        .poll(async () => Number((await view.getAttribute('aria-label'))!.replace(/.*step /, '').replace(/,/g, '')))
        .toBeGreaterThan(first);
    },
  },
  { name: 'paused, dark', query: 'play=0&theme=dark' },
  {
    name: 'help overlay',
    query: 'play=0',
    act: async (p) => void (await p.getByRole('button', { name: 'Keyboard shortcuts' }).first().click()),
  },
  { name: 'compare, 4 panels', query: 'compare=softmax,normface,cosface,arcface&play=0' },
  { name: 'compare, one focused', query: 'compare=softmax,arcface&focus=2&play=0' },
  {
    name: 'landscape and probe, dark',
    query: 'landscape=2&probe=1&theme=dark&speed=0',
    act: async (p) => {
      await expect(p.getByTestId('landscape-legend')).toBeVisible();
      await expect(p.getByTestId('probe-py')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'forces on, compare, dark',
    query: 'compare=softmax,arcface&forces=1&theme=dark&speed=0',
    act: async (p) => void (await expect(p.getByTestId('force-legend')).toBeVisible()),
  },
  { name: 'held-out classes', query: 'dataset=identities&idDims=6&idScale=5.66&holdout=4&speed=0' },
  { name: 'phone, 320 px', query: 'play=0', viewport: { width: 320, height: 640 } },
  {
    name: 'a finished sweep, its table open',
    query: 'sweep=m:0,0.5&seeds=1&sweepSteps=50&play=0',
    act: async (p) => {
      await expect(p.getByTestId('sweep')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
      await p.getByTestId('sweep').getByText('Data as a table').click();
    },
  },
  {
    name: 'a loss with its data chip, dark',
    query: 'loss=magface&play=0&theme=dark',
    act: async (p) => void (await expect(p.getByRole('button', { name: 'Show with its data' })).toBeVisible()),
  },
  {
    name: 'projector theme',
    query: 'theme=projector&speed=0',
    act: async (p) => {
      await expect(p.locator('html')).toHaveAttribute('data-theme', 'projector');
      await test.info().attach('projector theme', { body: await p.screenshot(), contentType: 'image/png' });
    },
  },
  {
    name: "Windows' forced colours",
    query: 'play=0',
    act: async (p) => {
      await p.emulateMedia({ forcedColors: 'active' });
      // Every button keeps a visible edge in the system's colours.
      const edge = await p
        .getByRole('button', { name: /play/i })
        .first()
        .evaluate((b) => getComputedStyle(b).borderTopStyle);
      expect(edge).toBe('solid');
      await test.info().attach('forced colours', { body: await p.screenshot(), contentType: 'image/png' });
    },
  },
  {
    name: 'every side panel open',
    query: 'play=0',
    act: async (p) => {
      // Every folded section of the side panel: the picture in words, each chart's table, the loss settings.
      await expect.poll(() => p.locator('.panel details').count()).toBeGreaterThan(3);
      await p.locator('.panel details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await expect(p.locator('.panel details:not([open])')).toHaveCount(0);
    },
  },
  {
    name: 'an upload error',
    query: 'play=0',
    act: async (p) => {
      await p
        .locator('input[name="data"]')
        .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('label,x\na,1\nb,oops\n') });
      await expect(p.getByTestId('notice-warn')).toBeVisible();
    },
  },
];

for (const s of STATES) {
  test(`no WCAG 2.2 AA violations: ${s.name}`, async ({ page }) => {
    if (s.viewport) await page.setViewportSize(s.viewport);
    await page.goto(`/?${s.query}&backend=wasm`); // the backend does not change the page; its choice is tested elsewhere
    await waitForStatus(page, (st) => st.step > 0 || st.state === 'paused', 60_000);
    await s.act?.(page);
    expect(await violations(page, s.name)).toEqual([]);
  });
}

test('no WCAG 2.2 AA violations: embed mode inside a titled iframe', async ({ page, baseURL }) => {
  await page.goto('/?play=0'); // same origin, so axe can look inside the frame
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>Lecture slide</title></head><body><main><h1>Slide</h1><iframe title="Hypersphere: ArcFace" src="${baseURL}/?embed=1&controls=m,s&play=0" width="800" height="500"></iframe></main></body></html>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[role="status"][data-state="paused"]')).toHaveCount(1, { timeout: 60_000 });
  expect(await violations(page, 'embed')).toEqual([]);
});

test('under reduced motion nothing moves by itself: a paused view stays still (no auto-rotation)', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?play=0'); // auto-rotation is on by default: it must not run here
  await waitForStatus(page, (st) => st.state === 'paused', 60_000);
  const canvas = page.locator('.view canvas');
  await expect(canvas).toHaveAttribute('data-settled', '1', { timeout: 15_000 });
  const frames = await canvas.getAttribute('data-frames');
  const a = await canvas.screenshot();
  // The interval is the test: a rotation at the idle speed turns the sphere visibly within it.
  await page.waitForTimeout(2_000);
  const b = await canvas.screenshot();
  expect(await canvas.getAttribute('data-frames')).toBe(frames);
  expect(await differingPixels(page, a, b)).toBe(0);
});

test('the picture in words: a table per class, and a live region that speaks on pause, not per frame', async ({ page }) => {
  await page.goto('/?speed=0');
  await waitForStatus(page, (st) => st.state === 'running' && st.step > 50, 60_000);
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText(/^Training at step [\d,]+, train/);
  const said = await announcer.textContent();
  await page.getByRole('button', { name: /pause/i }).first().click();
  const paused = await waitForStatus(page, (st) => st.state === 'paused');
  // The pause is said at once, with the step it paused at.
  await expect(announcer).toHaveText(new RegExp(`^Paused at step ${paused.step.toLocaleString('en')}, train`));
  expect(await announcer.textContent()).not.toBe(said);
  await page.getByText('The picture in words').click();
  const table = page.getByTestId('picture-text');
  await expect(table.locator('tbody tr')).toHaveCount(8);
  await expect(table.locator('tbody tr').first()).toContainText(/class \d, [\d.]+° away/);
  expect(await violations(page, 'picture in words')).toEqual([]);
});

test('the view orbits by keyboard when focused (arrows, + and −, Home), and by its buttons; the page keys work off it', async ({
  page,
}) => {
  await page.goto('/?play=0&rotate=0');
  await waitForStatus(page, (st) => st.state === 'paused', 60_000);
  const canvas = page.locator('.view canvas');
  await expect(canvas).toHaveAttribute('data-settled', '1', { timeout: 15_000 });
  const home = await canvas.screenshot();
  await canvas.focus();
  await expect(canvas).toBeFocused();
  const turn = async (key: string) => {
    const before = await framesDrawn(canvas);
    await page.keyboard.press(key);
    await waitForSettled(canvas, before);
    return canvas.screenshot();
  };
  const turned = await turn('ArrowRight');
  expect(await differingPixels(page, home, turned)).toBeGreaterThan(1000);
  // The arrow turned the view: it did not train a step.
  expect((await waitForStatus(page, () => true)).step).toBe(0);
  const zoomed = await turn('+');
  expect(await differingPixels(page, turned, zoomed)).toBeGreaterThan(1000);
  // Home puts the camera back where it starts (before the first framing turned it): wherever it was.
  const back = await turn('Home');
  await turn('ArrowUp');
  expect(await differingPixels(page, back, await turn('Home'))).toBeLessThan(50);
  // The same by buttons, for whoever cannot drag.
  const before = await framesDrawn(canvas);
  await page.getByRole('button', { name: 'Turn the view left' }).click();
  await waitForSettled(canvas, before);
  expect(await differingPixels(page, back, await canvas.screenshot())).toBeGreaterThan(1000);
  // Off the view, → is the page's: one training step.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await waitForStatus(page, (st) => st.step === 1);
});

test('a keyboard-only walk: Tab reaches every control in order with its focus visible, nothing traps it, m changes by arrows, help returns focus', async ({
  page,
}) => {
  await page.goto('/?play=0&rotate=0&backend=wasm');
  await waitForStatus(page, (st) => st.state === 'paused', 60_000);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen: string[] = [];
  let reachedM = false;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // What a sighted keyboard user sees: the element on screen, not covered at its centre, with a ring or outline.
      const cx = Math.min(window.innerWidth - 1, Math.max(0, r.left + r.width / 2));
      const cy = Math.min(window.innerHeight - 1, Math.max(0, r.top + r.height / 2));
      const top = document.elementFromPoint(cx, cy);
      const visited = el.dataset.walked === '1';
      el.dataset.walked = '1';
      return {
        visited,
        id: `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.getAttribute('value') && el.getAttribute('type') !== 'range' ? `[value=${el.getAttribute('value')}]` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`,
        name: (
          el.getAttribute('aria-label') ??
          el.getAttribute('title') ??
          el.textContent ??
          (el as HTMLInputElement).labels?.[0]?.textContent ??
          ''
        ).trim(),
        labelled: !!(
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el as HTMLInputElement).labels?.length ||
          el.textContent?.trim()
        ),
        onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
        uncovered: !!top && (top === el || el.contains(top) || top.contains(el)),
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        isM: el.getAttribute('name') === 'm',
      };
    });
    if (!f) continue;
    if (f.visited) break; // back at the start: the walk went round, nothing trapped it
    seen.push(f.id);
    expect(f.labelled, `${f.id} has a name`).toBe(true);
    expect(f.onScreen && f.uncovered, `${f.id} is in view and not covered`).toBe(true);
    expect(f.ring, `${f.id} shows its focus`).toBe(true);
    if (f.isM && !reachedM) {
      reachedM = true;
      const before = page.url();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.url()).not.toBe(before);
      expect(new URL(page.url()).searchParams.get('m')).not.toBe(new URL(before).searchParams.get('m'));
    }
  }
  expect(reachedM, 'Tab reaches the m slider').toBe(true);
  expect(seen.length, 'controls reached').toBeGreaterThan(25);
  test.info().annotations.push({ type: 'Tab order', description: seen.join(' → ') });
  // Space plays and pauses (off the view and the controls).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await waitForStatus(page, (st) => st.state === 'running');
  await page.keyboard.press('Space');
  await waitForStatus(page, (st) => st.state === 'paused');
  // Help opens by its button and Esc closes it, handing focus back to what opened it.
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' }).first();
  await help.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(help).toBeFocused();
});

test('the main controls carry the names a screen reader reads (ARIA snapshot)', async ({ page }) => {
  await page.goto('/?play=0&backend=wasm');
  await waitForStatus(page, (st) => st.state === 'paused', 60_000);
  await expect(page.getByRole('group', { name: 'Training' })).toMatchAriaSnapshot(`
    - group "Training":
      - button /Play/
      - button "Step"
      - button /Reset/
      - button /Full speed/
  `);
  await expect(page.getByRole('complementary')).toMatchAriaSnapshot(`
    - combobox "Loss"
    - slider /Margin m/
    - slider /Scale s/
  `);
  await expect(page.getByRole('banner')).toMatchAriaSnapshot(`
    - banner:
      - heading "Hypersphere" [level=1]
      - combobox "Preset"
      - button "Copy link"
      - button "Copy embed code"
      - button "Keyboard shortcuts"
      - button "Save PNG"
      - button /Record/
      - checkbox "Caption"
  `);
});
