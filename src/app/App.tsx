import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTrainer } from '../hooks/useTrainer';
import { MetricsPanel } from '../panels/MetricsPanel';
import { guardRails } from '../params/guardRails';
import { liveOf, structureOf } from '../params/toTrainer';
import { clampMargin, decodeParams } from '../params/urlCodec';
import type { Params } from '../params/table';
import type { CustomData } from '../data/csv';
import { LossPanel, SettingsPanel } from '../ui/ControlPanel';
import { HelpOverlay } from '../ui/HelpOverlay';
import { LossControls } from '../ui/LossControls';
import { Notices } from '../ui/Notices';
import { ShareMenu } from '../ui/ShareMenu';
import { StatusBar } from '../ui/StatusBar';
import { Transport } from '../ui/Transport';
import { HypersphereView } from '../view/HypersphereView';
import { TOUR_STEPS } from '../tour/steps';
import { useEmbedApi } from './useEmbedApi';
import { useKeyboard } from './useKeyboard';
import { useTheme } from './useTheme';
import { useUrlParams } from './useUrlParams';

// KaTeX and uPlot load after the first picture: the view draws before the panels arrive.
const FormulaPanel = lazy(() => import('../panels/FormulaPanel').then((m) => ({ default: m.FormulaPanel })));
const CurvesPanel = lazy(() => import('../panels/CurvesPanel').then((m) => ({ default: m.CurvesPanel })));
const HistoryPanel = lazy(() => import('../panels/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const TourPanel = lazy(() => import('../ui/TourPanel').then((m) => ({ default: m.TourPanel })));

/** The application: the view, its controls, panels and status; every setting in the URL. */
export function App() {
  const { params, setParam, replaceParams, notices, setNotices, dismissNotices } = useUrlParams();
  const [uploaded, setUploaded] = useState<{ data: CustomData; key: string } | undefined>();
  const structure = structureOf(params, uploaded && { numClasses: uploaded.data.numClasses, key: uploaded.key });
  const trainer = useTrainer(structure, liveOf(params), params.play, uploaded?.data);
  const { status } = trainer;
  const theme = useTheme(params.theme);
  const [help, setHelp] = useState(false);
  const [resetRequest, setResetRequest] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const { classes, dim } = structure;

  // A preset or an embedding page's reset applies after the new params have rendered.
  const { reset } = trainer;
  useEffect(() => {
    if (resetRequest > 0) reset();
  }, [resetRequest, reset]);

  const applyPreset = useCallback(
    (query: string) => {
      const d = decodeParams(query);
      replaceParams(d.params);
      setNotices(d.notices);
      setResetRequest((n) => n + 1);
    },
    [replaceParams, setNotices],
  );
  const uploads = useRef(0);
  const onData = useCallback(
    (data: CustomData) => {
      uploads.current += 1;
      setUploaded({ data, key: `${data.source}#${uploads.current}` });
      setParam('dataset', 'custom');
    },
    [setParam],
  );
  // "Your data" chosen from the menu with nothing uploaded: say so and stay on the identities.
  useEffect(() => {
    if (params.dataset === 'custom' && !uploaded) {
      setParam('dataset', 'identities');
      setNotices(['Choose a CSV file or paste one under "Your data" first; the identities stay.']);
    }
  }, [params.dataset, uploaded, setParam, setNotices]);
  // The lecture tour: entering a step loads its run (its URL state), keeping the page's own keys.
  const tourStep = params.tour > 0 ? TOUR_STEPS[params.tour - 1] : undefined;
  const appliedTour = useRef(0);
  useEffect(() => {
    if (params.tour === appliedTour.current) return;
    appliedTour.current = params.tour;
    const step = TOUR_STEPS[params.tour - 1];
    if (!step) return;
    const run = decodeParams(step.query).params;
    replaceParams((cur) => ({ ...run, tour: cur.tour, embed: cur.embed, controls: cur.controls, play: cur.play, theme: cur.theme, rotate: cur.rotate, backend: cur.backend }));
    setResetRequest((n) => n + 1);
  }, [params.tour, replaceParams]);
  const goToStep = useCallback((n: number) => setParam('tour', Math.max(1, Math.min(TOUR_STEPS.length, n))), [setParam]);
  const tourActions = useMemo(() => ({ next: () => goToStep(params.tour + 1), prev: () => goToStep(params.tour - 1) }), [goToStep, params.tour]);
  const cue = useMemo(() => tourStep && { anchor: tourStep.cue.anchor, label: tourStep.cue.label }, [tourStep]);
  const mergeParams = useCallback((p: Partial<Params>) => replaceParams((cur) => clampMargin({ ...cur, ...p })), [replaceParams]);
  const playing = status.state === 'running';
  const togglePlay = () => (playing ? trainer.pause() : trainer.play());
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };
  useKeyboard({
    togglePlay,
    step: () => trainer.step(1),
    reset: trainer.reset,
    fullscreen,
    toggleHelp: () => setHelp((h) => !h),
    closeHelp: () => setHelp(false),
    ...(tourStep ? { tour: tourActions } : {}),
  });
  const tour = tourStep && (
    <Suspense fallback={null}>
      <TourPanel
        step={params.tour}
        onGo={goToStep}
        onTry={() => mergeParams(tourStep.tryThis.set)}
        onExit={() => setParam('tour', 0)}
        compact={params.embed}
      />
    </Suspense>
  );
  useEmbedApi({ set: mergeParams, play: trainer.play, pause: trainer.pause, reset: () => setResetRequest((n) => n + 1), step: trainer.step }, status, params);

  const rails = guardRails(params, classes, dim);
  const view = (
    <div className="stage">
      <HypersphereView slot={trainer.slot} params={params} theme={theme.colors} dim={dim} classes={classes} reducedMotion={theme.reducedMotion} running={status.state === 'running'} cue={cue} />
      <div className="stage-overlays">
        {params.embed && tour}
        <Notices items={notices} onDismiss={dismissNotices} />
        <Notices items={status.message ? [status.message] : []} kind="warn" />
      </div>
    </div>
  );

  if (params.embed) {
    return (
      <div className="app app-embed" data-embed="1" ref={root}>
        {view}
        <div className="embed-bar">
          <Transport state={status.state} onPlay={trainer.play} onPause={trainer.pause} onStep={() => trainer.step(1)} onReset={trainer.reset} compact />
          {params.controls.length > 0 && (
            <div className="embed-controls">
              <LossControls params={params} setParam={setParam} classes={classes} dim={dim} only={params.controls} />
            </div>
          )}
          <StatusBar status={status} lossKind={params.loss} compact />
        </div>
        {help && <HelpOverlay onClose={() => setHelp(false)} />}
      </div>
    );
  }

  return (
    <div className="app" data-embed="0" ref={root}>
      <header className="app-header">
        <h1>Hypersphere</h1>
        <p className="tagline">How margin losses shape features on the circle and the sphere</p>
        <ShareMenu onPreset={applyPreset} onHelp={() => setHelp(true)} />
      </header>
      <main className="app-main">
        {view}
        <aside className="side">
          <Transport
            state={status.state}
            onPlay={trainer.play}
            onPause={trainer.pause}
            onStep={() => trainer.step(1)}
            onReset={trainer.reset}
            speed={params.speed}
            onSpeed={(v) => setParam('speed', v)}
          />
          <Notices items={rails} kind="warn" />
          <div className="panel">
            {tour}
            <Suspense fallback={null}>
              <FormulaPanel params={params} sphereLambda={status.frame?.lambda} />
            </Suspense>
            <LossPanel params={params} setParam={setParam} classes={classes} dim={dim} />
            <Suspense fallback={null}>
              <CurvesPanel params={params} frame={status.frame} />
              <HistoryPanel status={status} runKey={JSON.stringify(structure)} />
            </Suspense>
            <MetricsPanel frame={status.frame} classes={classes} dim={dim} />
            <SettingsPanel params={params} setParam={setParam} onData={onData} custom={uploaded?.data} />
          </div>
        </aside>
      </main>
      <StatusBar status={status} lossKind={params.loss} />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
