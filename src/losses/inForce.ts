// The spec a snapshot was trained with: the live values where its step stood (warm-up ramp, λ),
// with the running statistics and the learned scalar bias it carried. Pure.
import { lossDef, lossSpecOf, type AllLossValues, type LossSpec } from './registry';

/** What a snapshot says of where its step stood (a Frame has all of these). */
export interface StepFacts {
  ramp: number;
  lambda: number;
  lossState: readonly number[];
  scalarBias?: number;
}

/** The spec in force at a snapshot (before any, at the start: no ramp, λ at its floor). */
export function specInForce(p: AllLossValues, f: StepFacts | null | undefined): LossSpec {
  const at = { ramp: f?.ramp ?? 1, lambda: f && Number.isFinite(f.lambda) ? f.lambda : p.lambdaMin };
  const plain = lossSpecOf(p, at);
  const def = lossDef(plain.kind);
  const withState = def.running && f && f.lossState.length ? def.running.withState(plain, f.lossState) : plain;
  return def.scalarBias && f?.scalarBias !== undefined ? def.scalarBias.withBias(withState, f.scalarBias) : withState;
}
