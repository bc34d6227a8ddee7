import { memo } from 'react';
import type { ParamKey, Params } from '../params/table';
import { ParamControl } from '../ui/ParamControl';

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
}

const SHARED_TRAINING_KEYS = ['lr', 'decay', 'optimizer', 'batch'] as const;

/** Compare mode: the training settings every panel shares (each panel has its own loss controls). */
export const SharedTrainingPanel = memo(function SharedTrainingPanel({ params, setParam, onLeave }: Props & { onLeave: () => void }) {
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
