import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../state/store';
import { renderCount } from '../ui/renderCount';
import { useTrainer } from '../hooks/useTrainer';
import { guardRails } from '../params/guardRails';
import { holdoutNotes } from '../params/holdout';
import { trainedClasses } from '../train/config';
import { liveOf, structureOf } from '../train/fromParams';
import { Notices } from '../ui/Notices';
import { StatusBar } from '../ui/StatusBar';
import { Announcer } from '../ui/Announcer';
import { Timeline } from '../ui/Timeline';
import { Transport } from '../ui/Transport';
import { useRunHistory } from '../hooks/useRunHistory';
import { Stage } from './Stage';
import { EmbedApp } from './EmbedApp';
import { AppHeader } from './AppHeader';
import { useParamActions } from './useParamActions';
import { useCompare } from '../hooks/useCompare';
import { useRunFile } from '../hooks/useRunFile';
import { useTakeHome } from '../hooks/useTakeHome';
import { useExportScene } from '../hooks/useExportScene';
import { CaptureRegistry } from '../view/canvas/capture';
import { useEmbedApi } from '../hooks/useEmbedApi';
import { useKeyboard } from '../hooks/useKeyboard';
import { useTheme } from '../hooks/useTheme';
import { useTour } from '../hooks/useTour';
import { useUploadedData } from '../hooks/useUploadedData';
import { useUrlSync } from '../hooks/useUrlSync';
import { useSeen } from '../hooks/useSeen';
import { pageSweepOwner } from '../sweep/sweepStore';

// Help loads when first shown: the single view's first picture needs none of it.
const HelpOverlay = lazy(() => import('../ui/HelpOverlay').then((m) => ({ default: m.HelpOverlay })));
// The side panel's sections (controls, charts, settings) arrive after the first picture.
const SidePanels = lazy(() => import('../panels/SidePanels').then((m) => ({ default: m.SidePanels })));
const TourPanel = lazy(() => import('../panels/TourPanel').then((m) => ({ default: m.TourPanel })));

/** The application: the view, its controls, panels and status; every setting in the URL. */
export function App() {
  renderCount.app += 1;
  useUrlSync();
  const params = useAppStore((s) => s.params);
  const { setParam, replaceParams, setNotices, requestReset } = useAppStore.getState();
  const { uploaded, onData } = useUploadedData(params.dataset, setParam, setNotices);
  const structure = structureOf(params, uploaded && { numClasses: uploaded.data.numClasses, key: uploaded.key });
  const compare = useCompare(params, replaceParams);
  const [captures] = useState(() => new CaptureRegistry());
  const seen = useSeen();
  const trainer = useTrainer(
    structure,
    compare.models.map(liveOf),
    params.speed,
    params.play,
    uploaded?.data,
    params.timeline,
    params.workers,
    seen,
  );
  useRunHistory(compare.models.length);
  // The sweep's owner lives as long as the page, outside every component (src/sweep/).
  useEffect(() => void pageSweepOwner(), []);
  const theme = useTheme(params.theme);
  const [help, setHelp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const dim: 2 | 3 = structure.dim === 2 ? 2 : 3;
  const classes = trainedClasses(structure);
  const { applyPreset, loadRun, mergeParams } = useParamActions();

  // A link with a sweep opens on the sweep panel (placed below the tour, if any, and scrolled to).
  const [sweepInLink] = useState(() => useAppStore.getState().sweep !== null);
  const tourState = useTour({ params, setParam, replaceParams, requestReset });
  const { step: tourStep, cue } = tourState;
  /** What the live region says first: the tour step, when there is one. */
  const spoken = tourStep ? `Tour step ${params.tour}: ${tourStep.title}` : '';
  const togglePlay = () => (useAppStore.getState().status.state === 'running' ? trainer.pause() : trainer.play());
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
    ...(tourStep ? { tour: tourState.keys } : {}),
  });
  const tour = tourStep && (
    <Suspense fallback={null}>
      <TourPanel
        step={params.tour}
        onGo={tourState.goTo}
        onTry={() => mergeParams(tourStep.tryThis.set)}
        onExit={tourState.exit}
        compact={params.embed}
      />
    </Suspense>
  );
  useEmbedApi(
    { set: mergeParams, play: trainer.play, pause: trainer.pause, reset: requestReset, step: trainer.step },
    params,
    compare.titles,
  );

  const runFile = useRunFile({
    params,
    titles: compare.titles,
    requestWeights: trainer.requestWeights,
    replaceParams,
    requestReset,
    setNotices,
  });
  const takeHome = useTakeHome(params, uploaded?.data);
  const exportScene = useExportScene(params, compare.models, compare.titles);
  /** The view as a PNG for a Markdown snippet: its file name, or '' when nothing was saved. */
  const savePicture = async () => {
    const { pngName, savePng } = await import('../ui/savePng');
    const scene = exportScene();
    const name = await pngName(scene);
    return (await savePng(captures, scene, params.caption, theme.colors, name)) ? '' : name;
  };
  const lossKinds = compare.models.map((p) => p.loss).join(',');
  const rails = [
    ...holdoutNotes(params, structure.classes),
    ...(compare.on
      ? compare.models.flatMap((p, i) => guardRails(p, classes, dim).map((r) => `Panel ${i + 1} (${compare.titles[i]}): ${r}`))
      : guardRails(params, classes, dim)),
  ];
  const view = (
    <Stage
      params={params}
      slots={trainer.slots}
      theme={theme}
      dim={dim}
      classes={classes}
      compare={compare}
      cue={cue}
      captures={captures}
      overlay={params.embed && tour}
    />
  );
  const helpOverlay = help && (
    <Suspense fallback={null}>
      <HelpOverlay onClose={() => setHelp(false)} />
    </Suspense>
  );

  if (params.embed) {
    return (
      <EmbedApp
        root={root}
        view={view}
        trainer={trainer}
        params={params}
        setParam={setParam}
        classes={classes}
        dim={dim}
        compareOn={compare.on}
        lossKinds={lossKinds}
        spoken={spoken}
        help={helpOverlay}
      />
    );
  }

  return (
    <div className="app" data-embed="0" ref={root}>
      <AppHeader
        onPreset={applyPreset}
        onHelp={() => setHelp(true)}
        savePicture={savePicture}
        captures={captures}
        scene={exportScene}
        caption={params.caption}
        onCaption={(on) => setParam('caption', on)}
        colors={theme.colors}
      />
      <main className="app-main">
        {view}
        <aside className="side">
          <Transport
            onPlay={trainer.play}
            onPause={trainer.pause}
            onStep={() => trainer.step(1)}
            onReset={trainer.reset}
            speed={params.speed}
            onSpeed={(v) => setParam('speed', v)}
          />
          <div className="timeline-wrap">
            <Timeline size={trainer.timeline.size} show={trainer.timeline.show} stepAt={trainer.timeline.stepAt} />
          </div>
          <Notices items={rails} kind="warn" />
          <Suspense fallback={<div className="panel" />}>
            <SidePanels
              params={params}
              setParam={setParam}
              classes={classes}
              dim={dim}
              models={compare.models}
              titles={compare.titles}
              onLeaveCompare={() => replaceParams((cur) => ({ ...compare.models[Math.max(0, cur.focus - 1)]!, compare: [], focus: 0 }))}
              runFile={runFile}
              takeHome={takeHome}
              onData={onData}
              custom={uploaded?.data}
              tour={tour}
              onPreset={applyPreset}
              onLoadRun={loadRun}
              lead={tourStep?.panel ? { panel: tourStep.panel, step: params.tour } : sweepInLink ? { panel: 'sweep', step: 0 } : undefined}
            />
          </Suspense>
        </aside>
      </main>
      <StatusBar lossKind={lossKinds} />
      <Announcer context={spoken} />
      {helpOverlay}
    </div>
  );
}
