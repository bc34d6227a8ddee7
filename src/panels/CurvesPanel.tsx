import { useMemo } from 'react';
import { useKeyed } from '../hooks/useKeyed';
import uPlot from 'uplot';
import type { Params } from '../params/table';
import type { Frame } from '../train/frame';
import { classColor } from '../view/style/palette';
import { THETA_DEG, curveSeries, panelCurveSeries } from './curveData';
import { UPlotChart } from './UPlotChart';

const FAINT = ['#9a9aa2', '#b0a0c0', '#a0b8c0', '#c0b0a0', '#a8a8a8'];

/** A compare panel, as the charts see it. */
export interface ChartPanel {
  title: string;
  params: Params;
  frame: Frame | null;
}

/**
 * Target logit ÷ s against θ (ArcFace Fig. 4b) for the current loss, the others faint behind it;
 * under it the live histogram of training features' θ to their own class weight (Fig. 4a). In
 * compare mode (panels given) every panel's curve and histogram, in the panel's colour.
 */
export function CurvesPanel({ params, frame, panels }: { params: Params; frame: Frame | null; panels?: readonly ChartPanel[] }) {
  const lambda = frame?.lambda ?? NaN;
  const lambdas = panels?.map((p) => p.frame?.lambda ?? NaN).join() ?? '';
  const titles = panels?.map((p) => p.title).join('|');
  // Compare mode: the curves follow the panels' titles (their settings) and λs, not each new panels array.
  const series = useKeyed(
    () =>
      panels
        ? panelCurveSeries(panels.map((p) => ({ title: p.title, params: p.params, lambda: p.frame?.lambda ?? NaN }))).map((s) => ({
            ...s,
            current: true,
          }))
        : curveSeries(params, lambda),
    [params, lambda, titles, lambdas],
  );
  const curveKey = (panels ? 'panels|' : '') + series.map((s) => `${s.label}${s.current}`).join('|');
  const curveOpts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, 180] }, y: { range: [-2, 1.05] } },
      axes: [
        { label: 'θ to own weight (°)', values: (_u, v) => v.map((x) => `${x}°`), size: 34, labelSize: 18 },
        { label: 'target logit / s', size: 40, labelSize: 18 },
      ],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: panels ? classColor(i) : s.current ? classColor(0) : FAINT[i % FAINT.length]!,
          width: panels ? 2.5 : s.current ? 3.5 : 1.5,
          dash: s.current ? undefined : [6, 4],
        })),
      ],
    }),
    [curveKey],
  );
  const curveData = useMemo<uPlot.AlignedData>(() => [THETA_DEG, ...series.map((s) => s.values)], [series]);

  const hists = panels ? panels.map((p) => p.frame?.metrics.histOwn) : [frame?.metrics.histOwn];
  const bins = hists.find((h) => h)?.length ?? 36;
  const histData = useKeyed<uPlot.AlignedData>(() => {
    const centers = Array.from({ length: bins }, (_, i) => ((i + 0.5) * 180) / bins);
    return [centers, ...hists.map((h) => Array.from(h ?? new Uint32Array(bins)))];
  }, [...hists, bins]);
  const histKey = panels ? `hist:${panels.length}` : 'hist';
  const histOpts = useKeyed<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, 180] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.05] } },
      axes: [
        { values: (_u, v) => v.map((x) => `${x}°`), size: 28 },
        { label: 'features', size: 40, labelSize: 18 },
      ],
      series: [
        {},
        ...(panels
          ? panels.map((p, i) => ({ label: p.title, stroke: classColor(i), width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) }))
          : [
              {
                label: 'θ to own weight',
                fill: `${classColor(0)}88`,
                stroke: classColor(0),
                width: 1,
                paths: uPlot.paths.bars?.({ size: [0.9, 100] }),
              },
            ]),
      ],
    }),
    [histKey],
  );
  return (
    <section aria-labelledby="sec-curves" className="curves">
      <h2 id="sec-curves">Target logit and θ histogram</h2>
      <UPlotChart opts={curveOpts} data={curveData} height={190} label="Target logit against angle for each loss" />
      <UPlotChart
        opts={histOpts}
        data={histData}
        height={110}
        label="Histogram of angles between training features and their class weights"
      />
    </section>
  );
}
