// Loads the reference loss vectors: every vectors-*.json in the shared folder beside the
// repository when present (CI lays it there), else the copy committed under testdata/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LossSpec } from '../types';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../../../shared/losses');
const COMMITTED = resolve(here, '../testdata');

type Matrix = number[][];
export interface VectorCase {
  name: string;
  loss: string;
  description?: string;
  inputs: { x: Matrix; W: Matrix; labels: number[] };
  params: Record<string, unknown>;
  expected: {
    loss: number;
    grad_x: Matrix;
    grad_W: Matrix;
    grad_b?: number[] | number;
    centers_updated?: Matrix;
  };
}

/** All reference cases, tagged with the file they came from. */
export function loadVectorCases(): { file: string; cases: VectorCase[] }[] {
  const dir = existsSync(SHARED) ? SHARED : COMMITTED;
  return readdirSync(dir)
    .filter((f) => /^vectors.*\.json$/.test(f))
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: VectorCase[] };
      return { file, cases: doc.cases };
    });
}

const num = (v: unknown, fallback?: number): number => {
  if (typeof v === 'number') return v;
  if (fallback !== undefined) return fallback;
  throw new Error(`expected a number, got ${String(v)}`);
};

/** The LossSpec a reference case describes, or undefined for a loss this library does not have. */
export function specOf(c: VectorCase): LossSpec | undefined {
  const p = c.params;
  switch (c.loss) {
    case 'softmax':
      return { kind: 'softmax' };
    case 'center':
      return {
        kind: 'center',
        lambda: num(p.lambda),
        normalize: p.normalize === true,
        includeSoftmax: p.include_softmax !== false,
      };
    case 'normface':
      return { kind: 'normface', s: num(p.s) };
    case 'cosface':
      return { kind: 'cosface', s: num(p.s), m: num(p.m) };
    case 'arcface': {
      const fallback = (p.fallback ?? 'insightface') as 'insightface' | 'easy' | 'none';
      const detached = p.gradient === 'detached' || p.detached === true;
      return { kind: 'arcface', s: num(p.s), m: num(p.m), fallback, gradient: detached ? 'detached' : 'exact' };
    }
    case 'combined':
      return { kind: 'combined', s: num(p.s), m1: num(p.m1), m2: num(p.m2), m3: num(p.m3) };
    case 'sphereface': {
      const fixedScale = p.scale_mode !== undefined && p.scale_mode !== 'xnorm' ? num(p.s) : undefined;
      return fixedScale === undefined
        ? { kind: 'sphereface', m: num(p.m), lambda: num(p.lambda) }
        : { kind: 'sphereface', m: num(p.m), lambda: num(p.lambda), s: fixedScale };
    }
    case 'magface':
      return { kind: 'magface', s: num(p.s), la: num(p.l_a), ua: num(p.u_a), lm: num(p.l_m), um: num(p.u_m), lambdaG: num(p.lambda_g) };
    case 'adaface':
      return {
        kind: 'adaface',
        s: num(p.s),
        m: num(p.m),
        h: num(p.h),
        batchMean: num(p.batch_mean),
        batchStd: num(p.batch_std),
        alpha: num(p.t_alpha),
      };
    case 'lsoftmax':
      return { kind: 'lsoftmax', m: num(p.m), lambda: num(p.lambda) };
    case 'subcenter_arcface':
    case 'subcenter': {
      const fallback = (p.fallback ?? 'none') as 'insightface' | 'easy' | 'none';
      return { kind: 'subcenter', K: num(p.K), s: num(p.s), m: num(p.m), fallback };
    }
    case 'sphereface2': {
      const gradient = p.grad_mode === 'exact' || p.gradient === 'exact' ? 'exact' : 'detached';
      return { kind: 'sphereface2', alpha: num(p.alpha), r: num(p.r), m: num(p.m), t: num(p.t), lw: num(p.lw), gradient };
    }
    case 'curricular':
      return { kind: 'curricular', s: num(p.s), m: num(p.m), t: num(p.t) };
    default:
      return undefined;
  }
}
