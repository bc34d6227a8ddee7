import { useKeyed } from '../hooks/useKeyed';
import type uPlot from 'uplot';
import { emptyRows, type HistoryRows, type StoredRun } from '../state/runHistory';
import { CLASS_COLORS, classColor } from '../view/style/palette';
import { UPlotChart } from './UPlotChart';

const STORED = '#8a8d99';

/** Merges the live and the stored steps into one x axis (uPlot's aligned data), gaps as null. */
function align(live: HistoryRows, stored: HistoryRows | undefined, liveCols: number[], storedCols: number[]): uPlot.AlignedData {
  if (!stored) return [live[0]!.slice(), ...liveCols.map((c) => live[c]!.slice())];
  const xs = [...new Set([...live[0]!, ...stored[0]!])].sort((a, b) => a - b);
  const column = (rows: HistoryRows, c: number) => {
    const at = new Map(rows[0]!.map((s, i) => [s, rows[c]![i]!]));
    return xs.map((x) => at.get(x) ?? null);
  };
  return [xs, ...liveCols.map((c) => column(live, c)), ...storedCols.map((c) => column(stored, c))];
}

/**
 * Loss and train/test accuracy over steps. In compare mode (titles given) one loss line and one
 * test-accuracy line per panel, in the panel's colour; a stored run's curves in grey, dashed.
 */
export function HistoryPanel({
  rows: recorded,
  version,
  titles,
  stored,
}: {
  rows: HistoryRows;
  version: number;
  titles?: readonly string[];
  stored?: StoredRun;
}) {
  const compare = titles !== undefined && titles.length > 1;
  const n = compare ? titles.length : 1;
  // Between a change of panels and the new run's first row the recorded columns are the old panels': none drawn yet.
  const rows = recorded.length === 1 + 3 * n ? recorded : emptyRows(n);
  // Compare mode draws loss and test accuracy per panel (train accuracy would double the legend).
  const liveCols = Array.from({ length: 3 * n }, (_, c) => c + 1).filter((c) => !compare || c % 3 !== 2);
  const storedCols = stored ? [1, 3] : [];
  // `rows` grows in place: `version` says when it did.
  const data = useKeyed<uPlot.AlignedData>(() => align(rows, stored?.rows, liveCols, storedCols), [rows, version, compare, n, stored]);
  const optsKey = `history:${compare ? titles.join('|') : ''}:${stored?.label ?? ''}`;
  const opts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false }, loss: { range: (_u, _min, max) => [0, Math.max(0.01, max)] }, acc: { range: [0, 1] } },
      axes: [
        { label: 'step', size: 30, labelSize: 16 },
        { scale: 'loss', label: 'loss', size: 44, labelSize: 16 },
        { scale: 'acc', side: 1, label: 'accuracy', size: 44, labelSize: 16, grid: { show: false } },
      ],
      series: [
        {},
        ...(compare
          ? titles.flatMap((t, i) => [
              { label: `${t}: loss`, scale: 'loss', stroke: classColor(i), width: 2, spanGaps: true },
              { label: 'test acc', scale: 'acc', stroke: classColor(i), width: 1.5, dash: [5, 3], spanGaps: true },
            ])
          : [
              { label: 'loss', scale: 'loss', stroke: CLASS_COLORS[1], width: 2, spanGaps: true },
              { label: 'train acc', scale: 'acc', stroke: CLASS_COLORS[0], width: 2, spanGaps: true },
              { label: 'test acc', scale: 'acc', stroke: CLASS_COLORS[2], width: 2, dash: [5, 3], spanGaps: true },
            ]),
        ...(stored
          ? [
              { label: `${stored.label}: loss`, scale: 'loss', stroke: STORED, width: 2, dash: [2, 3], spanGaps: true },
              { label: 'test acc', scale: 'acc', stroke: STORED, width: 1.5, dash: [8, 4], spanGaps: true },
            ]
          : []),
      ],
    }),
    [optsKey],
  );
  return (
    <section aria-labelledby="sec-history">
      <h2 id="sec-history">Loss and accuracy{compare ? ' — every panel' : ''}</h2>
      <UPlotChart opts={opts} data={data} height={compare || stored ? 210 : 170} label="Loss and accuracy over training steps" />
    </section>
  );
}
