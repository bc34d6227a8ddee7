import { cosfaceMaxMargin, cosfaceMinScale } from '../losses/curves';
import { hasScale } from '../params/guardRails';
import { M_RANGE, PARAMS, type ParamDef, type ParamKey, type Params } from '../params/table';
import { ParamControl } from './ParamControl';

const LIVE_KEYS = (PARAMS as readonly ParamDef[]).filter((p) => p.scope === 'live' && p.key !== 'loss').map((p) => p.key as ParamKey);

interface Props {
  params: Params;
  setParam: <K extends ParamKey>(key: K, value: Params[K]) => void;
  classes: number;
  dim: 2 | 3;
  /** Only these keys (embed mode's controls=); all when absent. */
  only?: readonly string[];
  /** Element-id prefix (compare mode has one set of controls per panel). */
  idPrefix?: string;
}

/** The loss menu and every live parameter the chosen loss uses, with bounds marked on the sliders. */
export function LossControls({ params, setParam, classes, dim, only, idPrefix }: Props) {
  const visible = (key: string) => !only || only.includes(key);
  const mRange = M_RANGE[params.loss];
  const mMarks =
    params.loss === 'cosface' && cosfaceMaxMargin(classes, dim) !== undefined
      ? [{ value: cosfaceMaxMargin(classes, dim)!, label: `bound ${cosfaceMaxMargin(classes, dim)!.toFixed(2)}` }]
      : undefined;
  const sMarks = hasScale(params.loss) ? [{ value: cosfaceMinScale(classes, 0.9), label: `min ${cosfaceMinScale(classes, 0.9).toFixed(1)}` }] : undefined;
  return (
    <>
      {visible('loss') && <ParamControl name="loss" params={params} onChange={setParam} idPrefix={idPrefix} />}
      {LIVE_KEYS.filter(visible).map((key) => {
        const def = PARAMS.find((p) => p.key === key) as ParamDef;
        if (def.losses && !def.losses.includes(params.loss)) return null;
        if (key === 'm') {
          return (
            <ParamControl
              key={key}
              name="m"
              params={params}
              onChange={setParam}
              range={mRange}
              marks={mMarks}
              suffix={params.loss === 'arcface' ? (v) => `rad (${((v * 180) / Math.PI).toFixed(1)}°)` : undefined}
            />
          );
        }
        if (key === 's') return <ParamControl key={key} name="s" params={params} onChange={setParam} idPrefix={idPrefix} marks={sMarks} />;
        if (key === 'm2') return <ParamControl key={key} name="m2" params={params} onChange={setParam} idPrefix={idPrefix} suffix={(v) => `(${((v * 180) / Math.PI).toFixed(1)}°)`} />;
        return <ParamControl key={key} name={key} params={params} onChange={setParam} idPrefix={idPrefix} />;
      })}
    </>
  );
}
