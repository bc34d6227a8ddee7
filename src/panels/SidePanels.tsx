import { Fragment, Suspense, lazy, useRef, type ReactNode } from 'react';
import type { CustomData } from '../data/csv';
import { useAppStore } from '../state/store';
import { MetricsPanel } from './MetricsPanel';
import { PictureText } from './PictureText';
import type { StoredRun } from '../state/runHistory';
import type { ParamKey, Params } from '../params/table';
import type { RunFile } from '../export/runFile';
import { LossPanel } from './LossPanel';
import { SettingsPanel } from './SettingsPanel';
import { SharedTrainingPanel } from './SharedTrainingPanel';
import type { SidePanelId } from '../tour/steps';
import { useLeadPanel } from '../hooks/useLeadPanel';
import { viewTitle } from '../params/compare';

// KaTeX and uPlot load after the first picture: the view draws before the panels arrive.
const FormulaPanel = lazy(() => import('./FormulaPanel').then((m) => ({ default: m.FormulaPanel })));
const CurvesPanel = lazy(() => import('./CurvesPanel').then((m) => ({ default: m.CurvesPanel })));
const HistoryPanel = lazy(() => import('./HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const VerificationPanel = lazy(() => import('./VerificationPanel').then((m) => ({ default: m.VerificationPanel })));
const SweepPanel = lazy(() => import('./SweepPanel').then((m) => ({ default: m.SweepPanel })));
const ForcePanel = lazy(() => import('./ForcePanel').then((m) => ({ default: m.ForcePanel })));
const ProbePanel = lazy(() => import('./ProbePanel').then((m) => ({ default: m.ProbePanel })));
const RunFilePanel = lazy(() => import('./RunFilePanel').then((m) => ({ default: m.RunFilePanel })));

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
  /** Compare mode: each panel's params and title (empty: the single view). */
  models: Params[];
  titles: string[];
  onLeaveCompare: () => void;
  runFile: { stored?: StoredRun; makeFile: () => Promise<RunFile>; onImport: (f: RunFile) => void; name: () => string[] };
  /** Saves the run as a PyTorch notebook or script. */
  takeHome: (format: 'ipynb' | 'py') => Promise<{ text: string; error: boolean }>;
  onData: (d: CustomData) => void;
  custom?: CustomData;
  tour?: ReactNode;
  /** Applies a preset's query (the loss panel's "show with its data"). */
  onPreset: (query: string) => void;
  /** Loads a sweep run's settings in the main view, as one change (one run). */
  onLoadRun: (p: Params) => void;
  /** The panel the tour step is about: placed just below the tour, opened and scrolled into view (keyed by the step). */
  lead?: { panel: SidePanelId; step: number };
}

/** The scrolling side panel: tour, formula, loss controls, charts, angles, run files, data and view settings. */
export function SidePanels({
  params,
  setParam,
  classes,
  dim,
  models,
  titles,
  onLeaveCompare,
  runFile,
  takeHome,
  onData,
  custom,
  tour,
  onPreset,
  onLoadRun,
  lead: leadStep,
}: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const lead = leadStep?.panel;
  useLeadPanel(panel, leadStep);
  const status = useAppStore((s) => s.status);
  const history = useAppStore((s) => s.history);
  const forces = useAppStore((s) => s.forces);
  const compare = titles.length > 1;
  const focusedIndex = compare && params.focus > 0 ? params.focus - 1 : -1;
  const shown =
    focusedIndex >= 0
      ? { params: models[focusedIndex]!, model: status.models[focusedIndex] }
      : compare
        ? undefined
        : { params, model: status };
  // Each part keyed by its name: the tour's panel moves to just below the tour without remounting.
  const parts: [string, ReactNode][] = [
    [
      'formula',
      shown && (
        <Suspense fallback={null}>
          <FormulaPanel params={shown.params} frame={shown.model?.frame ?? null} />
        </Suspense>
      ),
    ],
    ['loss', !compare && <LossPanel params={params} setParam={setParam} classes={classes} dim={dim} onPreset={onPreset} />],
    [
      'curves',
      <Suspense fallback={null}>
        <CurvesPanel
          params={params}
          frame={status.frame}
          panels={compare ? models.map((p, i) => ({ title: titles[i]!, params: p, frame: status.models[i]?.frame ?? null })) : undefined}
        />
      </Suspense>,
    ],
    [
      'verify',
      <Suspense fallback={null}>
        <VerificationPanel
          frame={shown?.model?.frame ?? null}
          panels={compare && !shown ? titles.map((title, i) => ({ title, frame: status.models[i]?.frame ?? null })) : undefined}
          threshold={params.threshold}
          setParam={setParam}
        />
      </Suspense>,
    ],
    [
      'history',
      <Suspense fallback={null}>
        <HistoryPanel rows={history.rows} version={history.version} titles={compare ? titles : undefined} stored={runFile.stored} />
      </Suspense>,
    ],
    [
      'forces',
      params.forces && (
        <Suspense fallback={null}>
          <ForcePanel rows={forces.rows} version={forces.version} titles={compare ? titles : [viewTitle(params)]} />
        </Suspense>
      ),
    ],
    [
      'probe',
      params.probe && (
        <Suspense fallback={null}>
          <ProbePanel
            params={params}
            setParam={setParam}
            frame={(shown ?? { model: status.models[0] }).model?.frame ?? null}
            info={status.info}
            panels={compare ? titles.map((title, i) => ({ title, frame: status.models[i]?.frame ?? null })) : undefined}
          />
        </Suspense>
      ),
    ],
    ['shared', compare && <SharedTrainingPanel params={params} setParam={setParam} onLeave={onLeaveCompare} />],
    [
      'metrics',
      shown && <MetricsPanel frame={shown.model?.frame ?? null} info={status.info} params={shown.params} classes={classes} dim={dim} />,
    ],
    [
      'words',
      shown && (
        <PictureText
          frame={shown.model?.frame ?? null}
          info={status.info}
          lossKind={shown.model?.frame?.spec.kind ?? shown.params.loss}
          dim={dim}
        />
      ),
    ],
    [
      'runfile',
      <Suspense fallback={null}>
        <RunFilePanel
          makeFile={runFile.makeFile}
          name={runFile.name}
          onImport={runFile.onImport}
          loaded={runFile.stored?.label}
          takeHome={takeHome}
        />
      </Suspense>,
    ],
    [
      'sweep',
      !compare && (
        <Suspense fallback={null}>
          <SweepPanel params={params} onLoad={onLoadRun} />
        </Suspense>
      ),
    ],
    ['settings', <SettingsPanel params={params} setParam={setParam} onData={onData} custom={custom} />],
  ];
  const first = parts.findIndex(([id]) => id === lead);
  if (first > 0) parts.unshift(...parts.splice(first, 1));
  return (
    <div className="panel" ref={panel}>
      {tour}
      {parts.map(([id, node]) => (
        <Fragment key={id}>{node}</Fragment>
      ))}
    </div>
  );
}
