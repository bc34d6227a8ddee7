// What each newer loss's own mechanism did in a run, from its last frame (pure): sub-centres and
// noisy labels, SphereFace2's caps, L-Softmax's weight norms.
import type { Dataset } from '../../src/data/datasets';
import { lossDef, type LossSpec } from '../../src/losses/registry';
import { capShares } from '../../src/metrics/caps';
import { nearestSubcenters } from '../../src/losses/subcenter';
import type { Frame } from '../../src/train/frame';

export interface Mechanism {
  /** Sub-center ArcFace: shares of the noisy / clean training samples whose nearest sub-centre of their (given) class is not its dominant one. */
  noisyOffDominant?: number;
  cleanOffDominant?: number;
  /** SphereFace2: the learned b, the caps' angular radius and the shares of test features in their own cap and in none. */
  scalarBias?: number;
  capRadiusDeg?: number;
  inOwnCap?: number;
  inNoCap?: number;
  /** The open set: the share of the held-out identities' features inside no trained class's cap (a stranger should be). */
  heldoutInNoCap?: number;
  /** max ‖W_j‖ / min ‖W_j‖ (the losses whose weights are not normalised: L-Softmax; SphereFace for contrast). */
  weightNormRatio?: number;
}

export function mechanismOf(kind: string, f: Frame, data: Dataset, spec: LossSpec): Mechanism {
  const D = f.W.length / data.numClasses;
  const C = data.numClasses;
  const def = lossDef(spec.kind);
  if (kind === 'subcenter' && f.subcenters) {
    const near = nearestSubcenters(f.train, data.train.y, f.subcenters.W, D, C, f.subcenters.K);
    const off = (want: number) => {
      let n = 0;
      let hit = 0;
      near.forEach((k, i) => {
        if ((data.noisy?.[i] ?? 0) !== want) return;
        n++;
        if (k !== f.subcenters!.dominant[data.train.y[i]!]) hit++;
      });
      return n ? hit / n : NaN;
    };
    return { noisyOffDominant: off(1), cleanOffDominant: off(0) };
  }
  if (def.view.capCos && f.scalarBias !== undefined) {
    const edge = def.view.capCos(spec, C);
    const { own, none } = capShares(f.test, data.test.y, f.W, D, C, edge);
    const heldout = f.heldout.length
      ? { heldoutInNoCap: capShares(f.heldout, new Int32Array(f.heldout.length / D).fill(-1), f.W, D, C, edge).none }
      : {};
    return { scalarBias: f.scalarBias, capRadiusDeg: (Math.acos(edge) * 180) / Math.PI, inOwnCap: own, inNoCap: none, ...heldout };
  }
  if (kind === 'lsoftmax' || kind === 'sphereface') {
    const norms = Array.from({ length: C }, (_, j) => Math.hypot(...Array.from({ length: D }, (_, d) => f.W[d * C + j]!)));
    return { weightNormRatio: Math.max(...norms) / Math.min(...norms) };
  }
  return {};
}
