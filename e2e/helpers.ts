import { expect, test, type Locator, type Page } from '@playwright/test';

/** The status region's data attributes, parsed. */
export interface Status {
  step: number;
  loss: number;
  accuracy: number;
  testAccuracy: number;
  backend: string;
  state: string;
  /** Counts the page's runs (a reset, new data, a restart); 0 for a compare panel's status. */
  run: number;
}

/** The page's status element (compare panels have their own inside `[data-compare-panel]`). */
export const PAGE_STATUS = '[role="status"][data-state]:not([data-compare-panel] *)';

export async function readStatus(page: Page): Promise<Status> {
  const d = await page.locator(PAGE_STATUS).evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    step: Number(d.step),
    loss: Number(d.loss),
    accuracy: Number(d.accuracy),
    testAccuracy: Number(d.testAccuracy),
    backend: d.backend ?? '',
    state: d.state ?? '',
    run: Number(d.run ?? 0),
  };
}

/** Every compare panel's status, read in one go (so the steps are of one moment). */
export async function readPanels(page: Page): Promise<(Status & { lossKind: string; spread: number })[]> {
  const all = await page
    .locator('[data-compare-panel] [role="status"]')
    .evaluateAll((els) => els.map((el) => ({ ...(el as HTMLElement).dataset })));
  return all.map((d) => ({
    step: Number(d.step),
    loss: Number(d.loss),
    accuracy: Number(d.accuracy),
    testAccuracy: Number(d.testAccuracy),
    backend: '',
    run: 0,
    state: d.state ?? '',
    lossKind: d.lossKind ?? '',
    spread: Number(d.spread),
  }));
}

/** Polls the status until `pred` holds (or the timeout fails the test). */
export async function waitForStatus(page: Page, pred: (s: Status) => boolean, timeout = 30_000): Promise<Status> {
  let last: Status | undefined;
  await expect
    .poll(
      async () => {
        last = await readStatus(page);
        return pred(last);
      },
      { timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  return last!;
}

/** Waits for a running run past `steps`, pauses it with the button, and returns the paused status. */
export async function pauseAfter(page: Page, steps: number, timeout = 60_000): Promise<Status> {
  await waitForStatus(page, (s) => s.state === 'running' && s.step > steps, timeout);
  await page.getByRole('button', { name: /pause/i }).click();
  return waitForStatus(page, (s) => s.state === 'paused');
}

/** Collects page errors and console errors; assert it stays empty at the end of a test. */
export function collectErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) =>
    problems.push(`pageerror: ${err.message}${err.stack ? ` at ${err.stack.split('\n').slice(1, 3).join(' ').trim()}` : ''}`),
  );
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  });
  return problems;
}

/** Pixel statistics of a picture's region of a screenshot (the single view's canvas, or `picture`), computed in the page from a PNG. */
export async function canvasStats(page: Page, name: string, picture: Locator = page.locator('.view canvas')) {
  const png = await picture.screenshot();
  await test.info().attach(name, { body: png, contentType: 'image/png' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const bg = [data[0]!, data[1]!, data[2]!];
    let nonBg = 0;
    const hues = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]! / 255,
        g = data[i + 1]! / 255,
        b = data[i + 2]! / 255;
      if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 30) nonBg++;
      const max = Math.max(r, g, b),
        min = Math.min(r, g, b);
      const sat = max === 0 ? 0 : (max - min) / max;
      if (sat < 0.35 || max < 0.25) continue; // greys, whites, shadows
      const h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
      hues.add(Math.round(((h * 60 + 360) % 360) / 15)); // 24 hue buckets of 15°
    }
    return { w: c.width, h: c.height, nonBgFraction: nonBg / (c.width * c.height), hueBuckets: hues.size, hash: nonBg };
  }, png.toString('base64'));
}

/**
 * Waits until a canvas has come to rest: its last frame drawn with the points eased in and the
 * camera still (`data-settled`, set by the scene). A screenshot taken then shows what stays.
 */
export async function waitForSettled(canvas: Locator, since?: number, timeout = 15_000): Promise<void> {
  await expect(canvas).toHaveAttribute('data-settled', '1', { timeout });
  // After a change: at rest on a frame drawn since then.
  if (since !== undefined) {
    await expect
      .poll(async () => (await framesDrawn(canvas)) > since && (await canvas.getAttribute('data-settled')) === '1', { timeout })
      .toBe(true);
  }
}

/** Loses the WebGL context of the canvas `selector` finds; returns what restores it. */
export async function loseContext(page: Page, selector: string): Promise<() => Promise<void>> {
  await page.evaluate((sel) => {
    const canvas = document.querySelector(sel) as HTMLCanvasElement;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    (window as unknown as { __restore: () => void }).__restore = () => ext.restoreContext();
  }, selector);
  return () => page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
}

/** Resolves once the page has drawn its next animation frame (what a pointer move asked for is on screen). */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Frames a canvas has drawn so far (`data-frames`). */
export async function framesDrawn(canvas: Locator): Promise<number> {
  return Number((await canvas.getAttribute('data-frames')) ?? 0);
}

/** Pixels that differ between two same-sized PNG screenshots (decoded in the page). */
export async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const [p, q] = [await load(x!), await load(y!)];
      let n = 0;
      for (let i = 0; i < p.length; i += 4)
        if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 40) n++;
      return n;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}
