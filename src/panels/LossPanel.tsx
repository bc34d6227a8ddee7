import { memo } from 'react';
import { lossDef } from '../losses/registry';
import { presetApplied, presetById } from '../params/presets';
import type { ParamKey, Params } from '../params/table';
import { LossControls } from '../ui/LossControls';

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
  /** Applies a preset's query as one change (one run, one URL update), as the presets menu does. */
  onPreset: (query: string) => void;
}

/**
 * The loss menu and its live parameters. A loss whose mechanism needs its own data (MagFace's
 * blurred samples, sub-center ArcFace's noisy labels, …) gets a chip beside the menu that applies
 * that data and view, as its preset does. Memoised: the status ticks 10 times a second.
 */
export const LossPanel = memo(function LossPanel({ params, setParam, classes, dim, onPreset }: Props) {
  const showcase = lossDef(params.loss).meta.showcase;
  const preset = showcase && presetById(showcase.preset);
  const chip = preset && !presetApplied(params, preset) && (
    <p className="showcase">
      <button type="button" className="chip" onClick={() => onPreset(preset.query)} title={preset.label}>
        Show with its data
      </button>{' '}
      <span className="muted small">{preset.label}</span>
    </p>
  );
  return (
    <section aria-labelledby="sec-loss">
      <h2 id="sec-loss">Loss — live</h2>
      <LossControls params={params} setParam={setParam} classes={classes} dim={dim} beside={chip} />
    </section>
  );
});
