// Arrays as numpy's .npz (a zip of .npy files), and the zip a notebook travels in with its data.
import { strToU8, zipSync } from 'fflate';

type NpyArray = Float32Array | Int32Array;

/** One array in numpy's .npy format (version 1.0, little-endian, C order). */
export function npy(a: NpyArray, shape: readonly number[]): Uint8Array {
  const descr = a instanceof Float32Array ? '<f4' : '<i4';
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const out = new Uint8Array(10 + header.length + a.byteLength);
  out.set([0x93, ...strToU8('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(strToU8(header), 10);
  out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), 10 + header.length);
  return out;
}

export interface CarriedSplit {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** The arrays a run trained on as an .npz: train_x, train_y, test_x, test_y (held-out too, when any) and classes. */
export function datasetNpz(d: {
  inputDim: number;
  numClasses: number;
  train: CarriedSplit;
  test: CarriedSplit;
  heldout?: CarriedSplit;
}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'classes.npy': npy(Int32Array.of(d.numClasses), [1]) };
  for (const [part, s] of [
    ['train', d.train],
    ['test', d.test],
    ['heldout', d.heldout],
  ] as const) {
    if (!s) continue;
    files[`${part}_x.npy`] = npy(s.x, [s.n, d.inputDim]);
    files[`${part}_y.npy`] = npy(s.y, [s.n]);
  }
  return zipSync(files, { level: 0 });
}

/** A zip of named files (text or bytes), deflated. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 6 });
}
