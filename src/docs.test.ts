// The project's own text stays true: the README is short and names what exists; the URL table in
// docs/url.md is the parameter table's; every bench table in docs/ is its bench's output file,
// rendered. `npm run docs` (UPDATE_DOCS=1) rewrites the generated parts instead of failing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOSS_KINDS, lossDef } from './losses/registry';
import { TOUR_LENGTH } from './params/table';
import { urlTable } from './params/urlDocs';
import { benchBlocks, readBlock, writeBlock } from '../e2e/docsBlocks';

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const update = process.env.UPDATE_DOCS === '1';

/** Checks (or, under UPDATE_DOCS=1, writes) one generated block of a doc. */
function checkBlock(path: string, name: string, body: string) {
  if (update) return writeBlock(root, path, name, body);
  expect(readBlock(read(path), name), `${path}: the ${name} block differs from its source; run \`npm run docs\``).toBe(body.trim());
}

const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));

describe('the README', () => {
  const readme = read('README.md');

  it('is at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('names every loss in its opening, and the tour by its length', () => {
    const opening = readme.slice(0, readme.indexOf('## '));
    for (const kind of LOSS_KINDS) expect(opening.toLowerCase(), kind).toContain(lossDef(kind).meta.label.toLowerCase());
    expect(readme).toContain(`${TOUR_LENGTH} live steps`);
  });
});

describe('every doc', () => {
  const texts = [['README.md', read('README.md')] as const, ...docs.map((f) => [`docs/${f}`, read(`docs/${f}`)] as const)];

  it.each(texts.map(([path]) => path))('%s: every file it names and every link to a file exists', (path) => {
    const text = texts.find(([p]) => p === path)![1];
    // `src/…`, `e2e/…`, `docs/…`, `public/…`, `python/…` in code spans, and relative Markdown links.
    // (Files in bench/ are benches' outputs: the ones docs/ renders from are checked by their blocks.)
    const named = [...text.matchAll(/`((?:src|e2e|docs|public|python)\/[^`\s]*)`/g)].map((m) => m[1]!);
    const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    const linked = [...prose.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)/g)].map((m) =>
      join(path.startsWith('docs/') ? 'docs' : '.', m[1]!),
    );
    const missing = [...named, ...linked]
      .map((p) => p.replace(/[.,:;]$/, ''))
      .filter((p) => !/[*{}]/.test(p) && !existsSync(join(root, p)));
    expect(missing).toEqual([]);
  });
});

describe('generated blocks', () => {
  it('docs/url.md holds the URL table made from the parameter table', () => {
    checkBlock('docs/url.md', 'url', urlTable());
  });

  it.each(benchBlocks(root).map((b) => [b.name, b] as const))('%s: its table is its bench output file, rendered', (_name, b) => {
    checkBlock(b.doc, b.name, b.render());
  });
});
