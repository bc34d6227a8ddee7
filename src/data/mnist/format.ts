// The compact MNIST asset: "HSMN", uint32 count, count uint8 labels, count×784 uint8 pixels.
export const MNIST_MAGIC = 0x4e4d5348; // "HSMN" little-endian
export const MNIST_PIXELS = 28 * 28;
export const MNIST_ASSET_NAME = 'mnist-10k.bin';

/** Packs per-digit pixel arrays (values 0–1, 784 per sample) into the binary asset. */
export function encodeMnist(digits: ArrayLike<number>[]): Uint8Array {
  const counts = digits.map((d) => Math.floor(d.length / MNIST_PIXELS));
  const count = counts.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(8 + count + count * MNIST_PIXELS);
  const view = new DataView(out.buffer);
  view.setUint32(0, MNIST_MAGIC, true);
  view.setUint32(4, count, true);
  let sample = 0;
  digits.forEach((pixels, label) => {
    for (let i = 0; i < (counts[label] ?? 0); i++, sample++) {
      out[8 + sample] = label;
      const base = 8 + count + sample * MNIST_PIXELS;
      for (let p = 0; p < MNIST_PIXELS; p++) {
        const v = pixels[i * MNIST_PIXELS + p] ?? 0;
        out[base + p] = Math.max(0, Math.min(255, Math.round(v * 255)));
      }
    }
  });
  return out;
}

/** Reads the asset back: labels and uint8 pixels (views into `buffer`), or throws on a bad file. */
export function decodeMnist(buffer: ArrayBuffer): { count: number; labels: Uint8Array; pixels: Uint8Array } {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8 || view.getUint32(0, true) !== MNIST_MAGIC) throw new Error('not an MNIST asset (bad magic)');
  const count = view.getUint32(4, true);
  if (buffer.byteLength !== 8 + count * (1 + MNIST_PIXELS)) throw new Error(`MNIST asset truncated: ${buffer.byteLength} bytes for ${count} samples`);
  return { count, labels: new Uint8Array(buffer, 8, count), pixels: new Uint8Array(buffer, 8 + count, count * MNIST_PIXELS) };
}
