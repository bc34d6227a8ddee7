// Embed mode's page: the picture, a compact bar (transport, the controls named in `controls=`,
// status) and the live region; nothing else.
import type { ReactNode, RefObject } from 'react';
import type { Params } from '../params/table';
import { LossControls } from '../ui/LossControls';
import { StatusBar } from '../ui/StatusBar';
import { Announcer } from '../ui/Announcer';
import { Transport } from '../ui/Transport';
import type { useTrainer } from '../hooks/useTrainer';

interface Props {
  root: RefObject<HTMLDivElement | null>;
  view: ReactNode;
  trainer: Pick<ReturnType<typeof useTrainer>, 'play' | 'pause' | 'step' | 'reset'>;
  params: Params;
  setParam: <K extends keyof Params>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
  compareOn: boolean;
  lossKinds: string;
  spoken: string;
  help: ReactNode;
}

export function EmbedApp({ root, view, trainer, params, setParam, classes, dim, compareOn, lossKinds, spoken, help }: Props) {
  return (
    <div className="app app-embed" data-embed="1" ref={root}>
      {view}
      <div className="embed-bar">
        <Transport onPlay={trainer.play} onPause={trainer.pause} onStep={() => trainer.step(1)} onReset={trainer.reset} compact />
        {params.controls.length > 0 && !compareOn && (
          <div className="embed-controls">
            <LossControls params={params} setParam={setParam} classes={classes} dim={dim} only={params.controls} />
          </div>
        )}
        <StatusBar lossKind={lossKinds} compact />
        <Announcer context={spoken} />
      </div>
      {help}
    </div>
  );
}
