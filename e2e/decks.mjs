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

/** Serves `html` at /__deck/<name> and reveal.js beside it on `page`; returns the deck's path. */
export async function routeDeck(page, html, name = 'deck.html') {
  await page.route('**/__deck/**', (route) => {
    const file = new URL(route.request().url()).pathname.split('/__deck/')[1];
    if (file === name) return route.fulfill({ contentType: 'text/html', body: html });
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return route.fulfill({ contentType: type, body: readFileSync(resolve(REVEAL, file)) });
  });
  return `/__deck/${name}`;
}
