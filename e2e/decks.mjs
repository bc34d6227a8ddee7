// Decks made on the fly for the end-to-end tests and the bench: real reveal.js (the npm package's
// dist/) around frames of the app, served under /__deck/ from the page's own origin by page.route.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REVEAL = resolve(import.meta.dirname, '..', 'node_modules', 'reveal.js', 'dist');

/** A reveal.js deck page, one frame of the app per slide (`frames`: each one's query), as a lecturer would write it. */
export function deckHtml({ frames, transition = 'slide', lazy = false }) {
  const slides = frames
    .map(
      (q, i) =>
        `<section><h3>Slide ${i + 1}</h3><iframe id="f${i + 1}" ${lazy ? 'data-src' : 'src'}="/${q}" width="900" height="520" title="Embed ${i + 1}"></iframe></section>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/__deck/reveal.css"></head><body>
<div class="reveal"><div class="slides">${slides}</div></div>
<script type="module">import Reveal from '/__deck/reveal.mjs'; window.Reveal = Reveal;
Reveal.initialize({ hash: false, transition: '${transition}', width: 960, height: 700 }).then(() => (window.deckReady = true));</script>
</body></html>`;
}

/**
 * Serves `pages` (name → HTML, or {type, body}) at /__deck/<name> on `page`, and reveal.js's dist/
 * files beside them (/__deck/reveal.css, /__deck/reveal.mjs); anything else there is a 404.
 */
export async function routePages(page, pages) {
  await page.route('**/__deck/**', (route) => {
    const file = new URL(route.request().url()).pathname.split('/__deck/')[1];
    const p = pages[file];
    if (typeof p === 'string') return route.fulfill({ contentType: 'text/html', body: p });
    if (p) return route.fulfill({ contentType: p.type, body: p.body });
    if (file.startsWith('reveal.'))
      return route.fulfill({
        contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript',
        body: readFileSync(resolve(REVEAL, file)),
      });
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

/** Serves `html` at /__deck/<name> and reveal.js beside it on `page`; returns the deck's path. */
export async function routeDeck(page, html, name = 'deck.html') {
  await routePages(page, { [name]: html });
  return `/__deck/${name}`;
}
