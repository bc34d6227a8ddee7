// What a loss is, in one object: every layer (trainer, curves, view, formula, URL, guard rails)
// asks the loss's definition instead of switching on its kind. Types only.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef, ValuesOf } from '../schema/paramDef';
import type { SharedLossKey, SharedLossValues } from '../schema/lossRows';
import type * as Ops from './tensorOps';
import type * as TfOps from './tfOps';
import type { FusedHead } from './headSpec';

/** The tfjs ops (tfOps.ts) and the shared differentiable blocks, handed in by the worker side (the page never loads tfjs). */
export interface TensorKit {
  tf: typeof TfOps;
  ops: typeof Ops;
}

/** A batch: raw features, raw weights, labels and their one-hot matrix, the bias and centres where a loss uses them. */
export interface TensorBatch {
  x: TF.Tensor2D; // N×D raw features, not normalised
  W: TF.Tensor2D; // D×C raw class weights, column j = class j
  labels: TF.Tensor1D; // int32 class ids
  oneHot: TF.Tensor2D; // N×C float32
  bias?: TF.Tensor1D; // length C
  centers?: TF.Tensor2D; // C×D
}

/** Where a step stands: the margin warm-up's ramp (0–1) and the λ schedule's value (NaN unless the loss uses it). */
export interface StepContext {
  ramp: number;
  lambda: number;
}

/** A batch's detached numbers a running statistic is updated from: each sample's ‖x‖ and cos θ_y. */
export interface BatchNumbers {
  norms: Float32Array;
  targetCos: Float32Array;
}

/**
 * Statistics a loss carries from batch to batch (AdaFace's norm mean and sd, CurricularFace's t):
 * updated from each batch before its loss is computed, never differentiated.
 */
export interface RunningState<S> {
  /** What each value is called (status, history, the formula panel). */
  readonly names: readonly string[];
  /** The values before the first batch (and after the loss is chosen again). */
  initial(spec: S): number[];
  /** The values after this batch (pure): from those before and the batch's numbers. */
  update(state: readonly number[], batch: BatchNumbers, spec: S): number[];
  /** The spec with these values in force. */
  withState(spec: S, state: readonly number[]): S;
}

/** The range of the shared margin key m for one loss. */
export interface MarginRange {
  min: number;
  max: number;
  step: number;
  default: number;
  /** A whole number (SphereFace's multiplier): rounded wherever m is read. */
  integer?: boolean;
  /** Radians: the control shows degrees too. */
  unit?: 'rad';
}

/** The live values a loss's functions read: the shared rows and its own. */
export type LossValues<R extends readonly ParamDef[]> = SharedLossValues & ValuesOf<R>;

/** The margin zone's rule as GLSL: the body of `float marginTarget(float cc)` on a clamped cosine, reading `uniform vec4 uLoss`. */
export interface MarginShader<S> {
  /** Compile-time source; it may depend on discrete settings only (a change recompiles). */
  source(spec: S): string;
  /** Up to four live values, as `uLoss.xyzw`, for features of norm `featureNorm`. */
  uniforms(spec: S, featureNorm: number): readonly number[];
}

/** Who the loss is, for people and for the parameter table. */
export interface LossMeta<R extends readonly ParamDef[], P extends object> {
  /** Its name for people: menus, titles, captions. */
  readonly label: string;
  /** One sentence of intuition, for the formula panel. */
  readonly intuition: string;
  /** The shared rows it reads (m, s, the λ schedule, the warm-up). */
  readonly uses: readonly SharedLossKey[];
  /** The rows it owns, in control order. */
  readonly params: R;
  /** m's range when it uses m. */
  readonly margin?: MarginRange;
  /** The settings its compare-panel title names ("ArcFace m = 0.3, s = 10"). */
  readonly titleKeys: readonly (keyof P)[];
  /**
   * A loss whose mechanism shows only on its own data (blurred samples, noisy labels, unseen
   * identities): the preset (params/presets.ts, by id) that shows it, and what to look for there.
   */
  readonly showcase?: { preset: string; lookFor: string };
}

/** How it trains: its spec at a step, its tfjs loss, and what the trainer keeps for it. */
export interface LossTraining<S, P extends object> {
  /** Trains the softmax bias, predicts and draws regions with raw logits ‖x‖‖w‖cos θ + b. */
  readonly rawLogits: boolean;
  /** Raw logits without a bias (L-Softmax): the trainer passes none and the frames carry zeros. */
  readonly noBias?: boolean;
  /** Columns of W per class (sub-centres); 1 when absent. W is D×(C·k), column c·k + j of class c. */
  weightColumns?(spec: S): number;
  /** One learned scalar bias b (SphereFace2), passed as `inputs.bias` of length 1: its value when the loss is chosen, and the spec that knows it (the view's caps). */
  readonly scalarBias?: { initial(spec: S, classes: number): number; withBias(spec: S, b: number): S };
  /** Running statistics updated from each batch before its loss (absent: the loss is a function of its batch alone). */
  readonly running?: RunningState<S>;
  /** Keeps class centres (Wen et al.), updated after each step at rate `centerRate`. */
  centerRate?(p: P): number;
  /** The spec a step trains with, from the live values and where the step stands. */
  spec(p: P, at: StepContext): S;
  /** The margin after warm-up, for the status (0 when there is none). */
  effectiveMargin(spec: S): number;
  /** The mean batch loss (tfjs, worker side only). */
  loss(kit: TensorKit, spec: S, batch: TensorBatch): TF.Scalar;
}

/** How it is drawn and written: the view's logits and margin zones, the curves panel, the formula. */
export interface LossView<S, P extends object> {
  /** The factor on the non-target cosines: s, or ‖x‖ for the losses without a fixed scale. */
  scale(spec: S, featureNorm: number): number;
  /** The target logit at θ ∈ [0, π] (radians) for a unit weight and no bias. */
  targetLogit(spec: S, theta: number, featureNorm: number): number;
  /**
   * A one-vs-all loss (SphereFace2): each class claims the directions whose cosine to its weight
   * exceeds this, whatever the other classes do; the margin zone is where no class claims.
   */
  capCos?(spec: S, classes: number): number;
  /** A loss that treats hard negatives apart (CurricularFace): the margin m whose cos(θ_y + m) a negative must beat; the view marks those samples. */
  hardNegativeMargin?(spec: S): number;
  /** The margin zone in the view's shader; absent: no margin zone (NormFace) or raw logits. */
  readonly shader?: MarginShader<S>;
  /**
   * The loss landscape's GLSL where it is not the margin zone's: `target`, the head's target f(c)
   * (absent: `shader`'s rule, else f(c) = c); `negative`, the body of `float landNegative(float c,
   * float cy)` reading `uLNeg` (absent: the cosine itself).
   */
  readonly landscape?: { target?: MarginShader<S>; negative?: MarginShader<S> };
  /** The curves panel: its own curve, drawn with `paper`'s values when it is not the loss shown; or another loss's curve (`as`). */
  readonly curve: { paper: Partial<P>; label?: string } | { as: string };
  /** The formula in TeX with the live values (λ: the schedule's value now, when it has one). */
  tex(p: P, lambda?: number): string;
  /** Its lines for a narrow box, where cutting `tex` at its breaks (losses/tex.ts texLines) is still too wide. */
  texLines?(p: P, lambda?: number): string[];
  /** The caption under the formula, naming units; the label when absent. */
  caption?(p: P): string;
}

/** Its guard rails: what it warns of before a run goes wrong. */
export interface LossRails<P extends object> {
  /** Largest margin C classes in D dimensions can all meet, drawn on the m slider. */
  marginBound?(classes: number, dim: number): number | undefined;
  /** Warnings of its own for settings that cannot work (plain text), beside the shared ones (s too small, a margin with no room). */
  guardRails?(p: P): string[];
}

/**
 * One loss, by concern. `S` is its spec (the plain object computeLoss takes), `R` the table rows it
 * owns, `P` the values its functions read (the shared rows' and its own). Methods (not arrow
 * properties) so that a definition of one loss serves where any is expected.
 */
export interface LossDefinition<
  S extends { kind: string },
  R extends readonly ParamDef[] = readonly ParamDef[],
  P extends object = LossValues<R>,
> {
  readonly kind: S['kind'];
  readonly meta: LossMeta<R, P>;
  readonly train: LossTraining<S, P>;
  readonly view: LossView<S, P>;
  readonly rails: LossRails<P>;
  /**
   * The head the trainer's fused kernel runs for this spec, one pass with its gradient written out
   * (losses/fusedHead.ts, binaryHead.ts): plain numbers computing what `train.loss` computes, with
   * the same clamps, branches and gradient mode. `train.loss` stays the reference, and a test holds
   * the two equal for every loss. `{ kind: 'none', why }` says why a spec trains on tfjs's tape instead.
   */
  fused(spec: S): FusedHead;
}
