import { describe, expect, it } from 'vitest';
import { EMBED_HOSTS, appUrl, embedSnippet, embedUrl } from './embedSnippets';

const HREF = 'https://course.example/ml/hypersphere/?v=2&loss=arcface&m=0.3&compare=softmax%2Carcface&tour=2';

describe('embed snippets', () => {
  it('the embed link is the same query with embed=1, commas readable; the link out drops embed', () => {
    expect(embedUrl(HREF)).toBe('https://course.example/ml/hypersphere/?v=2&loss=arcface&m=0.3&compare=softmax,arcface&tour=2&embed=1');
    expect(appUrl(`${HREF}&embed=1`)).toBe('https://course.example/ml/hypersphere/?v=2&loss=arcface&m=0.3&compare=softmax,arcface&tour=2');
  });

  it('HTML: a lazy iframe whose src, & escaped, reads back as the embed link', () => {
    const s = embedSnippet('html', HREF);
    expect(s).toMatch(/^<iframe src="[^"]+" width="960" height="540" loading="lazy" /);
    const src = /src="([^"]+)"/.exec(s)![1]!.replace(/&amp;/g, '&');
    expect(src).toBe(embedUrl(HREF));
  });

  it('reveal.js: data-src (lazy), or an interactive background on its own section', () => {
    expect(embedSnippet('reveal', HREF)).toMatch(/^<iframe data-src="https:\/\/course\.example\/ml\/hypersphere\/\?v=2&amp;loss=arcface/);
    expect(embedSnippet('reveal', HREF)).not.toContain(' src=');
    expect(embedSnippet('revealBackground', HREF)).toMatch(
      /^<section data-background-iframe="[^"]+&amp;embed=1" data-background-interactive><\/section>$/,
    );
  });

  it('Quarto: a slide heading with background-iframe and background-interactive', () => {
    expect(embedSnippet('quarto', HREF)).toBe(
      `## {background-iframe="${embedUrl(HREF).replace(/&/g, '&amp;')}" background-interactive="true"}`,
    );
  });

  it('Slidev: front matter with layout: iframe and the url quoted for YAML', () => {
    expect(embedSnippet('slidev', HREF)).toBe(`---\nlayout: iframe\nurl: '${embedUrl(HREF)}'\n---`);
    expect(embedSnippet('slidev', "https://x.example/it's/?loss=arcface")).toContain(
      "url: 'https://x.example/it''s/?loss=arcface&embed=1'",
    );
  });

  it('Jupyter: IPython.display.IFrame with the link as a Python string and the size', () => {
    expect(embedSnippet('jupyter', HREF)).toBe(`from IPython.display import IFrame\nIFrame("${embedUrl(HREF)}", width=960, height=540)`);
  });

  it('Markdown: a picture linking to the whole app (no embed)', () => {
    expect(embedSnippet('markdown', `${HREF}&embed=1`, 'hypersphere_arcface.png')).toBe(
      `[![Hypersphere: margin losses on the sphere](hypersphere_arcface.png)](${appUrl(HREF)})`,
    );
  });

  it('every host in the menu has a snippet', () => {
    for (const { host } of EMBED_HOSTS) expect(embedSnippet(host, HREF).length).toBeGreaterThan(20);
  });
});
