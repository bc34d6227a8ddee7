import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ChartTable } from './ChartTable';

const CHART_HZ = 4;

interface Props {
  /** Options without width/height (the chart fills its box); the chart is rebuilt when their identity changes (keep them memoised). */
  opts: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  label: string;
  /** Redraws (without new data) when it changes: a threshold line or marker drawn by a hook. */
  redrawKey?: unknown;
}

/** A uPlot chart sized to its container, with data swapped in place (no re-creation per update). */
export function UPlotChart({ opts, data, height, label, redrawKey }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The data of the last committed render (a render React drops must not reach the chart).
  const latest = useRef(data);
  useLayoutEffect(() => {
    latest.current = data;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot({ ...opts, width: Math.max(100, el.clientWidth), height }, latest.current, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(100, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [opts, height]);

  // At most CHART_HZ redraws a second: the charts read at a glance; the view and training need the CPU.
  const lastDraw = useRef(0);
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => {
    const draw = () => {
      pending.current = undefined;
      lastDraw.current = performance.now();
      const u = plot.current;
      // A chart being rebuilt for another set of series takes its data when it is rebuilt.
      if (u && u.series.length === latest.current.length) u.setData(latest.current);
    };
    const wait = 1000 / CHART_HZ - (performance.now() - lastDraw.current);
    if (wait <= 0) draw();
    else if (pending.current === undefined) pending.current = window.setTimeout(draw, wait);
  }, [data]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  useEffect(() => {
    if (redrawKey !== undefined) plot.current?.redraw(false);
  }, [redrawKey]);

  return (
    <>
      <div ref={box} className="chart" role="img" aria-label={label} />
      <ChartTable opts={opts} data={data} label={label} />
    </>
  );
}
