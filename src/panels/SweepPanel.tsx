import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { pageSweepOwner, useSweepStore } from '../sweep/sweepStore';
import type { SweepState } from '../sweep/sweepState';
import { useAppStore } from '../state/store';
import { aggregate, measuredMetrics, METRIC_LABELS, sweepCsv, type SweepMetric } from '../metrics/sweepAggregate';
import { encodeSweep, parseSweep, runSettings, sweepableKeys } from '../params/sweep';
import type { Params } from '../params/table';
import { drawSweepChart, valueAt } from './sweepChart';
import { SweepForm } from './SweepForm';
import { SweepTable } from './SweepTable';

const CHART_HEIGHT = 200;

const seconds = (ms: number | null) =>
  ms === null
    ? 'estimating the time left'
    : ms < 60_000
      ? `about ${Math.ceil(ms / 1000)} s left`
      : `about ${Math.ceil(ms / 60_000)} min left`;

/** The page's colours for the chart (it follows the theme). */
function themeColors(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { ink: v('--fg'), muted: v('--muted'), accent: v('--accent'), grid: v('--border'), background: v('--panel') };
}

/** The sweep's progress line and its Cancel. */
function Progress({ state, onCancel }: { state: SweepState; onCancel: () => void }) {
  const steps = state.spec?.steps ?? 1;
  const done = state.finished + state.step / steps;
  return (
    <div className="sweep-progress" data-testid="sweep-progress">
      <progress max={state.total} value={done} aria-label="Sweep progress" />
      <span>
        run {Math.min(state.total, state.finished + 1)} of {state.total} · {seconds(state.leftMs)}
      </span>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The papers' tables, live: one setting (m, s, the loss, the embedding dimension, …) over a list of
 * values, each trained from scratch over a few seeds in a worker of its own. It plots each value's
 * seed mean and range as runs finish, offers the numbers as a table, a CSV and a PNG, and a click
 * on a value loads that run's settings in the main view (a dimension above 3: its numbers).
 */
export const SweepPanel = memo(function SweepPanel({ params, onLoad }: { params: Params; onLoad: (p: Params) => void }) {
  // The sweep's owner runs it (src/sweep/): this panel only shows it and asks.
  const state = useSweepStore((s) => s.state);
  const setSweep = useAppStore((s) => s.setSweep);
  const [metric, setMetric] = useState<SweepMetric>('testAccuracy');
  const [selected, setSelected] = useState(-1);
  const [notes, setNotes] = useState<string[]>([]);
  /**
   * Runs the sweep a query asks for (the form's, or Run again's), its values checked against the
   * current loss (a Run again after a change of loss too), with a notice for each one left out.
   */
  const run = (query: string) => {
    const parsed = parseSweep(query, params.loss);
    setNotes(parsed.notices);
    setSelected(-1);
    if (parsed.sweep) setSweep(parsed.sweep);
  };
  /** Stops it, keeping its finished runs; the link loses its sweep=, so a reload does not run it again. */
  const cancel = () => {
    pageSweepOwner().cancel();
    setSweep(null);
  };
  const clear = () => {
    pageSweepOwner().clear();
    setSweep(null);
  };
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = useMemo(() => aggregate(state.results, state.labels.length), [state.results, state.labels.length]);
  const metrics = measuredMetrics(state.results);
  const shown = metrics.includes(metric) ? metric : (metrics[0] ?? 'testAccuracy');
  const spec = state.spec;

  useEffect(() => {
    const c = canvas.current;
    if (!c || !spec) return;
    const draw = () =>
      drawSweepChart(
        c,
        c.clientWidth || 300,
        CHART_HEIGHT,
        devicePixelRatio || 1,
        state.labels,
        rows.map((r) => r[shown]),
        shown,
        themeColors(c),
        selected,
      );
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(c);
    return () => ro.disconnect();
  }, [spec, state.labels, rows, shown, selected]);

  const load = (v: number) => {
    if (!spec || !state.base) return;
    setSelected(v);
    const value = spec.values[v]!;
    // Above 3-D a run is measured, not drawn: its numbers are in the table, its row marked.
    if (spec.key === 'dim' && Number(value) > 3) return;
    onLoad(runSettings(state.base, spec.key, { index: 0, value, seed: state.base.seed }).params);
  };
  const download = async (blob: Blob, ext: string) => {
    const { download: save } = await import('../export/compose');
    save(blob, `hypersphere_sweep-${spec?.key}.${ext}`);
  };

  const title = spec ? `Sweep: ${spec.key} over ${spec.values.length} values × ${spec.seeds} seeds × ${spec.steps} steps` : 'Sweep';
  return (
    <section
      aria-labelledby="sec-sweep"
      className="sweep"
      data-testid="sweep"
      data-phase={state.phase}
      data-finished={state.finished}
      data-leaked={state.leaked}
      data-elapsed-ms={state.elapsedMs}
    >
      <h2 id="sec-sweep">{title}</h2>
      {!spec && <SweepForm params={params} keys={sweepableKeys()} onRun={run} />}
      {notes.length > 0 && (
        <ul className="sweep-notes" role="alert">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {spec && state.phase === 'running' && <Progress state={state} onCancel={cancel} />}
      {spec && state.phase !== 'running' && (
        <p className="sweep-status">
          {state.phase === 'done'
            ? `Done: ${state.results.length} runs.`
            : `Cancelled after ${state.results.length} of ${state.total} runs.`}{' '}
          <button type="button" onClick={() => run(`?${encodeSweep(spec)}`)}>
            Run again
          </button>{' '}
          <button type="button" onClick={clear}>
            New sweep
          </button>
        </p>
      )}
      {state.crashes.length > 0 && (
        <ul className="sweep-notes">
          {state.crashes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {spec && (
        <>
          <label className="control-inline">
            Metric{' '}
            <select value={shown} onChange={(e) => setMetric(e.target.value as SweepMetric)}>
              {(metrics.length ? metrics : (['testAccuracy'] as SweepMetric[])).map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <canvas
            ref={canvas}
            className="sweep-chart"
            style={{ width: '100%', height: CHART_HEIGHT }}
            role="img"
            aria-label={`${METRIC_LABELS[shown]} against ${spec.key}: each value's seed mean and range (the numbers are in the table below). Click a value to load its settings.`}
            onClick={(e) => load(valueAt(e.nativeEvent.offsetX, e.currentTarget.clientWidth, state.labels.length))}
          />
          <p className="sweep-actions">
            <button
              type="button"
              disabled={state.results.length === 0}
              onClick={() => void download(new Blob([sweepCsv(spec.key, state.labels, state.results)], { type: 'text/csv' }), 'csv')}
            >
              Download CSV
            </button>{' '}
            <button
              type="button"
              disabled={state.results.length === 0}
              onClick={() => canvas.current?.toBlob((b) => b && void download(b, 'png'))}
            >
              Save chart PNG
            </button>
          </p>
          {spec.key === 'dim' && selected >= 0 && Number(spec.values[selected]) > 3 && (
            <p className="muted small">{state.labels[selected]} is measured, not drawn: its numbers are in the table, marked.</p>
          )}
          <SweepTable keyName={spec.key} state={state} rows={rows} metrics={metrics} selected={selected} onLoad={load} />
        </>
      )}
    </section>
  );
});
