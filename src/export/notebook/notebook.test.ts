import { describe, expect, it } from 'vitest';
import { crc32, datasetChecksum } from '../../data/checksum';
import { makeToyDataset } from '../../data/datasets';
import { LOSS_KINDS } from '../../losses/registry';
import { defaultParams } from '../../params/table';
import { decodeParams } from '../../params/urlCodec';
import { takeHomeCells } from './cells';
import { toIpynb, toScript } from './formats';
import { takeHomeInput } from './fromParams';
import { npy } from './npz';
import { importBlock, splitImports } from './pythonBundle';
import { pyLiteral } from './pyLiteral';

const input = (query: string) =>
  takeHomeInput(decodeParams(query).params, {
    link: `https://x/?${query}`,
    frames: [],
    step: 120,
    fresh: false,
    palette: ['#000'],
    checksum: '01234567',
  });

describe('the Python bundle', () => {
  it('hoists third-party imports and drops the project’s own, keeping the code verbatim', () => {
    const f = splitImports(
      '# a file\nimport math\n\nimport torch\nfrom .common import (\n    cosines,\n    target_of,\n)\nfrom losses import compute_loss\n\n\ndef f(x):\n    return math.pi * x\n',
    );
    expect(f.imports).toEqual(['import math', 'import torch']);
    expect(f.body).toBe('# a file\n\n\ndef f(x):\n    return math.pi * x\n');
    expect(importBlock([f, splitImports('from torch import nn\nimport math\nimport numpy as np\n')])).toBe(
      'import math\nimport numpy as np\nimport torch\nfrom torch import nn',
    );
  });

  it('writes Python literals: None, booleans, non-finite numbers, nested containers', () => {
    expect(pyLiteral({ a: null, b: true, c: [1, NaN, -Infinity], d: 'x"y' })).toBe(
      '{"a": None, "b": True, "c": [1, float("nan"), -float("inf")], "d": "x\\"y"}',
    );
  });
});

describe('the notebook', () => {
  it.each(LOSS_KINDS)('of a %s run defines its loss, registers it and nothing of the other losses', (kind) => {
    const code = takeHomeCells(input(`loss=${kind}`))
      .filter((c) => c.kind === 'code')
      .map((c) => c.source)
      .join('\n');
    expect(code).toMatch(new RegExp(`^def ${kind}\\(x, W, labels`, 'm'));
    expect(code).toContain(`register(${kind})`);
    for (const other of LOSS_KINDS.filter(
      (k) => k !== kind && !(kind === 'lsoftmax' && k === 'sphereface') && !(kind === 'subcenter' && k === 'arcface'),
    ))
      expect(code).not.toMatch(new RegExp(`^def ${other}\\(`, 'm'));
    expect(code).not.toMatch(/^from \.|^from (losses|toydata|training)/m);
  });

  it('is the same cells as the script, in the same order', () => {
    const cells = takeHomeCells(input('loss=cosface&m=0.2&seed=7'));
    const nb = JSON.parse(toIpynb(cells)) as { nbformat: number; cells: { cell_type: string; source: string[] }[] };
    expect(nb.nbformat).toBe(4);
    const script = toScript(cells);
    expect(nb.cells.map((c) => c.cell_type)).toEqual(cells.map((c) => c.kind));
    let at = 0;
    for (const c of nb.cells.filter((c) => c.cell_type === 'code')) {
      const next = script.indexOf(c.source.join('').trimEnd(), at);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
  });

  it('trains a compare link’s panels in turn, each with its own title, settings and spec', () => {
    const t = input('compare=softmax,arcface:m=0.4');
    expect(t.panels.map((p) => p.title)).toEqual(['Softmax', 'ArcFace m = 0.4, s = 10']);
    expect(t.panels[1]!.spec).toMatchObject({ kind: 'arcface', m: 0.4 });
    expect(t.steps).toBe(120);
  });

  it('says when it is a fresh run, and carries no app numbers then', () => {
    const t = { ...input(''), fresh: true };
    const cells = takeHomeCells(t);
    expect(cells[0]!.source).toContain('**A fresh run.**');
    expect(cells.find((c) => c.source.includes('PANELS = '))!.source).toContain('"app": {}');
  });
});

describe('the data’s fingerprint and carried arrays', () => {
  it('is zlib’s CRC-32', () => {
    expect(crc32([new TextEncoder().encode('123456789')]).toString(16)).toBe('cbf43926');
    const d = makeToyDataset('identities', { ...defaultParams(), holdout: 2 });
    expect(datasetChecksum(d)).toMatch(/^[0-9a-f]{8}$/);
    expect(datasetChecksum({ ...d, heldout: undefined })).not.toBe(datasetChecksum(d));
  });

  it('writes .npy headers numpy reads: magic, version 1.0, padded to 64 bytes', () => {
    const a = npy(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3]);
    const headerLength = a[8]! | (a[9]! << 8);
    const header = new TextDecoder().decode(a.subarray(10, 10 + headerLength));
    expect((10 + headerLength) % 64).toBe(0);
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(new Float32Array(a.slice(10 + headerLength).buffer)).toEqual(Float32Array.of(1, 2, 3, 4, 5, 6));
  });
});
