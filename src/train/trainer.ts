import * as tf from '@tensorflow/tfjs-core';
import { computeLoss, updateCenters } from '../losses';
import type { Dataset } from '../data/datasets';
import { createRng } from '../data/rng';
import { BatchSampler } from './batchSampler';
import type { TrainerCheckpoint } from './checkpoint';
import type { LiveParams, StructuralConfig } from './config';
import type { Frame, NamedTensor, RunInfo } from './frame';
import { Head, readCopy } from './head';
import { createMlp, type Mlp } from './mlp';
import { createOptimizer, type Optimizer } from './optimizer';
import { batchNumbers, fusedGradients, tapedGradients } from './gradients';
import { fusedHeadServes } from './headKernel';
import { lossDef, type LossSpec } from '../losses/registry';
import { scheduledLr } from './lrSchedule';
import { stepSpec, type StepSpec } from '../losses/stepSpec';
import { snapshotMetrics } from './snapshotMetrics';
import { featureForces } from '../losses/forces';
import { headModelOf } from './headModel';
import { verificationMetrics } from './verificationMetrics';

/** Salt of the random stream that draws the sub-centres beyond the first (W's own stream is unchanged). */
const SUBCENTER_SALT = 0x5c0b5eed;
/** Tensors a checkpoint from before them lacks. */
const NEWER_TENSORS = new Set(['subcenters', 'b']);

/**
 * A training run: the embedding MLP, the loss head (class weights, sub-centres, biases, centres),
 * the optimizer and the seeded batch order. Runs on whatever tfjs backend is active.
 */
export class Trainer {
  readonly info: RunInfo;
  private readonly net: Mlp;
  private readonly head: Head;
  private readonly xTrain: tf.Tensor2D;
  private readonly yTrain: tf.Tensor1D;
  private readonly xTest: tf.Tensor2D;
  /** Held-out classes' inputs (never trained on), or undefined when none are held out. */
  private readonly xHeldout: tf.Tensor2D | undefined;
  private readonly sampler: BatchSampler;
  private optimizer: Optimizer;
  private params: LiveParams;
  private steps = 0;
  /** Steps trained with the current loss (the λ schedule counts from its choice). */
  private lossSteps = 0;
  /** The step the live settings last changed at: the learning-rate decay counts from it. */
  private episodeStart = 0;
  private lastLoss: tf.Scalar | undefined;
  private current: StepSpec;
  /** The loss's running statistics after the last batch (AdaFace's norm mean and sd, CurricularFace's t); undefined before. */
  private lossState: number[] | undefined;

  /** Whether the fused kernels (head, optimizer) serve where they can; false: tfjs's composite ops everywhere (a test's reference). */
  private readonly fused: boolean;

  constructor(data: Dataset, cfg: StructuralConfig, params: LiveParams, opts: { fused?: boolean } = {}) {
    this.fused = opts.fused !== false;
    const rng = createRng(cfg.seed);
    const D = cfg.dim;
    const C = data.numClasses;
    this.params = { ...params };
    this.net = createMlp(rng, data.inputDim, cfg.hidden, cfg.depth, D);
    this.head = new Head(rng, createRng(cfg.seed ^ SUBCENTER_SALT), D, C);
    this.xTrain = tf.tensor2d(data.train.x, [data.train.n, data.inputDim]);
    this.yTrain = tf.tensor1d(data.train.y, 'int32');
    this.xTest = tf.tensor2d(data.test.x, [data.test.n, data.inputDim]);
    this.xHeldout = data.heldout && data.heldout.n > 0 ? tf.tensor2d(data.heldout.x, [data.heldout.n, data.inputDim]) : undefined;
    this.sampler = new BatchSampler(data.train.n, createRng(cfg.seed ^ 0x9e3779b9));
    this.optimizer = createOptimizer(params.optimizer, { fused: this.fused });
    this.current = stepSpec(this.params, { step: 0, lossStep: 0 });
    this.info = {
      dim: D,
      numClasses: C,
      inputDim: data.inputDim,
      trainLabels: data.train.y,
      testLabels: data.test.y,
      heldoutLabels: data.heldout?.y ?? new Int32Array(0),
      numHeldout: data.heldout ? Math.max(-1, ...data.heldout.y) + 1 : 0,
    };
  }

  /** Steps taken so far. */
  get step(): number {
    return this.steps;
  }

  /** The learning rate of the next step, after the decay. */
  get learningRate(): number {
    return scheduledLr(this.params.lr, this.params.decay, this.steps - this.episodeStart);
  }

  /** The live parameters in force. */
  get liveParams(): Readonly<LiveParams> {
    return this.params;
  }

  /** Changes live parameters; they apply from the next step. */
  setParams(p: Partial<LiveParams>): void {
    if (p.loss !== undefined && p.loss !== this.params.loss) {
      this.lossSteps = 0;
      this.lossState = undefined;
    }
    // A change of what is learned (not of the pace) restarts the decay: the picture re-forms.
    const changed = (Object.keys(p) as (keyof LiveParams)[]).some((k) => p[k] !== undefined && p[k] !== this.params[k]);
    if (changed) this.episodeStart = this.steps;
    if (p.optimizer && p.optimizer !== this.optimizer.name) {
      this.optimizer.dispose();
      this.optimizer = createOptimizer(p.optimizer, { fused: this.fused });
    }
    this.params = { ...this.params, ...p };
  }

  /** One optimisation step on the next seeded batch. */
  trainStep(): void {
    this.current = stepSpec(this.params, { step: this.steps, lossStep: this.lossSteps });
    const { spec } = this.current;
    const def = lossDef(spec.kind);
    if (this.lossSteps === 0) this.head.start(spec);
    const trained = this.head.trainedBy(spec);
    const vars = [...this.net.variables, ...this.head.optimizedFor(spec)];
    const idx = this.sampler.next(this.params.batch);
    const loss = tf.tidy(() => {
      const idxT = tf.tensor1d(idx, 'int32');
      const xb = tf.gather(this.xTrain, idxT);
      const yb = tf.gather(this.yTrain, idxT);
      const specOf = (x: tf.Tensor2D) => {
        const running = def.train.running;
        if (!running) return spec;
        // The statistics move first, from this batch's numbers (read back: no gradient), then the loss uses them.
        this.lossState = running.update(this.lossState ?? running.initial(spec), batchNumbers(x, this.head.W as tf.Tensor2D, yb), spec);
        return running.withState(spec, this.lossState);
      };
      const lossOf = (x: tf.Tensor2D) =>
        computeLoss(specOf(x), { x, labels: yb, ...this.head.inputs(spec), centers: this.head.centers as tf.Tensor2D });
      const { value, grads, features } =
        this.fused && fusedHeadServes(spec)
          ? fusedGradients(this.net, this.head, specOf, xb, yb)
          : tapedGradients(this.net, trained, xb, lossOf);
      const centerRate = def.train.centerRate?.(this.params);
      // Wen et al.: centers follow the batch's features from before this step's update.
      if (centerRate !== undefined) this.head.centers.assign(updateCenters(features, yb, this.head.centers as tf.Tensor2D, centerRate));
      this.optimizer.apply(vars, grads, this.learningRate);
      return value;
    });
    this.lastLoss?.dispose();
    this.lastLoss = loss;
    this.steps += 1;
    this.lossSteps += 1;
  }

  /** Loss of the last step (NaN before the first). Forces a device sync. */
  lossValue(): number {
    return this.lastLoss ? (this.lastLoss.dataSync()[0] ?? NaN) : NaN;
  }

  /**
   * Features of every point, parameters and metrics at the current step (all copies). `forces`:
   * each training feature's force and the mean turning force (false: empty and NaN, for a caller
   * that reads only the metrics, such as the sweep; about a quarter of the snapshot's time).
   */
  snapshot({ forces: withForces = true }: { forces?: boolean } = {}): Frame {
    const inputs = [this.xTrain, this.xTest, ...(this.xHeldout ? [this.xHeldout] : [])];
    const [train, test, heldout = new Float32Array(0)] = tf
      .tidy(() => inputs.map((x) => this.net.forward(x)))
      .map((t) => {
        const out = readCopy(t);
        t.dispose();
        return out;
      }) as [Float32Array, Float32Array, Float32Array?];
    const classifier = this.head.snapshot(this.current.spec, train, this.info.trainLabels);
    const { W, bias } = classifier;
    const centers = readCopy(this.head.centers);
    const spec = this.specInForce(classifier.scalarBias);
    const forces = withForces ? this.forcesOn(spec, train, classifier, centers) : new Float32Array(0);
    const metrics = snapshotMetrics(
      { train, test, W, bias, forces },
      this.info,
      lossDef(this.params.loss).train.rawLogits ? 'logits' : 'cosine',
    );
    const verification = verificationMetrics(heldout, this.info.heldoutLabels, this.info.numHeldout, this.info.dim);
    return {
      step: this.steps,
      loss: this.lossValue(),
      spec,
      lambda: this.shownStep().lambda,
      lossState: this.lossState ? [...this.lossState] : [],
      train,
      test,
      heldout,
      forces,
      ...(verification ? { verification } : {}),
      ...classifier,
      centers,
      metrics,
      numTensors: tf.memory().numTensors,
    };
  }

  /** −∂ℓ/∂x of every training feature under the snapshot's spec, from the head training runs (empty when the loss names none). */
  private forcesOn(spec: LossSpec, train: Float32Array, c: ReturnType<Head['snapshot']>, centers: Float32Array): Float32Array {
    if (lossDef(spec.kind).fused(spec).kind === 'none') return new Float32Array(0);
    return featureForces(spec, { x: train, labels: this.info.trainLabels, ...headModelOf({ ...c, centers }, this.info.dim) });
  }

  /**
   * Where the last step stood, under the live settings: the last step's spec while they are
   * unchanged, and, after a change while paused, what the next step trains with at that position.
   */
  private shownStep(): StepSpec {
    return stepSpec(this.params, { step: Math.max(0, this.steps - 1), lossStep: Math.max(0, this.lossSteps - 1) });
  }

  /** The spec a snapshot shows: the step's, with the running statistics and the learned b it carried. */
  private specInForce(scalarBias: number | undefined): LossSpec {
    const { spec } = this.shownStep();
    const def = lossDef(spec.kind);
    const withState = def.train.running && this.lossState ? def.train.running.withState(spec, this.lossState) : spec;
    return def.train.scalarBias && scalarBias !== undefined ? def.train.scalarBias.withBias(withState, scalarBias) : withState;
  }

  /** Every learned tensor by name: layerL.w/b of the MLP, then W, bias, the centers, the extra sub-centres and SphereFace2's b. */
  private named(): { name: string; t: tf.Variable }[] {
    return [
      ...this.net.variables.map((v, i) => ({ name: `layer${Math.floor(i / 2) + 1}.${i % 2 === 0 ? 'w' : 'b'}`, t: v })),
      { name: 'W', t: this.head.W },
      { name: 'bias', t: this.head.bias },
      { name: 'centers', t: this.head.centers },
      { name: 'subcenters', t: this.head.extra },
      { name: 'b', t: this.head.scalarB },
    ];
  }

  /** Every learned tensor, named (layerL.w/b of the MLP, then W, bias and the centers), as copies. */
  weights(): NamedTensor[] {
    return this.named().map(({ name, t }) => ({ name, shape: [...t.shape], values: readCopy(t) }));
  }

  /** The whole state at this step (copies): a trainer built the same way and restored from it goes on identically. */
  checkpoint(diverged = false): TrainerCheckpoint {
    const vars = [...this.net.variables, ...this.head.optimizedFor(this.current.spec)];
    return {
      step: this.steps,
      loss: this.lossValue(),
      lossSteps: this.lossSteps,
      episodeStart: this.episodeStart,
      weights: this.weights(),
      optimizer: this.optimizer.save(vars),
      sampler: this.sampler.save(),
      ...(this.lossState ? { lossState: [...this.lossState] } : {}),
      diverged,
    };
  }

  /** Continues from a checkpoint of a trainer of the same data and structure. */
  restore(cp: TrainerCheckpoint): void {
    const byName = new Map(cp.weights.map((w) => [w.name, w]));
    for (const { name, t } of this.named()) {
      const w = byName.get(name);
      // Run files saved before sub-centres and SphereFace2 have neither: those keep their start.
      if (!w && NEWER_TENSORS.has(name)) continue;
      if (!w || w.values.length !== t.size) throw new Error(`the checkpoint has no ${name} of this shape`);
      tf.tidy(() => t.assign(tf.tensor(w.values, t.shape)));
    }
    if (cp.optimizer.name !== this.optimizer.name) {
      this.optimizer.dispose();
      this.optimizer = createOptimizer(cp.optimizer.name, { fused: this.fused });
    }
    this.sampler.restore(cp.sampler);
    this.lastLoss?.dispose();
    this.lastLoss = cp.step > 0 ? tf.scalar(cp.loss) : undefined;
    this.steps = cp.step;
    this.lossSteps = cp.lossSteps;
    this.lossState = cp.lossState ? [...cp.lossState] : undefined;
    this.episodeStart = cp.episodeStart;
    this.current = stepSpec(this.params, { step: this.steps, lossStep: this.lossSteps });
    this.optimizer.restore([...this.net.variables, ...this.head.optimizedFor(this.current.spec)], cp.optimizer);
  }

  dispose(): void {
    this.net.dispose();
    this.optimizer.dispose();
    this.lastLoss?.dispose();
    this.head.dispose();
    tf.dispose([this.xTrain, this.yTrain, this.xTest, ...(this.xHeldout ? [this.xHeldout] : [])]);
  }
}
