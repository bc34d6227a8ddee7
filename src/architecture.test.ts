// The house rules the folders keep, checked on the code itself: the page never loads tfjs, and the
// folders of src/ import each other without a cycle, with the schema at the bottom.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LOSS_KINDS, lossDef } from './losses/registry';

/** Each folder of src/ (its first path segment) and the folders its files import from, with one file that does. */
type FolderGraph = Map<string, Map<string, string>>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']*)'|(?:^|\n)\s*import\s+'(\.{1,2}\/[^']*)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' || e.name === 'testdata' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The folder a path under `src` lies in ('.' for a file at its top; null outside `src`). */
function folderOf(src: string, path: string): string | null {
  const rel = relative(src, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(/[\\/]/);
  const isFolder = existsSync(path) && statSync(path).isDirectory(); // '../losses': its index
  return parts.length > 1 || isFolder ? parts[0]! : '.';
}

/**
 * The folder-level import graph of the code under `src` (tests and test helpers left out), type
 * imports included. Run on `src/view` it is the graph of the view's rooms.
 */
function folderGraph(src: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(src)) {
    const from = folderOf(src, file)!;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(src, resolve(dirname(file), (m[1] ?? m[2])!));
      if (to !== null && to !== from && !edges.has(to)) edges.set(to, relative(src, file));
    }
  }
  return graph;
}

/** A cycle of folders (first folder repeated at the end), or null when the graph has none. */
function findCycle(graph: FolderGraph): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const eslint = new ESLint();

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function ruleIdsAt(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('tfjs stays on the worker side', () => {
  const tfjsImport = "import * as tf from '@tensorflow/tfjs-core';\nexport const zeros = tf.zeros;\n";

  it.each([
    'src/ui/Probe.tsx',
    'src/view/probe.ts',
    'src/panels/Probe.tsx',
    'src/client/probe.ts',
    'src/params/probe.ts',
    'src/state/probe.ts',
  ])('a tfjs import in %s fails lint', async (path) => {
    expect(await ruleIdsAt(path, tfjsImport)).toContain('no-restricted-imports');
  });

  it('so does a type-only import or another tfjs package on the page', async () => {
    expect(
      await ruleIdsAt('src/ui/Probe.tsx', "import type { Tensor } from '@tensorflow/tfjs-core';\nexport type T = Tensor;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsAt('src/app/probe.ts', "import '@tensorflow/tfjs-backend-webgl';\n")).toContain('no-restricted-imports');
  });

  it.each(['src/train/probe.ts', 'src/worker/probe.ts', 'src/losses/probe.ts', 'src/ui/probe.test.ts'])(
    '%s may import tfjs',
    async (path) => {
      expect(await ruleIdsAt(path, tfjsImport)).not.toContain('no-restricted-imports');
    },
  );
});

describe('the folders of src/', () => {
  const graph = folderGraph(resolve(import.meta.dirname, '.'));

  it('import each other without a cycle', () => {
    const cycle = findCycle(graph);
    const witness = cycle?.slice(1).map((to, i) => `${cycle[i]} → ${to} (${graph.get(cycle[i]!)!.get(to)})`);
    expect(witness ?? []).toEqual([]);
  });

  it('the schema imports nothing else in src/', () => {
    expect([...(graph.get('schema')?.keys() ?? [])]).toEqual([]);
    expect(graph.has('schema')).toBe(true);
  });

  it('the cycle finder finds a cycle (a → b → c → a) and none in a chain', () => {
    const edges = (pairs: [string, string][]) => {
      const g: FolderGraph = new Map();
      for (const [a, b] of pairs) g.set(a, (g.get(a) ?? new Map()).set(b, `${a}/x.ts`));
      return g;
    };
    expect(
      findCycle(
        edges([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        edges([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('the rooms of src/view/', () => {
  const viewDir = resolve(import.meta.dirname, 'view');
  const graph = folderGraph(viewDir);
  const rooms = readdirSync(viewDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it('import each other without a cycle, and none imports the view’s top (Scene, the canvases)', () => {
    const cycle = findCycle(graph);
    const witness = cycle?.slice(1).map((to, i) => `${cycle[i]} → ${to} (${graph.get(cycle[i]!)!.get(to)})`);
    expect(witness ?? []).toEqual([]);
    const upward = rooms.filter((r) => graph.get(r)?.has('.')).map((r) => `${r} → . (${graph.get(r)!.get('.')})`);
    expect(upward).toEqual([]);
  });

  it('each has a one-line README that says what it holds', () => {
    for (const room of rooms) {
      const text = readFileSync(join(viewDir, room, 'README.md'), 'utf8').trim();
      expect(text.split('\n'), room).toHaveLength(1);
      expect(text, room).toMatch(new RegExp(`^# view/${room} — .{20,}`));
    }
  });
});

describe("the project's own text stays true", () => {
  const root = resolve(import.meta.dirname, '..');
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const built = doc.slice(doc.indexOf('## How it is built'), doc.indexOf('## Adding a loss'));
  const listed = [...built.matchAll(/^- `src\/([a-z]+)\/`/gm)].map((m) => m[1]!);
  const graph = folderGraph(resolve(import.meta.dirname, '.'));

  it('docs/architecture.md names every room of src/view/, each after the rooms it imports', () => {
    const rooms = [...built.matchAll(/^ {2}- `src\/view\/([a-z]+)\/`/gm)].map((m) => m[1]!);
    const dirs = readdirSync(join(import.meta.dirname, 'view'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...rooms].sort()).toEqual([...dirs].sort());
    const viewGraph = folderGraph(join(import.meta.dirname, 'view'));
    const upward = [...viewGraph].flatMap(([from, edges]) =>
      [...edges]
        .filter(([to]) => from !== '.' && to !== '.' && rooms.indexOf(to) > rooms.indexOf(from))
        .map(([to, file]) => `${from} → ${to} (${file})`),
    );
    expect(upward).toEqual([]);
  });

  it("docs/architecture.md's “How it is built” names every folder of src/, each after the folders it imports", () => {
    const folders = readdirSync(import.meta.dirname, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...listed].sort()).toEqual([...folders].sort());
    const upward = [...graph].flatMap(([from, edges]) =>
      [...edges]
        .filter(([to]) => from !== '.' && to !== '.' && listed.indexOf(to) > listed.indexOf(from))
        .map(([to, file]) => `${from} → ${to} (${file})`),
    );
    expect(upward).toEqual([]);
  });

  it('it names every loss file, and package.json and the web app manifest name every loss', () => {
    const losses = built.slice(built.indexOf('`src/losses/`'), built.indexOf('`src/data/`'));
    for (const kind of LOSS_KINDS) expect(losses, kind).toContain(`\`${kind}.ts\``);
    const description = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).description as string;
    const manifest = readFileSync(join(root, 'vite.config.ts'), 'utf8').match(/description:\s*'([^']*)'/)?.[1] ?? '';
    for (const kind of LOSS_KINDS) {
      const label = lossDef(kind).meta.label;
      expect(description.toLowerCase(), `package.json: ${label}`).toContain(label.toLowerCase());
      expect(manifest.toLowerCase(), `manifest: ${label}`).toContain(label.toLowerCase());
    }
  });
});
