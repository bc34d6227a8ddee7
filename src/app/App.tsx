import { useTrainer } from '../hooks/useTrainer';
import { guardRails } from '../params/guardRails';
import { liveOf, structureOf } from '../params/toTrainer';
import { ControlPanel } from '../ui/ControlPanel';
import { Notices } from '../ui/Notices';
import { StatusBar } from '../ui/StatusBar';
import { Transport } from '../ui/Transport';
import { HypersphereView } from '../view/HypersphereView';
import { useTheme } from './useTheme';
import { useUrlParams } from './useUrlParams';

/** The application: the view, its controls and status, all state in the URL. */
export function App() {
  const { params, setParam, notices, dismissNotices } = useUrlParams();
  const structure = structureOf(params);
  const trainer = useTrainer(structure, liveOf(params), params.play);
  const { status } = trainer;
  const theme = useTheme(params.theme);
  const classes = structure.classes;
  const dim = structure.dim;
  const rails = guardRails(params, classes, dim);
  return (
    <div className="app" data-embed="0">
      <header className="app-header">
        <h1>Hypersphere</h1>
        <p className="tagline">How margin losses shape features on the circle and the sphere</p>
      </header>
      <main className="app-main">
        <div className="stage">
          <HypersphereView slot={trainer.slot} params={params} theme={theme.colors} dim={dim} classes={classes} reducedMotion={theme.reducedMotion} />
          <div className="stage-overlays">
            <Notices items={notices} onDismiss={dismissNotices} />
            <Notices items={status.message ? [status.message] : []} kind="warn" />
          </div>
        </div>
        <aside className="side">
          <Transport state={status.state} onPlay={trainer.play} onPause={trainer.pause} onStep={() => trainer.step(1)} onReset={trainer.reset} />
          <Notices items={rails} kind="warn" />
          <ControlPanel params={params} setParam={setParam} classes={classes} dim={dim} />
        </aside>
      </main>
      <StatusBar status={status} />
    </div>
  );
}
