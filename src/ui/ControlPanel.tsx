import { memo } from 'react';
import type { CustomData } from '../data/csv';
import type { ParamKey, Params } from '../params/table';
import { DataInput } from './DataInput';
import { LossControls } from './LossControls';
import { ParamControl } from './ParamControl';

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
}

const DATA_KEYS = ['dataset', 'classes', 'perClass', 'noise', 'testFraction', 'dim', 'hidden', 'depth', 'seed', 'backend'] as const;
const VIEW_KEYS = ['projection', 'show', 'rotate', 'theme', 'timeline'] as const;

/** The loss menu and its live parameters. Memoised: the status ticks 10 times a second. */
export const LossPanel = memo(function LossPanel({ params, setParam, classes, dim }: Props) {
  return (
    <section aria-labelledby="sec-loss">
      <h2 id="sec-loss">Loss — live</h2>
      <LossControls params={params} setParam={setParam} classes={classes} dim={dim} />
    </section>
  );
});

const SHARED_TRAINING_KEYS = ['lr', 'decay', 'optimizer', 'batch'] as const;

/** Compare mode: the training settings every panel shares (each panel has its own loss controls). */
export const SharedTrainingPanel = memo(function SharedTrainingPanel({ params, setParam, onLeave }: Omit<Props, 'classes' | 'dim'> & { onLeave: () => void }) {
  return (
    <section aria-labelledby="sec-shared">
      <h2 id="sec-shared">Every panel — live</h2>
      <p className="muted small">Same data, initial weights and batches in every panel; each panel's loss settings are on the panel.</p>
      {SHARED_TRAINING_KEYS.map((k) => (
        <ParamControl key={k} name={k} params={params} onChange={setParam} />
      ))}
      <button type="button" onClick={onLeave}>
        Leave compare mode
      </button>
    </section>
  );
});

/** Data and model (a change starts a new run) and the view settings. */
export const SettingsPanel = memo(function SettingsPanel({
  params,
  setParam,
  onData,
  custom,
}: Omit<Props, 'classes' | 'dim'> & { onData: (d: CustomData) => void; custom?: CustomData }) {
  const hidden = (k: string) => (k === 'classes' && (params.dataset === 'mnist' || params.dataset === 'custom')) || (['perClass', 'noise'].includes(k) && ['mnist', 'custom'].includes(params.dataset));
  return (
    <>
      <section aria-labelledby="sec-data">
        <h2 id="sec-data">Data and model — a change starts a new run</h2>
        {DATA_KEYS.map((k) => (hidden(k) ? null : <ParamControl key={k} name={k} params={params} onChange={setParam} />))}
        <DataInput onData={onData} current={params.dataset === 'custom' ? custom : undefined} />
      </section>
      <section aria-labelledby="sec-view">
        <h2 id="sec-view">View</h2>
        {VIEW_KEYS.map((k) => (
          <ParamControl key={k} name={k} params={params} onChange={setParam} />
        ))}
      </section>
    </>
  );
});
