import { memo } from 'react';
import type { ParamKey, Params } from '../params/table';
import { LossControls } from '../ui/LossControls';

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
}

/** The loss menu and its live parameters. Memoised: the status ticks 10 times a second. */
export const LossPanel = memo(function LossPanel({ params, setParam, classes, dim }: Props) {
  return (
    <section aria-labelledby="sec-loss">
      <h2 id="sec-loss">Loss — live</h2>
      <LossControls params={params} setParam={setParam} classes={classes} dim={dim} />
    </section>
  );
});
