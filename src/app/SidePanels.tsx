import { Suspense, lazy, type ReactNode } from 'react';
import type { CustomData } from '../data/csv';
import type { HistoryRows } from '../hooks/useRunHistory';
import type { TrainerStatus } from '../hooks/useTrainer';
import { MetricsPanel } from '../panels/MetricsPanel';
import type { StoredRun } from '../panels/HistoryPanel';
import type { ParamKey, Params } from '../params/table';
import type { RunFile } from '../export/runFile';
import { LossPanel, SettingsPanel, SharedTrainingPanel } from '../ui/ControlPanel';

// KaTeX and uPlot load after the first picture: the view draws before the panels arrive.
const FormulaPanel = lazy(() => import('../panels/FormulaPanel').then((m) => ({ default: m.FormulaPanel })));
const CurvesPanel = lazy(() => import('../panels/CurvesPanel').then((m) => ({ default: m.CurvesPanel })));
const HistoryPanel = lazy(() => import('../panels/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const RunFilePanel = lazy(() => import('../ui/RunFilePanel').then((m) => ({ default: m.RunFilePanel })));

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  status: TrainerStatus;
  classes: number;
  dim: 2 | 3;
  /** Compare mode: each panel's params and title (empty: the single view). */
  models: Params[];
  titles: string[];
  onLeaveCompare: () => void;
  history: { rows: HistoryRows; version: number };
  runFile: { stored?: StoredRun; makeFile: () => Promise<RunFile>; onImport: (f: RunFile) => void; name: () => string[] };
  onData: (d: CustomData) => void;
  custom?: CustomData;
  tour?: ReactNode;
}

/** The scrolling side panel: tour, formula, loss controls, charts, angles, run files, data and view settings. */
export function SidePanels({ params, setParam, status, classes, dim, models, titles, onLeaveCompare, history, runFile, onData, custom, tour }: Props) {
  const compare = titles.length > 1;
  const focusedIndex = compare && params.focus > 0 ? params.focus - 1 : -1;
  const shown = focusedIndex >= 0 ? { params: models[focusedIndex]!, model: status.models[focusedIndex] } : compare ? undefined : { params, model: status };
  return (
    <div className="panel">
      {tour}
      {shown && (
        <Suspense fallback={null}>
          <FormulaPanel params={shown.params} sphereLambda={shown.model?.frame?.lambda} />
        </Suspense>
      )}
      {!compare && <LossPanel params={params} setParam={setParam} classes={classes} dim={dim} />}
      <Suspense fallback={null}>
        <CurvesPanel params={params} frame={status.frame} panels={compare ? models.map((p, i) => ({ title: titles[i]!, params: p, frame: status.models[i]?.frame ?? null })) : undefined} />
        <HistoryPanel rows={history.rows} version={history.version} titles={compare ? titles : undefined} stored={runFile.stored} />
      </Suspense>
      {compare && <SharedTrainingPanel params={params} setParam={setParam} onLeave={onLeaveCompare} />}
      {shown && <MetricsPanel frame={shown.model?.frame ?? null} classes={classes} dim={dim} />}
      <Suspense fallback={null}>
        <RunFilePanel makeFile={runFile.makeFile} name={runFile.name} onImport={runFile.onImport} loaded={runFile.stored?.label} />
      </Suspense>
      <SettingsPanel params={params} setParam={setParam} onData={onData} custom={custom} />
    </div>
  );
}
