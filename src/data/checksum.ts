// A dataset's fingerprint: CRC-32 (zlib's) of its arrays' bytes, which the exported notebook checks
// its own regenerated data against (Python's zlib.crc32 over the same bytes). Pure.
import type { Dataset } from './types';

const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of byte arrays in turn, as one stream. */
export function crc32(parts: readonly ArrayBufferView[]): number {
  let c = 0xffffffff;
  for (const p of parts) {
    const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** The dataset's checksum: train x, y, test x, y, then held-out x, y (float32 and int32, little-endian), as 8 hex digits. */
export function datasetChecksum(d: Pick<Dataset, 'train' | 'test' | 'heldout'>): string {
  const splits = [d.train, d.test, ...(d.heldout ? [d.heldout] : [])];
  return crc32(splits.flatMap((s) => [s.x, s.y]))
    .toString(16)
    .padStart(8, '0');
}
