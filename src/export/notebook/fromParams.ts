// A link's parameters and the page's latest frames → what the notebook needs (pure: the page
// hands in the frames, the palette and the data's checksum).
import { lossDef } from '../../losses/registry';
import { FULL_STEP, stepSpec } from '../../losses/stepSpec';
import { entryParams, panelTitle, viewTitle } from '../../params/compare';
import { PARAMS, type ParamDef, type Params } from '../../params/table';
import type { Frame } from '../../train/frame';
import type { AppNumbers, TakeHomeInput, TakeHomePanel } from './cells';

/** Settings every panel shares: the data and the network (the reset rows, but where it runs), and the training pace. */
const SHARED_KEYS = [
  ...(PARAMS as readonly ParamDef[]).filter((d) => d.scope === 'reset' && d.key !== 'backend' && d.key !== 'workers').map((d) => d.key),
  'lr',
  'decay',
  'optimizer',
  'batch',
] as (keyof Params)[];

const DEG = 180 / Math.PI;

/** A frame's numbers under the notebook's names (angles in degrees). */
export function appNumbers(f: Frame): AppNumbers {
  const m = f.metrics;
  const v = f.verification;
  return {
    'train accuracy': m.trainAccuracy,
    'test accuracy': m.testAccuracy,
    'spread (°)': m.intraClassAngle * DEG,
    'margin median (°)': m.marginMedian * DEG,
    'margin 5th pct (°)': m.marginP5 * DEG,
    ...(v ? { 'tar_at_far_1e-2': v.tarAtFar1e2, eer: v.eer, rank1: v.rank1 } : {}),
  };
}

/** One panel: its title, its loss's own settings, its spec at full size and the app's numbers. */
function panelOf(p: Params, title: string, frame: Frame | null | undefined): TakeHomePanel {
  const def = lossDef(p.loss);
  const keys = [...def.meta.uses, ...def.meta.params.map((d) => d.key)] as (keyof Params)[];
  return {
    title,
    settings: Object.fromEntries([['loss', p.loss], ...keys.map((k) => [k, p[k]])]),
    spec: stepSpec(p, FULL_STEP).spec,
    ...(frame ? { app: appNumbers(frame) } : {}),
  };
}

export interface TakeHomeContext {
  link: string;
  /** Each panel's latest frame (one in the single view). */
  frames: readonly (Frame | null | undefined)[];
  /** The step the app's run stands at (0: not started: the notebook trains 1,000 steps). */
  step: number;
  fresh: boolean;
  palette: readonly string[];
  checksum?: string;
  carried?: string;
}

/** Default length of a notebook exported before the run took a step. */
export const UNSTARTED_STEPS = 1000;

export function takeHomeInput(params: Params, c: TakeHomeContext): TakeHomeInput {
  const panels = params.compare.length
    ? params.compare.map((e, i) => {
        const p = entryParams(params, e);
        return panelOf(p, panelTitle(p, e), c.frames[i]);
      })
    : [panelOf(params, viewTitle(params), c.frames[0])];
  return {
    link: c.link,
    settings: Object.fromEntries(SHARED_KEYS.map((k) => [k, params[k]])),
    panels,
    steps: c.step > 0 ? c.step : UNSTARTED_STEPS,
    appStep: c.step,
    fresh: c.fresh,
    palette: c.palette,
    ...(c.checksum ? { checksum: c.checksum } : {}),
    ...(c.carried ? { carried: c.carried } : {}),
  };
}
