import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { TrainerStatus } from '../hooks/useTrainer';
import { CLASS_COLORS, classColor } from '../view/palette';
import { UPlotChart } from './UPlotChart';

const MAX_POINTS = 2000;

/** Columns of the chart: the step, then per model loss, train and test accuracy. */
type Rows = number[][];

const emptyRows = (models: number): Rows => Array.from({ length: 1 + 3 * models }, () => []);

/**
 * Loss and train/test accuracy over steps (sampled at the status rate). In compare mode (titles
 * given) one loss line and one test-accuracy line per panel, in the panel's colour.
 */
export function HistoryPanel({ status, runKey, titles }: { status: TrainerStatus; runKey: string; titles?: readonly string[] }) {
  const compare = titles !== undefined && titles.length > 1;
  const n = compare ? titles.length : 1;
  const rows = useRef<Rows>(emptyRows(n));
  // Another number of panels: new columns now, so the chart never sees data of the wrong shape.
  if (rows.current.length !== 1 + 3 * n) rows.current = emptyRows(n);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    rows.current = emptyRows(n);
    setVersion((v) => v + 1);
  }, [runKey, n]);
  const first = status.models[0] ?? status;
  useEffect(() => {
    const models = compare ? status.models : [status];
    // Between a change of panels and the new run, the status may still describe the old ones.
    if (!Number.isFinite(first.loss) || first.step === 0 || models.length !== n || rows.current.length !== 1 + 3 * n) return;
    const steps = rows.current[0]!;
    const lastStep = steps[steps.length - 1];
    if (lastStep !== undefined && first.step < lastStep) rows.current = emptyRows(models.length); // a reset
    else if (lastStep === first.step) return;
    const r = rows.current;
    r[0]!.push(first.step);
    models.forEach((m, i) => {
      r[1 + 3 * i]!.push(m.diverged ? NaN : m.loss);
      r[2 + 3 * i]!.push(m.trainAccuracy);
      r[3 + 3 * i]!.push(m.testAccuracy);
    });
    if (r[0]!.length > MAX_POINTS) for (const a of r) a.splice(0, a.length - MAX_POINTS);
    setVersion((v) => v + 1);
  }, [status, first, compare, n]);

  // Compare mode draws loss and test accuracy per panel (train accuracy would double the legend).
  const data = useMemo<uPlot.AlignedData>(
    () => rows.current.filter((_, c) => !compare || c === 0 || c % 3 !== 2).map((a) => a.slice()) as uPlot.AlignedData,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, compare, n],
  );
  const optsKey = compare ? `history:${titles.join('|')}` : 'history';
  const opts = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
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
              { label: `${t}: loss`, scale: 'loss', stroke: classColor(i), width: 2 },
              { label: 'test acc', scale: 'acc', stroke: classColor(i), width: 1.5, dash: [5, 3] },
            ])
          : [
              { label: 'loss', scale: 'loss', stroke: CLASS_COLORS[1], width: 2 },
              { label: 'train acc', scale: 'acc', stroke: CLASS_COLORS[0], width: 2 },
              { label: 'test acc', scale: 'acc', stroke: CLASS_COLORS[2], width: 2, dash: [5, 3] },
            ]),
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [optsKey],
  );
  return (
    <section aria-labelledby="sec-history">
      <h2 id="sec-history">Loss and accuracy{compare ? ' — every panel' : ''}</h2>
      <UPlotChart opts={opts} optsKey={optsKey} data={data} height={compare ? 210 : 170} label="Loss and accuracy over training steps" />
    </section>
  );
}
