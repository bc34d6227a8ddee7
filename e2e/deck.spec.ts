import { expect, test, type Page } from '@playwright/test';
import { canvasStats, collectErrors } from './helpers';
import { deckHtml, routeDeck, routePages } from './decks.mjs';

// Embeds in real decks and hosts: each frame trains and draws only while it can be seen.
// A frame's status is read through its own status element (data-step, data-presence).
const STATUS = '[role="status"][data-state]';
// The host pages here are served from the app's own origin (page.route under /__deck/), where the
// app's service worker would answer their navigations with the app: real hosts live elsewhere.
test.use({ serviceWorkers: 'block' });

async function frameStatus(page: Page, id: string): Promise<{ step: number; presence: string; text: string }> {
  const el = page.frameLocator(`#${id}`).locator(STATUS);
  const d = await el.evaluate((e) => ({
    step: (e as HTMLElement).dataset.step,
    presence: (e as HTMLElement).dataset.presence,
    text: e.textContent ?? '',
  }));
  return { step: Number(d.step), presence: d.presence ?? '', text: d.text };
}

/** Waits until a frame is built and playing or paused, or hidden and asleep before it was built (it builds once shown). */
async function settled(page: Page, id: string): Promise<void> {
  const el = page.frameLocator(`#${id}`).locator(STATUS);
  await expect
    .poll(async () => (await el.getAttribute('data-state')) !== 'loading' || (await el.getAttribute('data-presence')) === 'asleep', {
      timeout: 60_000,
    })
    .toBe(true);
}

const steps = (page: Page, ids: string[]) => Promise.all(ids.map(async (id) => (await frameStatus(page, id)).step));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `f${i + 1}`);

/** Waits until frame `moving` has trained `by` steps more; returns every frame's steps then. */
async function whileOneMoves(page: Page, all: string[], moving: string, by: number): Promise<number[]> {
  const from = (await frameStatus(page, moving)).step;
  await expect.poll(async () => (await frameStatus(page, moving)).step - from, { timeout: 30_000 }).toBeGreaterThanOrEqual(by);
  return steps(page, all);
}

const LOSSES = ['softmax', 'center', 'normface', 'sphereface', 'cosface', 'arcface', 'combined', 'magface'];

for (const transition of ['slide', 'fade'] as const) {
  test(`an 8-slide deck (${transition} transition): only the shown slide's frame trains; hidden ones stand, sleep, and resume where they stood`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const errors = collectErrors(page);
    const all = ids(8);
    await page.goto(await routeDeck(page, deckHtml({ frames: LOSSES.map((l) => `?embed=1&loss=${l}&dim=2&speed=0`), transition })));
    await page.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
    for (const id of all) await settled(page, id);
    // On slide 1, frame 1 moves; the others (off screen, or in place at opacity 0 under fade) stand.
    const a = await steps(page, all);
    const b = await whileOneMoves(page, all, 'f1', 100);
    expect(b.slice(1)).toEqual(a.slice(1));
    const hidden = await frameStatus(page, 'f2');
    expect(hidden.presence).not.toBe('shown');
    expect(hidden.text).toContain('paused (not visible)');
    // Slides 2 and 3 shown in passing build their frames' workers: more than 2 live before any sleeps.
    for (const i of [1, 2]) {
      await page.evaluate((n) => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(n), i);
      await expect.poll(async () => (await frameStatus(page, all[i]!)).step, { timeout: 30_000 }).toBeGreaterThan(0);
    }
    expect(page.workers().length).toBeGreaterThan(2);
    // Slide 4: only frame 4 moves; frame 1 stands where it stood.
    await page.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(3));
    await expect.poll(async () => (await frameStatus(page, 'f1')).presence).not.toBe('shown');
    const c = await steps(page, all);
    const d = await whileOneMoves(page, all, 'f4', 100);
    expect(d.filter((_, i) => i !== 3)).toEqual(c.filter((_, i) => i !== 3));
    // Hidden for 10 s, the others let their workers go: one is left, the shown frame's.
    await expect.poll(async () => (await frameStatus(page, 'f1')).presence, { timeout: 30_000 }).toBe('asleep');
    await expect.poll(() => page.workers().length, { timeout: 15_000 }).toBeLessThanOrEqual(2);
    // Back on slide 1: frame 1 draws and trains on from the step where it stood. Every step its
    // status shows after waking is recorded: a restart from step 0 would show one below it.
    const stood = (await frameStatus(page, 'f1')).step;
    await page
      .frameLocator('#f1')
      .locator(STATUS)
      .evaluate((el) => {
        const w = window as unknown as { stepsSeen: number[] };
        w.stepsSeen = [];
        const read = () => w.stepsSeen.push(Number((el as HTMLElement).dataset.step));
        new MutationObserver(read).observe(el, { attributes: true, attributeFilter: ['data-step'] });
      });
    await page.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(0));
    await expect.poll(async () => (await frameStatus(page, 'f1')).step, { timeout: 20_000 }).toBeGreaterThan(stood);
    const seen = await page
      .frameLocator('#f1')
      .locator('body')
      .evaluate(() => (window as unknown as { stepsSeen: number[] }).stepsSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(stood);
    expect(await page.frameLocator('#f1').locator('.view canvas').count()).toBe(1);
    await test.info().attach(`deck-${transition}`, { body: await page.screenshot(), contentType: 'image/png' });
    expect(errors).toEqual([]);
  });
}

test('a sleeping embed makes no worker: a preset posted to the hidden frames of a deck starts none until their slide is shown', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const all = ids(8);
  await page.goto(await routeDeck(page, deckHtml({ frames: all.map((_, i) => `?embed=1&dim=2&speed=0&seed=${i + 1}`) })));
  await page.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
  for (const id of all) await settled(page, id);
  await expect.poll(async () => (await frameStatus(page, 'f2')).presence, { timeout: 30_000 }).toBe('asleep');
  await expect.poll(() => page.workers().length, { timeout: 15_000 }).toBe(1);
  // The host page sends the hidden frames a preset that starts a new run (new data, another loss).
  for (const id of all.slice(1))
    await page.evaluate(
      (i) =>
        (document.getElementById(i) as HTMLIFrameElement).contentWindow!.postMessage(
          { type: 'hypersphere:set', params: { loss: 'cosface', classes: 6 } },
          '*',
        ),
      id,
    );
  // Each took it (its own link says so), and still no worker but the shown frame's.
  for (const id of all.slice(1))
    await expect
      .poll(() => {
        const frame = page.frame({ url: (u) => u.searchParams.get('seed') === id.slice(1) });
        return frame && new URL(frame.url()).searchParams.get('classes');
      })
      .toBe('6');
  expect(page.workers().length).toBe(1);
  expect((await frameStatus(page, 'f2')).presence).toBe('asleep');
  // Shown, the frame wakes with the preset's run and trains it.
  await page.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(1));
  await expect.poll(async () => (await frameStatus(page, 'f2')).step, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(new URL(page.frame({ url: (u) => u.searchParams.get('seed') === '2' })!.url()).searchParams.get('loss')).toBe('cosface');
  expect(errors).toEqual([]);
});

test('hosts that send nothing: a long page of 6 frames trains only the one scrolled into view; a frame under display: none (Slidev) stops', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const all = ids(6);
  // A course page or a notebook: frames one screen apart, as IPython's IFrame writes them.
  const frames = all.map(
    (id, i) =>
      `<div class="cell" style="height:720px"><iframe id="${id}" src="/?embed=1&dim=2&speed=0&seed=${i + 1}" width="900" height="500" frameborder="0" allowfullscreen></iframe></div>`,
  );
  await routePages(page, { 'page.html': `<!doctype html><body style="margin:0">${frames.join('')}</body>` });
  await page.goto('/__deck/page.html');
  for (const id of all) await settled(page, id);
  const a = await steps(page, all);
  const b = await whileOneMoves(page, all, 'f1', 100);
  expect(b.slice(1)).toEqual(a.slice(1));
  // Scrolled to the fourth: it trains, the first stands.
  await page.locator('#f4').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await frameStatus(page, 'f1')).presence).toBe('hidden');
  const c = await steps(page, all);
  const d = await whileOneMoves(page, all, 'f4', 100);
  expect(d.filter((_, i) => i !== 3)).toEqual(c.filter((_, i) => i !== 3));
  // Slidev hides a slide's frame with display: none: it has no box, and stops.
  await page.locator('#f4').evaluate((el) => ((el.parentElement as HTMLElement).style.display = 'none'));
  await expect.poll(async () => (await frameStatus(page, 'f4')).presence).toBe('hidden');
  const stood = (await frameStatus(page, 'f4')).step;
  await page.locator('#f4').evaluate((el) => ((el.parentElement as HTMLElement).style.display = 'block'));
  await expect.poll(async () => (await frameStatus(page, 'f4')).step, { timeout: 20_000 }).toBeGreaterThan(stood);
  expect(errors).toEqual([]);
});

test("slide messages: the parent's 'slide:stop' and 'slide:start' are obeyed; the same from a grandchild or another window, and garbage, are not", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const body = ['a', 'b'].map((id) => `<iframe id="${id}" src="/?embed=1&dim=2&speed=0" width="600" height="400"></iframe>`).join('');
  // Another host page, one frame, that sends nothing (a course page opened next in the same tab).
  const other = '<!doctype html><body><iframe id="c" src="/?embed=1&dim=2&speed=0" width="600" height="400"></iframe></body>';
  await routePages(page, { 'two.html': `<!doctype html><body>${body}</body>`, 'other.html': other });
  await page.goto('/__deck/two.html');
  for (const id of ['a', 'b'])
    await expect(page.frameLocator(`#${id}`).locator(STATUS)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  const post = (id: string, msg: unknown) =>
    page.evaluate(([i, m]) => (document.getElementById(i as string) as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), [
      id,
      msg,
    ] as const);
  // From another window (the frame beside it), from a grandchild (a frame inside it), and garbage: ignored.
  await page
    .frameLocator('#b')
    .locator('body')
    .evaluate(() => window.parent.frames[0]!.postMessage('slide:stop', '*'));
  await page
    .frameLocator('#a')
    .locator('body')
    .evaluate(async () => {
      const child = document.createElement('iframe');
      child.srcdoc = '<script>parent.postMessage("slide:stop", "*")</script>';
      await new Promise((r) => {
        child.onload = r;
        document.body.append(child);
      });
    });
  for (const junk of ['slide:stopped', 'SLIDE:STOP', { type: 'slide:stop' }, 42, null]) await post('a', junk);
  await whileOneMoves(page, ['a'], 'a', 30);
  expect((await frameStatus(page, 'a')).presence).toBe('shown');
  // From the parent: obeyed.
  await post('a', 'slide:stop');
  await expect.poll(async () => (await frameStatus(page, 'a')).presence).toBe('hidden');
  const stood = (await frameStatus(page, 'a')).step;
  // A host that sends them: the frame beside it, never told 'slide:start', is not on the slide shown.
  await expect.poll(async () => (await frameStatus(page, 'b')).presence).toBe('hidden');
  await post('a', 'slide:start');
  await expect.poll(async () => (await frameStatus(page, 'a')).step, { timeout: 20_000 }).toBeGreaterThan(stood);
  expect((await frameStatus(page, 'b')).presence).toBe('hidden');
  // Reloaded on its slide (told nothing again), it remembers what it heard: it trains.
  await page
    .frameLocator('#a')
    .locator('body')
    .evaluate(() => location.reload());
  await expect(page.frameLocator('#a').locator(STATUS)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  expect((await frameStatus(page, 'a')).presence).toBe('shown');
  // And the embedding page hears why in hypersphere:state.
  const said = await page.evaluate(
    () =>
      new Promise<{ presence: string; caption: string }>((resolve) => {
        window.addEventListener('message', (e) => e.data?.type === 'hypersphere:state' && e.data.presence !== 'shown' && resolve(e.data));
        (document.getElementById('a') as HTMLIFrameElement).contentWindow!.postMessage('slide:stop', '*');
      }),
  );
  expect(said).toMatchObject({ presence: 'hidden', caption: 'paused (not visible)' });
  // Another page in the same tab: its first frame starts fresh. What frame 0 of the deck heard
  // last ('slide:stop') is that page's, and this page never sends 'slide:start'.
  await page.goto('/__deck/other.html');
  await expect(page.frameLocator('#c').locator(STATUS)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  expect((await frameStatus(page, 'c')).presence).toBe('shown');
  await whileOneMoves(page, ['c'], 'c', 30);
  expect(errors).toEqual([]);
});

test("a 20-embed deck shows a picture on every slide, walked forwards, backwards and through reveal.js's overview", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  const n = 20;
  await page.goto(
    await routeDeck(page, deckHtml({ frames: Array.from({ length: n }, (_, i) => `?embed=1&dim=2&play=0&seed=${i + 1}`) }), 'twenty.html'),
  );
  await page.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
  const Reveal = (action: string) => page.evaluate((a) => new Function('R', a)((window as unknown as { Reveal: unknown }).Reveal), action);
  /** The slide's frame shows a picture: its stage differs from a blank one in a share of its pixels. */
  const drawn = async (i: number, label: string) => {
    const stage = page.frameLocator(`#f${i}`).locator('.stage');
    await expect(stage).toHaveAttribute('data-presence', 'shown', { timeout: 30_000 });
    await expect(stage.locator('canvas[data-ready="1"]')).toHaveCount(1, { timeout: 30_000 });
    await expect.poll(async () => (await canvasStats(page, label, stage)).nonBgFraction, { timeout: 30_000 }).toBeGreaterThan(0.01);
  };
  // Forwards, each slide's picture counted; backwards, each slide's canvas has drawn since it was
  // shown again (data-frames counts from 0 at each showing: it was reset as presence became shown).
  for (let i = 1; i <= n; i++) {
    await Reveal(`R.slide(${i - 1})`);
    await drawn(i, `slide ${i}`);
  }
  for (let i = n - 1; i >= 1; i--) {
    await Reveal(`R.slide(${i - 1})`);
    const stage = page.frameLocator(`#f${i}`).locator('.stage');
    await expect(stage).toHaveAttribute('data-presence', 'shown', { timeout: 30_000 });
    await expect
      .poll(async () => Number(await stage.locator('canvas').getAttribute('data-frames')), { timeout: 30_000 })
      .toBeGreaterThan(0);
  }
  await drawn(1, 'slide 1, walked back to');
  // The overview (Esc) and back: the slide chosen there draws.
  await Reveal('R.toggleOverview(true)');
  await test.info().attach('overview', { body: await page.screenshot(), contentType: 'image/png' });
  await Reveal('R.toggleOverview(false); R.slide(9)');
  await drawn(10, 'slide 10 after the overview');
  expect(errors).toEqual([]);
});
