import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';
import { routePages } from './decks.mjs';

// "Copy embed code" for each host, each snippet loaded in a page of that host's shape: a web page,
// reveal.js (the real package) with data-src and as an interactive background, Quarto's revealjs
// output, Slidev's iframe layout, a Jupyter notebook's IFrame output, and a Markdown link.
// The app's service worker would answer the host pages' navigations with the app (its fallback).
test.use({ serviceWorkers: 'block' });

const STATUS = '[role="status"][data-state]';

const revealPage = (sections: string) => `<!doctype html><html><head><link rel="stylesheet" href="/__deck/reveal.css"></head><body>
<div class="reveal"><div class="slides"><section><h2>First slide</h2></section>${sections}</div></div>
<script type="module">import Reveal from '/__deck/reveal.mjs'; window.Reveal = Reveal; Reveal.initialize({ hash: false }).then(() => (window.deckReady = true));</script></body></html>`;

/** Waits until the frame `frame` finds trains (its status is running with steps). */
async function trains(page: Page, frame: string) {
  const status = page.frameLocator(frame).locator(STATUS);
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  await expect.poll(async () => Number(await status.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(10);
}

test('Copy embed code gives each host its snippet, and each works in a page of that host', async ({ page, context }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?loss=arcface&m=0.3&dim=2&speed=0');
  await expect(page.locator(STATUS)).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  const snippets: Record<string, string> = {};
  let picture: { name: string; body: Buffer } | undefined;
  for (const host of ['html', 'reveal', 'revealBackground', 'quarto', 'slidev', 'jupyter', 'markdown']) {
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const choice = page.locator(`#embed-hosts button[data-host="${host}"]`);
    if (host === 'markdown') {
      const [download] = await Promise.all([page.waitForEvent('download'), choice.click()]);
      picture = { name: download.suggestedFilename(), body: readFileSync((await download.path())!) };
    } else await choice.click();
    await expect(page.locator('.copied')).toContainText('copied');
    snippets[host] = await page.evaluate(() => navigator.clipboard.readText());
    await expect(page.locator('.copied')).toHaveText('');
  }
  const app = page.url();
  await page.close();
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(e.message));

  // A web page: the frame loads only as it is scrolled near (loading="lazy").
  expect(snippets.html).toContain('loading="lazy"');
  await routePages(p, {
    'lazy.html': {
      type: 'text/html',
      body: `<!doctype html><body><p>Lecture notes</p><div style="height:9000px"></div>${snippets.html}</body>`,
    },
    'deck.html': { type: 'text/html', body: revealPage(`<section>${snippets.reveal}</section>${snippets.revealBackground}`) },
    // Quarto (pandoc) writes a heading's attributes on its slide's section, each prefixed data-.
    'quarto.html': {
      type: 'text/html',
      body: revealPage(
        snippets.quarto!.replace(
          /^## \{(.*)\}$/,
          (_, attrs: string) => `<section ${attrs.replace(/(^|\s)([a-z-]+)=/g, '$1data-$2=')}><h2></h2></section>`,
        ),
      ),
    },
    'slidev.html': {
      type: 'text/html',
      // Slidev's iframe layout on a slide that v-show hides (display: none) until it is the current one.
      body: `<!doctype html><body><div id="slide" style="display:none"><div class="slidev-layout iframe" style="width:980px;height:552px"><iframe id="frame" style="width:100%;height:100%" src="${/url: '(.*)'/.exec(snippets.slidev!)![1]!.replace(/''/g, "'")}"></iframe></div></div></body>`,
    },
    'notebook.html': {
      type: 'text/html',
      // IPython.display.IFrame's HTML, in a notebook's output area.
      body: (() => {
        const [, src, w, h] = /IFrame\((".*"), width=(\d+), height=(\d+)\)/.exec(snippets.jupyter!)!;
        return `<!doctype html><body><div class="jp-OutputArea-output"><iframe width="${w}" height="${h}" src="${JSON.parse(src!)}" frameborder="0" allowfullscreen></iframe></div></body>`;
      })(),
    },
    'notes.html': {
      type: 'text/html',
      body: `<!doctype html><body>${snippets.markdown!.replace(/^\[!\[(.*)\]\((.*)\)\]\((.*)\)$/, '<a href="$3"><img alt="$1" src="/__deck/$2"></a>')}</body>`,
    },
    ...(picture ? { [picture.name]: { type: 'image/png', body: picture.body } } : {}),
  });

  await p.goto('/__deck/lazy.html');
  expect(p.frames().filter((f) => f.url().includes('embed=1'))).toHaveLength(0); // far below the fold: not loaded yet
  await p.locator('iframe').scrollIntoViewIfNeeded();
  await trains(p, 'iframe');

  // reveal.js: data-src makes the frame as its slide is entered, and unloads it when left.
  await p.goto('/__deck/deck.html');
  await p.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
  await expect(p.locator('section iframe')).not.toHaveAttribute('src');
  await p.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(1));
  await trains(p, 'section iframe');
  await p.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(0));
  await expect(p.locator('section iframe')).not.toHaveAttribute('src');
  // reveal.js's interactive background frame, on its own slide.
  await p.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(2));
  await trains(p, '.backgrounds .slide-background.present iframe');
  await p.frameLocator('.backgrounds .slide-background.present iframe').getByRole('button', { name: /pause/i }).click();
  await expect(p.frameLocator('.backgrounds .slide-background.present iframe').locator(STATUS)).toHaveAttribute('data-state', 'paused');

  await p.goto('/__deck/quarto.html');
  await p.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
  await p.evaluate(() => (window as unknown as { Reveal: { slide(i: number): void } }).Reveal.slide(1));
  await trains(p, '.backgrounds .slide-background.present iframe');

  // Slidev: hidden, it stands (no canvas made); shown, it trains.
  await p.goto('/__deck/slidev.html');
  const slidev = p.frameLocator('#frame');
  await expect(slidev.locator('.stage')).toHaveAttribute('data-presence', /hidden|asleep/, { timeout: 60_000 });
  await expect(slidev.locator('.stage')).toHaveAttribute('data-canvas', '0');
  await p.locator('#slide').evaluate((el) => ((el as HTMLElement).style.display = 'block'));
  await trains(p, '#frame');

  await p.goto('/__deck/notebook.html');
  await trains(p, 'iframe');

  // Markdown: the picture saved as the snippet names it, linking to the whole app.
  expect(picture?.name).toMatch(/^hypersphere_.*\.png$/);
  await p.goto('/__deck/notes.html');
  await expect.poll(() => p.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  const href = await p.locator('a').getAttribute('href');
  expect(href).toBe(app);
  await p.locator('img').click();
  await expect(p.locator('header h1')).toHaveText('Hypersphere');
  expect(errors).toEqual([]);
});
