// Holding classes out of training: the open-set lesson embeds classes the network never saw.
import type { Dataset, Split } from './types';

/** Most held-out samples kept per class: 300 each keeps the pair metrics of 4 classes near 720k pairs. */
export const MAX_HELDOUT_PER_CLASS = 300;

/** Rows of a split whose label passes `keep`, relabelled by `label`. */
function select(s: Split, dim: number, keep: (y: number) => boolean, label: (y: number) => number): Split {
  const rows: number[] = [];
  for (let i = 0; i < s.n; i++) if (keep(s.y[i]!)) rows.push(i);
  const x = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => x.set(s.x.subarray(r * dim, r * dim + dim), i * dim));
  return { x, y: Int32Array.from(rows, (r) => label(s.y[r]!)), n: rows.length };
}

/** At most `cap` rows per class, the first ones, grouped by class (labels 0…h−1). */
function groupAndCap(s: Split, dim: number, classes: number, cap: number): Split {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < s.n; i++) if (byClass[s.y[i]!]!.length < cap) byClass[s.y[i]!]!.push(i);
  const rows = byClass.flat();
  const x = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => x.set(s.x.subarray(r * dim, r * dim + dim), i * dim));
  return { x, y: Int32Array.from(rows, (r) => s.y[r]!), n: rows.length };
}

/**
 * The last h classes of a dataset held out: training and test keep classes 0…C−h−1; every sample
 * of the others (train and test alike, at most MAX_HELDOUT_PER_CLASS each, in their stored order)
 * becomes the held-out split, labelled 0…h−1. h = 0 returns the dataset unchanged.
 */
export function holdOutLastClasses(data: Dataset, h: number): Dataset {
  if (h <= 0) return data;
  const C = data.numClasses - h;
  if (C < 2) throw new Error(`cannot hold out ${h} of ${data.numClasses} classes: training needs at least 2`);
  const d = data.inputDim;
  const kept = (y: number) => y < C;
  const same = (y: number) => y;
  const out = (y: number) => y >= C;
  const local = (y: number) => y - C;
  const pooled: Split = (() => {
    const a = select(data.train, d, out, local);
    const b = select(data.test, d, out, local);
    const x = new Float32Array((a.n + b.n) * d);
    x.set(a.x);
    x.set(b.x, a.n * d);
    const y = new Int32Array(a.n + b.n);
    y.set(a.y);
    y.set(b.y, a.n);
    return { x, y, n: a.n + b.n };
  })();
  return {
    ...data,
    numClasses: C,
    train: select(data.train, d, kept, same),
    test: select(data.test, d, kept, same),
    heldout: groupAndCap(pooled, d, h, MAX_HELDOUT_PER_CLASS),
  };
}
