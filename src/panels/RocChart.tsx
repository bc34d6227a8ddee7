import { useRef } from 'react';
import uPlot from 'uplot';
import { useKeyed } from '../hooks/useKeyed';
import type { VerificationMetrics } from '../train/frame';
import { UPlotChart } from './UPlotChart';
import { MIN_FAR, rocSeries } from './verificationData';

/** TAR against FAR (log axis), one curve per row, the threshold's operating point on the first. */
export function RocChart({
  rows,
  marker,
}: {
  rows: { title: string; v: VerificationMetrics | undefined; color: string }[];
  marker?: { tar: number; far: number };
}) {
  const key = rows.map((r) => r.title).join('|');
  const data = useKeyed<uPlot.AlignedData>(
    () => {
      const curves = rows.map((r) => (r.v ? rocSeries(r.v) : { far: [], tar: [] }));
      // uPlot shares one x array: every curve's FARs merged, each TAR carried forward between its own points.
      const xs = [...new Set(curves.flatMap((c) => c.far))].sort((a, b) => a - b);
      const ys = curves.map((c) => {
        let k = 0;
        let last: number | null = null;
        return xs.map((x) => {
          while (k < c.far.length && c.far[k]! <= x) last = c.tar[k++]!;
          return last;
        });
      });
      return [xs, ...ys] as uPlot.AlignedData;
    },
    rows.map((r) => r.v),
  );
  const markerRef = useRef(marker);
  markerRef.current = marker;
  const opts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: rows.length > 1, live: false },
      cursor: { show: false },
      scales: { x: { time: false, distr: 3, range: [MIN_FAR, 1] }, y: { range: [0, 1] } },
      axes: [
        {
          label: 'FAR (log)',
          splits: () => [1e-4, 1e-3, 1e-2, 1e-1, 1],
          values: (_u, t) => t.map((x) => (x >= 1 ? '1' : `10${superscript(Math.round(Math.log10(x)))}`)),
          size: 30,
          labelSize: 18,
        },
        { label: 'TAR', values: (_u, t) => t.map((x) => `${Math.round(x * 100)}%`), size: 44, labelSize: 18 },
      ],
      series: [
        {},
        ...rows.map((r, i) => ({ label: r.title, stroke: r.color, width: 2.5, dash: i % 2 ? [6, 3] : undefined, spanGaps: true })),
      ],
      hooks: {
        draw: [
          (u) => {
            const m = markerRef.current;
            if (!m || m.far < MIN_FAR) return;
            const ctx = u.ctx;
            ctx.save();
            ctx.fillStyle = getComputedStyle(u.root).color || '#000';
            ctx.beginPath();
            ctx.arc(u.valToPos(m.far, 'x', true), u.valToPos(m.tar, 'y', true), 5 * devicePixelRatio, 0, 2 * Math.PI);
            ctx.fill();
            ctx.restore();
          },
        ],
      },
    }),
    [key],
  );
  return (
    <UPlotChart
      opts={opts}
      data={data}
      height={170}
      label={`ROC curve on a log FAR axis${rows.length > 1 ? `, one per panel: ${key.replaceAll('|', ', ')}` : ''}`}
      redrawKey={marker ? `${marker.tar}:${marker.far}` : ''}
    />
  );
}

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};
const superscript = (n: number) => String(n).replace(/./g, (c) => SUP[c] ?? c);
