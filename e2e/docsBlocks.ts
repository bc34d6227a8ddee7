// The bench tables of docs/: each is rendered from its bench's output file in bench/ (committed),
// so every number the docs quote from a bench is that file's. The benches write the file and the
// block; src/docs.test.ts renders each block again from the file and fails when the doc differs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonMarkdown, replaceBetween } from './lesson/report';
import { openSetMarkdown } from './openset/report';
import { openSetRuns } from './openset/runs';
import { newerMarkdown } from './newer/report';
import { perfMarkdown } from './perfReport';
import { pythonMarkdown } from './python/report';
import { forcesMarkdown } from './forces/report';

export interface BenchBlock {
  /** The block's name: `<!-- generated:NAME:begin -->` … `<!-- generated:NAME:end -->`. */
  name: string;
  /** The doc that holds it. */
  doc: string;
  /** The bench output file it is rendered from. */
  source: string;
  render(): string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the output files are the benches' JSON */
const BLOCKS: { name: string; doc: string; source: string; render: (j: any) => string }[] = [
  {
    name: 'lesson',
    doc: 'docs/measured.md',
    source: 'bench/lesson.json',
    render: (j) => lessonMarkdown(j.runs, j.goals, j.defaultRun, j.seeds, j.steps),
  },
  {
    name: 'openset',
    doc: 'docs/measured.md',
    source: 'bench/openset.json',
    render: (j) =>
      openSetMarkdown(
        j.runs,
        j.goals,
        j.seeds,
        j.steps,
        openSetRuns().map((r) => r.label),
        j.metrics,
      ),
  },
  { name: 'forces', doc: 'docs/measured.md', source: 'bench/forces.json', render: (j) => forcesMarkdown(j) },
  { name: 'newer', doc: 'docs/measured.md', source: 'bench/newer.json', render: (j) => newerMarkdown(j.runs, j.seeds, j.steps) },
  { name: 'performance', doc: 'docs/performance.md', source: 'bench/results.json', render: (j) => perfMarkdown(j) },
  { name: 'python', doc: 'docs/takehome.md', source: 'bench/python.json', render: (j) => pythonMarkdown(j) },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Every bench block whose output file is in bench/ under `root`. */
export function benchBlocks(root: string): BenchBlock[] {
  return BLOCKS.map((b) => ({
    name: b.name,
    doc: b.doc,
    source: b.source,
    render: () => {
      const path = join(root, b.source);
      if (!existsSync(path)) throw new Error(`${b.source} is missing: run its bench`);
      return b.render(JSON.parse(readFileSync(path, 'utf8')));
    },
  }));
}

/** The block of one bench, by name. */
export function benchBlock(root: string, name: string): BenchBlock {
  const b = benchBlocks(root).find((x) => x.name === name);
  if (!b) throw new Error(`no bench block ${name}`);
  return b;
}

const begin = (name: string) => `<!-- generated:${name}:begin -->`;
const end = (name: string) => `<!-- generated:${name}:end -->`;

/** The text of a doc's generated block `name` (between its markers, trimmed), or undefined without them. */
export function readBlock(text: string, name: string): string | undefined {
  const a = text.indexOf(begin(name));
  const b = text.indexOf(end(name));
  return a < 0 || b < a ? undefined : text.slice(a + begin(name).length, b).trim();
}

/** Writes `body` as the generated block `name` of the doc at `path` (under `root`). */
export function writeBlock(root: string, path: string, name: string, body: string): void {
  const file = join(root, path);
  writeFileSync(file, replaceBetween(readFileSync(file, 'utf8'), begin(name), end(name), `\n${body}\n`));
}

/** Renders a bench's block from its output file into its doc (run by the bench after writing the file). */
export function writeBenchBlock(name: string, root = process.cwd()): void {
  const b = benchBlock(root, name);
  writeBlock(root, b.doc, name, b.render());
}
