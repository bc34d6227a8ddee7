// Lays panel snapshots out as one image (the single view, or compare mode's grid) with captions.

/** One panel of the picture: its pixels (the rectangle `source` of `image`, or all of it) and the caption burnt under it (empty: none). */
export interface Tile {
  image: CanvasImageSource & { width: number; height: number };
  source?: { x: number; y: number; width: number; height: number };
  caption: string;
}

const sizeOf = (t: Tile) => t.source ?? t.image;

/** Columns for n panels or tiles (the compare grid and saved pictures): side by side up to three, then two rows. */
export const gridColumns = (n: number) => (n <= 3 ? n : n === 4 ? 2 : 3);

/**
 * Draws tiles into `out` (resized to fit them) in a grid, each with its caption on a band under
 * it, `scale` device pixels per CSS pixel for the text. Returns `out`.
 */
export function composeTiles(
  out: HTMLCanvasElement,
  tiles: readonly Tile[],
  scale: number,
  background: string,
  foreground: string,
): HTMLCanvasElement {
  const cols = gridColumns(tiles.length);
  const rows = Math.ceil(tiles.length / cols);
  const w = Math.round(Math.max(...tiles.map((t) => sizeOf(t).width)));
  const h = Math.round(Math.max(...tiles.map((t) => sizeOf(t).height)));
  const captioned = tiles.some((t) => t.caption !== '');
  const band = captioned ? Math.round(26 * scale) : 0;
  const gap = tiles.length > 1 ? Math.round(4 * scale) : 0;
  const width = cols * w + (cols - 1) * gap;
  const height = rows * (h + band) + (rows - 1) * gap;
  if (out.width !== width || out.height !== height) {
    out.width = width;
    out.height = height;
  }
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  tiles.forEach((t, i) => {
    const x = (i % cols) * (w + gap);
    const y = Math.floor(i / cols) * (h + band + gap);
    if (t.source) ctx.drawImage(t.image, t.source.x, t.source.y, t.source.width, t.source.height, x, y, w, h);
    else ctx.drawImage(t.image, x, y, w, h);
    if (!band) return;
    ctx.fillStyle = background;
    ctx.fillRect(x, y + h, w, band);
    ctx.fillStyle = foreground;
    ctx.font = `600 ${Math.round(15 * scale)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillText(t.caption, x + 8 * scale, y + h + band / 2, w - 16 * scale);
  });
  return out;
}

/** A file name from its parts: lower case, only letters, digits, dots, dashes. */
export function fileName(parts: readonly string[], ext: string): string {
  const stem = parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('_');
  return `${stem || 'hypersphere'}.${ext}`;
}

/** Offers a blob as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
