// Draws a sweep's metric against its values on a 2-D canvas: each value's seed mean as a dot, its
// range over the seeds as a bar, the means joined (DOM-only, no React). A canvas so that the chart
// saves as a PNG as it is seen.
import { PERCENT_METRICS, type Spread, type SweepMetric } from '../metrics/sweepAggregate';

export interface ChartColors {
  ink: string;
  muted: string;
  accent: string;
  grid: string;
  background: string;
}

const PAD = { left: 46, right: 12, top: 12, bottom: 34 };

/** Nice y-axis bounds and ticks around [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(10)));
  if (out[out.length - 1]! < hi) out.push(out[out.length - 1]! + step);
  return out;
}

/**
 * Draws `rows` (one per value, null where none has finished) of `metric` in CSS pixels `width` ×
 * `height` (the canvas is scaled by `dpr`). `selected` is the value whose settings are loaded.
 */
export function drawSweepChart(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  dpr: number,
  labels: readonly string[],
  rows: readonly (Spread | null)[],
  metric: SweepMetric,
  colors: ChartColors,
  selected = -1,
): void {
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, width, height);
  const k = PERCENT_METRICS.has(metric) ? 100 : 1;
  const seen = rows.filter((r): r is Spread => r !== null);
  const ys = ticks(seen.length ? Math.min(...seen.map((r) => r.min * k)) : 0, seen.length ? Math.max(...seen.map((r) => r.max * k)) : 1);
  const [y0, y1] = [ys[0]!, ys[ys.length - 1]!];
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const X = (i: number) => PAD.left + (labels.length === 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW * 0.92 + plotW * 0.04);
  const Y = (v: number) => PAD.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (const t of ys) {
    ctx.strokeStyle = colors.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(PAD.left, Y(t));
    ctx.lineTo(width - PAD.right, Y(t));
    ctx.stroke();
    ctx.fillStyle = colors.muted;
    ctx.fillText(String(t), PAD.left - 6, Y(t));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  labels.forEach((l, i) => {
    ctx.fillStyle = i === selected ? colors.accent : colors.ink;
    ctx.font = `${i === selected ? 700 : 400} 12px system-ui, sans-serif`;
    ctx.fillText(l, X(i), height - PAD.bottom + 8);
  });
  // The means joined where consecutive values have them.
  ctx.strokeStyle = colors.accent;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let open = false;
  rows.forEach((r, i) => {
    if (!r) return void (open = false);
    if (open) ctx.lineTo(X(i), Y(r.mean * k));
    else ctx.moveTo(X(i), Y(r.mean * k));
    open = true;
  });
  ctx.stroke();
  rows.forEach((r, i) => {
    if (!r) return;
    ctx.strokeStyle = colors.ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(X(i), Y(r.min * k));
    ctx.lineTo(X(i), Y(r.max * k));
    for (const v of [r.min, r.max]) {
      ctx.moveTo(X(i) - 5, Y(v * k));
      ctx.lineTo(X(i) + 5, Y(v * k));
    }
    ctx.stroke();
    ctx.fillStyle = colors.accent;
    ctx.strokeStyle = colors.background;
    ctx.beginPath();
    ctx.arc(X(i), Y(r.mean * k), i === selected ? 6 : 4.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  });
}

/** The value index a click at CSS x falls nearest to. */
export function valueAt(x: number, width: number, count: number): number {
  const plotW = width - PAD.left - PAD.right;
  if (count <= 1) return 0;
  const t = (x - PAD.left - plotW * 0.04) / (plotW * 0.92);
  return Math.min(count - 1, Math.max(0, Math.round(t * (count - 1))));
}
