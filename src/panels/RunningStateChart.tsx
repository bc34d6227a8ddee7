import { useRef } from 'react';
import type uPlot from 'uplot';
import { useKeyed } from '../hooks/useKeyed';
import { lossDef, type LossKind } from '../losses/registry';
import type { Frame } from '../train/frame';
import { CLASS_COLORS } from '../view/style/palette';
import { UPlotChart } from './UPlotChart';

/** Most steps the chart keeps. */
const MAX_POINTS = 1000;

/**
 * A loss's running statistics over the steps (CurricularFace's t rising from 0, AdaFace's norm
 * mean and sd), from the frames shown. It starts afresh with a new run or another loss; an earlier
 * frame (the timeline) adds nothing.
 */
export function RunningStateChart({ frame, lossKind }: { frame: Frame; lossKind: LossKind }) {
  const names = lossDef(lossKind).train.running?.names ?? [];
  const store = useRef<{ kind: LossKind; data: number[][] }>({ kind: lossKind, data: [] });
  const first = store.current.data[0]?.[0];
  if (store.current.kind !== lossKind || store.current.data.length !== 1 + names.length || (first !== undefined && frame.step < first)) {
    store.current = { kind: lossKind, data: Array.from({ length: 1 + names.length }, () => []) };
  }
  const data = store.current.data;
  const steps = data[0]!;
  const last = steps[steps.length - 1];
  if (frame.lossState.length === names.length && (last === undefined || frame.step > last)) {
    steps.push(frame.step);
    names.forEach((_, i) => data[i + 1]!.push(frame.lossState[i]!));
    if (steps.length > MAX_POINTS) for (const col of data) col.splice(0, col.length - MAX_POINTS);
  }
  const aligned = useKeyed<uPlot.AlignedData>(
    () => [steps.slice(), ...data.slice(1).map((c) => c.slice())],
    [data, steps.length, frame.step],
  );
  const opts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: 'step', size: 30, labelSize: 16 }, { size: 44 }],
      series: [{}, ...names.map((name, i) => ({ label: name, stroke: CLASS_COLORS[i] ?? '#555', width: 2 }))],
    }),
    [names.join('|')],
  );
  const label = `${lossDef(lossKind).meta.label}: ${names.join(' and ')} over the training steps`;
  return (
    <figure className="running-chart" data-testid="running-chart" data-points={data[0]!.length}>
      <UPlotChart opts={opts} data={aligned} height={130} label={label} />
      <figcaption className="muted">{label}</figcaption>
    </figure>
  );
}
