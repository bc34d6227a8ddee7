import { cosfaceMinScale } from '../losses/curves';
import { lossDef } from '../losses/registry';
import { PARAMS, lossUses, type ParamDef, type ParamKey, type Params } from '../params/table';
import { ParamControl } from './ParamControl';
import type { ReactNode } from 'react';

// The loss's settings and the training's, and the pace beside them.
const LIVE_KEYS = (PARAMS as readonly ParamDef[])
  .filter((p) => (p.scope === 'live' || p.scope === 'pace') && p.key !== 'loss')
  .map((p) => p.key as ParamKey);

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
  /** Only these keys (embed mode's controls=); all when absent. */
  only?: readonly string[];
  /** Element-id prefix (compare mode has one set of controls per panel). */
  idPrefix?: string;
  /** Shown right after the loss menu (the side panel's "show with its data" chip). */
  beside?: ReactNode;
}

/** The loss menu and every live parameter the chosen loss uses, with bounds marked on the sliders. */
export function LossControls({ params, setParam, classes, dim, only, idPrefix, beside }: Props) {
  const visible = (key: string) => !only || only.includes(key);
  const def = lossDef(params.loss);
  const bound = def.rails.marginBound?.(classes, dim);
  const mMarks = bound !== undefined ? [{ value: bound, label: `bound ${bound.toFixed(2)}` }] : undefined;
  const sMin = cosfaceMinScale(classes, 0.9);
  const sMarks = def.meta.uses.includes('s') ? [{ value: sMin, label: `min ${sMin.toFixed(1)}` }] : undefined;
  return (
    <>
      {visible('loss') && <ParamControl name="loss" params={params} onChange={setParam} idPrefix={idPrefix} />}
      {beside}
      {LIVE_KEYS.filter((key) => visible(key) && lossUses(params.loss, key)).map((key) => {
        if (key === 'm')
          return (
            <ParamControl
              key={key}
              name="m"
              params={params}
              onChange={setParam}
              idPrefix={idPrefix}
              range={def.meta.margin}
              marks={mMarks}
            />
          );
        if (key === 's') return <ParamControl key={key} name="s" params={params} onChange={setParam} idPrefix={idPrefix} marks={sMarks} />;
        return <ParamControl key={key} name={key} params={params} onChange={setParam} idPrefix={idPrefix} />;
      })}
    </>
  );
}
