// "Copy embed code": the current link as each host where lecturers put it wants it (pure).

/** Where the embed goes. */
export type EmbedHost = 'html' | 'reveal' | 'revealBackground' | 'quarto' | 'slidev' | 'jupyter' | 'markdown';

export const EMBED_HOSTS: readonly { host: EmbedHost; label: string; hint: string }[] = [
  { host: 'html', label: 'Web page (HTML)', hint: 'an <iframe> that loads when scrolled near (loading="lazy")' },
  { host: 'reveal', label: 'reveal.js slide', hint: 'data-src: made when its slide is entered, unloaded when left' },
  { host: 'revealBackground', label: 'reveal.js full-slide', hint: 'an interactive background frame filling the slide' },
  { host: 'quarto', label: 'Quarto (revealjs)', hint: 'a slide whose interactive background is the app' },
  { host: 'slidev', label: 'Slidev', hint: 'a slide with layout: iframe' },
  { host: 'jupyter', label: 'Jupyter notebook', hint: 'IPython.display.IFrame in a code cell' },
  { host: 'markdown', label: 'Markdown link + picture', hint: 'a PNG of the view (saved now) linking to the app' },
];

/** A title for the frame: the app's, and what it shows. */
const TITLE = 'Hypersphere: margin losses on the sphere';
export const EMBED_WIDTH = 960;
export const EMBED_HEIGHT = 540;

/** The link with embed=1 (the view, a compact status and the named controls), commas left readable. */
export function embedUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.set('embed', '1');
  return readable(url);
}

/** The link without embed: the whole app, for a link out. */
export function appUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return readable(url);
}

const readable = (url: URL) => url.toString().replace(/%2C/g, ',');
/** An attribute value (URLs carry & and maybe quotes). */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
/** A Python string literal. */
const py = (s: string) => JSON.stringify(s);
/** A YAML scalar, quoted (a URL holds ':' and '#'). */
const yaml = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The snippet for `host`: `href` is the app's current link. The Markdown one names `picture`, a
 * PNG saved beside the document (the Share menu saves it as the snippet is copied).
 */
export function embedSnippet(host: EmbedHost, href: string, picture = 'hypersphere.png'): string {
  const src = embedUrl(href);
  const size = `width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}"`;
  switch (host) {
    case 'html':
      return `<iframe src="${attr(src)}" ${size} loading="lazy" style="border:0" allow="fullscreen" title="${TITLE}"></iframe>`;
    case 'reveal':
      return `<iframe data-src="${attr(src)}" ${size} style="border:0" allow="fullscreen" title="${TITLE}"></iframe>`;
    case 'revealBackground':
      return `<section data-background-iframe="${attr(src)}" data-background-interactive></section>`;
    case 'quarto':
      return `## {background-iframe="${attr(src)}" background-interactive="true"}`;
    case 'slidev':
      return `---\nlayout: iframe\nurl: ${yaml(src)}\n---`;
    case 'jupyter':
      return `from IPython.display import IFrame\nIFrame(${py(src)}, width=${EMBED_WIDTH}, height=${EMBED_HEIGHT})`;
    case 'markdown':
      return `[![${TITLE}](${picture})](${appUrl(href)})`;
  }
}
