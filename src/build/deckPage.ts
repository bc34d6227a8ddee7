// Vite plugin: the example deck (src/deck/slides.html) as the build's second page, served and
// written at the site's root as slides.html, beside the app's index.html, so that its frames'
// relative links (./?embed=1…) reach the app from any sub-path.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = 'src/deck/slides.html';
const PAGE = 'slides.html';

export function deckPage(root: string): Plugin {
  return {
    name: 'hypersphere-deck-page',
    config: () => ({
      build: { rollupOptions: { input: { main: resolve(root, 'index.html'), slides: resolve(root, SOURCE) } } },
    }),
    // The dev server answers /slides.html with the deck (its script's URL is absolute, so it resolves there too).
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === `/${PAGE}` || req.url?.startsWith(`/${PAGE}?`)) req.url = `/${SOURCE}${req.url.slice(PAGE.length + 1)}`;
        next();
      });
    },
    // Written two folders up from where Vite put it: its relative URLs lose the two `../`.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle[SOURCE];
        if (!page || page.type !== 'asset') return this.error(`the deck page ${SOURCE} was not built`);
        const html = String(page.source).replaceAll('"../../', '"./');
        if (html.includes('../')) return this.error(`the deck page still has a ../ URL after moving it to the root`);
        delete bundle[SOURCE];
        this.emitFile({ type: 'asset', fileName: PAGE, source: html });
      },
    },
  };
}
