// The compact MNIST asset: the digits' first principal components, computed at build time.
// Layout (little-endian): "HSMP", uint32 count, uint32 k, count uint8 labels, zero padding to a
// multiple of 4 bytes, then count×k float32 component scores.
export const MNIST_MAGIC = 0x504d5348; // "HSMP"
export const MNIST_PIXELS = 28 * 28;
/** Principal components kept: 50 carry about 82 % of the pixel variance. */
export const MNIST_COMPONENTS = 50;
export const MNIST_ASSET_NAME = 'mnist-10k-pca50.bin';

const HEADER = 12;
const padded = (n: number) => Math.ceil(n / 4) * 4;

/** Packs labels and their n×k features into the binary asset. */
export function encodeMnist(labels: ArrayLike<number>, features: Float32Array, k: number): Uint8Array {
  const count = labels.length;
  if (features.length !== count * k) throw new Error(`encodeMnist: ${features.length} features for ${count}×${k}`);
  const offset = HEADER + padded(count);
  const out = new Uint8Array(offset + count * k * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, MNIST_MAGIC, true);
  view.setUint32(4, count, true);
  view.setUint32(8, k, true);
  for (let i = 0; i < count; i++) out[HEADER + i] = labels[i] as number;
  for (let i = 0; i < features.length; i++) view.setFloat32(offset + 4 * i, features[i]!, true);
  return out;
}

/** Reads the asset back (copies), or throws on a file that is not one. */
export function decodeMnist(buffer: ArrayBuffer): { count: number; k: number; labels: Uint8Array; features: Float32Array } {
  const view = new DataView(buffer);
  if (buffer.byteLength < HEADER || view.getUint32(0, true) !== MNIST_MAGIC) throw new Error('not an MNIST asset (bad magic)');
  const count = view.getUint32(4, true);
  const k = view.getUint32(8, true);
  const offset = HEADER + padded(count);
  if (k === 0 || buffer.byteLength !== offset + count * k * 4)
    throw new Error(`MNIST asset truncated: ${buffer.byteLength} bytes for ${count}×${k}`);
  const features = new Float32Array(count * k);
  for (let i = 0; i < features.length; i++) features[i] = view.getFloat32(offset + 4 * i, true);
  return { count, k, labels: new Uint8Array(buffer.slice(HEADER, HEADER + count)), features };
}
