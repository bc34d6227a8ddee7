import type { SweepState } from '../sweep/sweepState';
import { METRIC_LABELS, PERCENT_METRICS, type aggregate, type SweepMetric } from '../metrics/sweepAggregate';
import type { SweepKey } from '../params/sweep';

const fmt = (v: number | undefined, m: SweepMetric) =>
  v === undefined ? '—' : PERCENT_METRICS.has(m) ? (v * 100).toFixed(1) : v.toFixed(1);

/** The sweep's numbers: a row per value, each metric's seed mean and range; a value's button loads it. */
export function SweepTable({
  keyName,
  state,
  rows,
  metrics,
  selected,
  onLoad,
}: {
  keyName: SweepKey;
  state: SweepState;
  rows: ReturnType<typeof aggregate>;
  metrics: SweepMetric[];
  selected: number;
  onLoad: (v: number) => void;
}) {
  return (
    <details className="chart-table">
      <summary>Data as a table</summary>
      <div className="verify-scroll" tabIndex={0} role="region" aria-label="Sweep results">
        <table className="verify-table" data-testid="sweep-table">
          <thead>
            <tr>
              <th scope="col">{keyName}</th>
              <th scope="col">seeds</th>
              {metrics.map((m) => (
                <th key={m} scope="col">
                  {METRIC_LABELS[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.labels.map((label, v) => (
              <tr key={label} aria-current={v === selected ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onLoad(v)} title={`Load ${keyName} = ${label}`}>
                    {label}
                  </button>
                </th>
                <td>{rows[v]?.[metrics[0] ?? 'testAccuracy']?.n ?? 0}</td>
                {metrics.map((m) => {
                  const s = rows[v]?.[m];
                  return <td key={m}>{s ? `${fmt(s.mean, m)} (${fmt(s.min, m)}–${fmt(s.max, m)})` : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
