// A loss's spec at the app's default settings, past every warm-up and schedule, with its running
// statistics at their start and SphereFace2's b where its code starts it: what a test of "every
// loss" checks without a hand-kept list, and the probe's "the same feature, every loss".
import { defaultParams } from './table';
import { lossDef, type LossKind, type LossSpec } from '../losses/registry';
import { FULL_STEP, stepSpec } from '../losses/stepSpec';

export function defaultSpecOf(kind: LossKind, classes = 5): LossSpec {
  const def = lossDef(kind);
  const { spec } = stepSpec({ ...defaultParams(), loss: kind, m: def.meta.margin?.default ?? 0 }, FULL_STEP);
  const running = def.train.running ? def.train.running.withState(spec, def.train.running.initial(spec)) : spec;
  return def.train.scalarBias ? def.train.scalarBias.withBias(running, def.train.scalarBias.initial(running, classes)) : running;
}
