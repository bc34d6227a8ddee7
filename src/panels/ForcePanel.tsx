import type uPlot from 'uplot';
import { useKeyed } from '../hooks/useKeyed';
import { emptyForceRows } from '../state/forceHistory';
import type { HistoryRows } from '../state/runHistory';
import { CLASS_COLORS, classColor } from '../view/style/palette';
import { UPlotChart } from './UPlotChart';

/**
 * The mean force on the direction of the correctly classified training features, over the steps,
 * per panel, on a log scale: softmax's falls by decades once its classes separate, a margin's holds.
 */
export function ForcePanel({ rows: recorded, version, titles }: { rows: HistoryRows; version: number; titles: readonly string[] }) {
  const n = Math.max(1, titles.length);
  const rows = recorded.length === 1 + n ? recorded : emptyForceRows(n);
  // A log scale takes no zero: a panel with no correct feature yet (NaN) or no force is a gap.
  const data = useKeyed<uPlot.AlignedData>(
    () => [rows[0]!.slice(), ...rows.slice(1).map((c) => c.map((v) => (Number.isFinite(v) && v > 0 ? v : null)))],
    [rows, version, n],
  );
  const opts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false }, force: { distr: 3 } },
      axes: [
        { label: 'step', size: 30, labelSize: 16 },
        { scale: 'force', label: 'mean turning force', size: 50, labelSize: 16 },
      ],
      series: [
        {},
        ...titles.map((t, i) => ({ label: t, scale: 'force', stroke: n > 1 ? classColor(i) : CLASS_COLORS[1], width: 2, spanGaps: true })),
      ],
    }),
    [titles.join('|')],
  );
  return (
    <section aria-labelledby="sec-forces">
      <h2 id="sec-forces">Forces over training</h2>
      <UPlotChart
        opts={opts}
        data={data}
        height={170}
        label="Mean force on the direction of the correctly classified training features, over training steps (log scale)"
      />
      <p className="muted small">
        |∂ℓ/∂x̂| of the training features classified correctly, the radial part removed: what still turns them toward their class.
      </p>
    </section>
  );
}
