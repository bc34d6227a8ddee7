import { useState } from 'react';
import { SWEEP_DEFAULTS, SWEEP_DIMS, type SweepKey } from '../params/sweep';
import type { Params } from '../params/table';

/** Values a sweep of `key` starts with: the papers' ranges for m, s, the loss and the dimension; around the current value otherwise. */
function defaultValues(key: SweepKey, p: Params): string {
  if (key === 'm') return '0,0.1,0.2,0.3,0.4,0.5,0.6';
  if (key === 's') return '1,2,4,8,16,32';
  if (key === 'loss') return 'softmax,normface,cosface,arcface';
  if (key === 'dim') return SWEEP_DIMS.join(',');
  const v = Number((p as Record<string, unknown>)[key]);
  return Number.isFinite(v) && v > 0 ? [0.5, 1, 2].map((k) => Number((v * k).toPrecision(3))).join(',') : '0,1,2';
}

/** The form that starts a sweep: the setting, its values, the seeds and the steps per run (checked as a link's `sweep=` is). */
export function SweepForm({ params, keys, onRun }: { params: Params; keys: SweepKey[]; onRun: (query: string) => void }) {
  const [key, setKey] = useState<SweepKey>('m');
  const [values, setValues] = useState(() => defaultValues('m', params));
  const [seeds, setSeeds] = useState<number>(SWEEP_DEFAULTS.seeds);
  const [steps, setSteps] = useState<number>(SWEEP_DEFAULTS.steps);
  return (
    <form
      className="sweep-form"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(`sweep=${key}:${values.replace(/\s+/g, '')}&seeds=${seeds}&sweepSteps=${steps}`);
      }}
    >
      <p className="muted small">
        Each value is trained from scratch on the current data, over several seeds, in a worker beside the main run.
      </p>
      <label>
        Setting{' '}
        <select
          name="sweepKey"
          value={key}
          onChange={(e) => {
            const k = e.target.value as SweepKey;
            setKey(k);
            setValues(defaultValues(k, params));
          }}
        >
          {keys.map((k) => (
            <option key={k} value={k}>
              {k === 'dim' ? 'dim (embedding dimension)' : k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Values <input name="sweepValues" value={values} onChange={(e) => setValues(e.target.value)} />
      </label>
      <label>
        Seeds <input name="sweepSeeds" type="number" min={1} max={10} value={seeds} onChange={(e) => setSeeds(Number(e.target.value))} />
      </label>
      <label>
        Steps per run{' '}
        <input
          name="sweepSteps"
          type="number"
          min={50}
          max={20000}
          step={50}
          value={steps}
          onChange={(e) => setSteps(Number(e.target.value))}
        />
      </label>
      <button type="submit" className="primary">
        Run sweep
      </button>
    </form>
  );
}
