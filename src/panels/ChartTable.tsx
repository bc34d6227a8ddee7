import { useState } from 'react';
import type uPlot from 'uplot';

/** Most rows the table shows: long series are sampled evenly (the last row always kept). */
const MAX_ROWS = 40;

const cell = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 1
        ? v.toFixed(2)
        : v.toFixed(3);

/**
 * A chart's data as a table, on demand (WCAG 1.1.1: a chart a screen reader can read): folded, and
 * built only while open. Columns are the chart's series, named as in its legend.
 */
export function ChartTable({
  opts,
  data,
  label,
}: {
  opts: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const xs = data[0] ?? [];
  const n = xs.length;
  const step = Math.max(1, Math.ceil(n / MAX_ROWS));
  const rows = open
    ? Array.from({ length: Math.ceil(n / step) }, (_, k) => Math.min(n - 1, k * step)).filter((i, k, a) => a.indexOf(i) === k)
    : [];
  if (open && n > 0 && rows[rows.length - 1] !== n - 1) rows.push(n - 1);
  const names = opts.series.map((s, i) =>
    i === 0 ? ((opts.axes?.[0]?.label as string | undefined) ?? 'x') : String(s.label ?? `series ${i}`),
  );
  return (
    <details className="chart-table" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Data as a table</summary>
      {open && (
        <div className="verify-scroll" tabIndex={0} role="region" aria-label={`${label}: data`}>
          <table className="verify-table">
            <caption className="muted small">
              {label}
              {step > 1 ? ` (every ${step}th of ${n} points)` : ''}
            </caption>
            <thead>
              <tr>
                {names.map((name, i) => (
                  <th key={i} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r}>
                  {data.map((col, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell(col[r] as number)}
                      </th>
                    ) : (
                      <td key={c}>{cell(col[r] as number | null)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
