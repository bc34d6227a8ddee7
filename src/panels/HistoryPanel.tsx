import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import type { TrainerStatus } from '../hooks/useTrainer';
import { CLASS_COLORS } from '../view/palette';
import { UPlotChart } from './UPlotChart';

const MAX_POINTS = 2000;

/** Loss and train/test accuracy over steps for the current run (sampled at the status rate). */
export function HistoryPanel({ status, runKey }: { status: TrainerStatus; runKey: string }) {
  const rows = useRef<{ step: number[]; loss: number[]; train: number[]; test: number[] }>({ step: [], loss: [], train: [], test: [] });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    rows.current = { step: [], loss: [], train: [], test: [] };
    setVersion((v) => v + 1);
  }, [runKey]);
  useEffect(() => {
    const r = rows.current;
    if (!Number.isFinite(status.loss) || status.step === 0) return;
    const lastStep = r.step[r.step.length - 1];
    if (lastStep !== undefined && status.step < lastStep) {
      rows.current = { step: [], loss: [], train: [], test: [] }; // a reset
    } else if (lastStep === status.step) return;
    const t = rows.current;
    t.step.push(status.step);
    t.loss.push(status.loss);
    t.train.push(status.trainAccuracy);
    t.test.push(status.testAccuracy);
    if (t.step.length > MAX_POINTS) for (const a of [t.step, t.loss, t.train, t.test]) a.splice(0, a.length - MAX_POINTS);
    setVersion((v) => v + 1);
  }, [status.step, status.loss, status.trainAccuracy, status.testAccuracy]);

  const data = useMemo<uPlot.AlignedData>(() => {
    const r = rows.current;
    return [r.step.slice(), r.loss.slice(), r.train.slice(), r.test.slice()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
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
        { label: 'loss', scale: 'loss', stroke: CLASS_COLORS[1], width: 2 },
        { label: 'train acc', scale: 'acc', stroke: CLASS_COLORS[0], width: 2 },
        { label: 'test acc', scale: 'acc', stroke: CLASS_COLORS[2], width: 2, dash: [5, 3] },
      ],
    }),
    [],
  );
  return (
    <section aria-labelledby="sec-history">
      <h2 id="sec-history">Loss and accuracy</h2>
      <UPlotChart opts={opts} optsKey="history" data={data} height={170} label="Loss and accuracy over training steps" />
    </section>
  );
}
