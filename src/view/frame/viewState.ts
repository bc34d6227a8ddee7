// The mutable per-frame state every scene component reads inside useFrame (never React state).
import type { FrameSlot } from './frameSlot';
import type { Frame, RunInfo } from '../../train/frame';
import type { RegionModel } from '../../geometry/regions';
import { lossDef } from '../../losses/registry';
import { classMeanDirections, classSpreads } from '../../metrics/metrics';
import { hardNegativesOnce } from '../../metrics/hardNegatives';
import type { Params } from '../../params/table';
import { interpolate, normStats, projectInto, unitColumns, type Projection } from './frameMath';

/** Radius the reference circle/sphere is drawn at in the raw projection, in view units. */
const RAW_FIT = 1.15;

/** The point sets a frame carries: training, test, and the held-out classes (never trained on). */
export type PointSet = 'train' | 'test' | 'heldout';
export const POINT_SETS: readonly PointSet[] = ['train', 'test', 'heldout'];

/** The labels of one point set (held-out labels count 0…h−1 of their own). */
export function labelsOf(info: RunInfo, which: PointSet): Int32Array {
  return which === 'train' ? info.trainLabels : which === 'test' ? info.testLabels : info.heldoutLabels;
}

/** The colour index of a label of a point set: held-out classes take the colours after the trained ones. */
export function colorIndex(info: RunInfo, which: PointSet, label: number): number {
  return which === 'heldout' ? info.numClasses + label : label;
}

const empty = () => new Float32Array(0);

export class ViewState {
  info: RunInfo | null = null;
  frame: Frame | null = null;
  serial = -1;
  projection: Projection = 'sphere';
  /**
   * The two positions (3 floats a point) each point set moves between: where it was drawn when the
   * last frame arrived, and that frame's. The GPU eases between them (FeaturePoints' vertex shader
   * mixes the two by `ease`, and renormalises on the sphere); JavaScript touches every point only
   * when a frame arrives. `points(which)` gives the positions as drawn now.
   */
  readonly from: Record<PointSet, Float32Array> = { train: empty(), test: empty(), heldout: empty() };
  readonly to: Record<PointSet, Float32Array> = { train: empty(), test: empty(), heldout: empty() };
  /** How far from `from` to `to` the points are drawn now, 0–1. */
  ease = 1;
  /** Whether the points are renormalised to `radius` after the mix (the sphere projection). */
  onSphere = true;
  /** Bumped when `from` and `to` change (a frame arrived): the points upload them then. */
  version = 0;
  /** Radius of the reference circle/sphere (1 on the sphere; scaled in raw mode). */
  radius = 1;
  /** Raw-mode scale from feature units to view units, eased toward its target. */
  rawScale = 1;
  private rawScaleTarget = 1;
  /** Class weight directions (C×3), their norms, bias, centers (C×3, view units), class means (C×3). */
  wDirs: Float32Array = new Float32Array(0);
  wNorms: Float32Array = new Float32Array(0);
  bias: Float32Array = new Float32Array(0);
  centers: Float32Array = new Float32Array(0);
  means: Float32Array = new Float32Array(0);
  /** Sub-center ArcFace: the directions of the sub-centres that are not their class's dominant one (3 floats each) and their classes. */
  subDirs: Float32Array = new Float32Array(0);
  subClass: Int32Array = new Int32Array(0);
  /** Per class: the training features' mean angle to their class's mean direction (radians), and how many there are. */
  classSpread: Float32Array = new Float32Array(0);
  classCount: Int32Array = new Int32Array(0);
  /** CurricularFace: 1 for each training sample with a hard negative (empty under the other losses). */
  hard: Uint8Array = new Uint8Array(0);
  /** Mean directions of the held-out classes (h×3; empty when none are held out). */
  heldoutMeans: Float32Array = new Float32Array(0);
  featureNorm = 1;
  /** The class of the last training or test point under the pointer (the landscape's class when it follows the pointer). */
  hoverClass = 0;
  regions: RegionModel | null = null;
  private arrivedAt = 0;
  private interval = 50;
  /** Whether the points are still moving toward the last frame (the view must draw again). */
  moving = false;
  /** Ease between frames (one view); off, each frame is drawn once as it arrives (compare mode's many views). */
  smooth = true;

  /** Pulls a new frame from the slot when there is one and advances the interpolation. */
  update(slot: FrameSlot, params: Params, now: number): void {
    const projection: Projection = params.projection;
    const ready = slot.frame !== null && slot.info !== null;
    const fresh = ready && slot.serial !== this.serial;
    if (ready && (fresh || projection !== this.projection)) this.ingest(slot, projection, now, fresh);
    if (!this.frame || !this.info) return;
    const t = this.smooth ? (now - this.arrivedAt) / this.interval : 2;
    this.moving = t <= 1.05;
    this.ease = Math.min(1, Math.max(0, t));
    this.regions = this.regionModel(this.frame);
  }

  /** The positions of one point set as drawn now (the vertex shader's mix, on the CPU; the tests read it, the hover tip asks `pointAt`). */
  points(which: PointSet): Float32Array {
    const out = new Float32Array(this.to[which].length);
    interpolate(out, this.from[which], this.to[which], this.ease, this.onSphere, this.radius);
    return out;
  }

  /** One point's position as drawn now, into `out` (3 floats). */
  pointAt(which: PointSet, i: number, out: Float32Array): Float32Array {
    if (3 * i + 3 > this.to[which].length) return out.fill(0);
    interpolate(
      out,
      this.from[which].subarray(3 * i, 3 * i + 3),
      this.to[which].subarray(3 * i, 3 * i + 3),
      this.ease,
      this.onSphere,
      this.radius,
    );
    return out;
  }

  private ingest(slot: FrameSlot, projection: Projection, now: number, fresh: boolean): void {
    const frame = slot.frame!;
    const info = slot.info!;
    const D = info.dim;
    const C = info.numClasses;
    const nTrain = info.trainLabels.length;
    const sameRun = this.info === info && this.to.train.length === nTrain * 3 && projection === this.projection;
    if (fresh && this.serial >= 0 && sameRun) {
      // Smooth motion: the next target is reached over about one frame interval.
      this.interval = Math.min(250, Math.max(16, 0.8 * this.interval + 0.2 * (now - this.arrivedAt)));
    }
    this.serial = slot.serial;
    this.info = info;
    this.frame = frame;
    this.projection = projection;
    this.arrivedAt = now;

    const stats = normStats(frame.train, nTrain, D);
    this.featureNorm = stats.mean;
    const ref = this.referenceNorm(frame, stats.mean);
    this.rawScaleTarget = RAW_FIT / Math.max(stats.p95, ref, 1e-6);
    this.rawScale = sameRun ? this.rawScale + 0.3 * (this.rawScaleTarget - this.rawScale) : this.rawScaleTarget;
    this.radius = projection === 'sphere' ? 1 : ref * this.rawScale;

    const onSphere = projection === 'sphere';
    for (const k of POINT_SETS) {
      const n = labelsOf(info, k).length;
      // Where each point is drawn now becomes the start of the next move (in place: to is rewritten below).
      if (sameRun) interpolate(this.from[k], this.from[k], this.to[k], this.ease, this.onSphere, this.radius);
      else this.from[k] = new Float32Array(n * 3);
      if (this.to[k].length !== n * 3) this.to[k] = new Float32Array(n * 3);
      projectInto(this.to[k], frame[k], n, D, projection, this.rawScale, 1);
      if (!sameRun) this.from[k].set(this.to[k]);
    }
    this.onSphere = onSphere;
    this.ease = 0;
    this.version++;

    const { dirs, norms } = unitColumns(frame.W, D, C);
    this.wDirs = dirs;
    this.wNorms = norms;
    this.bias = frame.bias;
    this.centers = new Float32Array(C * 3);
    projectInto(this.centers, frame.centers, C, D, projection, this.rawScale, 1);
    const pack = (dirs: Float64Array[]) => {
      const out = new Float32Array(dirs.length * 3);
      dirs.forEach((v, j) => out.set([v[0] ?? 0, v[1] ?? 0, D > 2 ? (v[2] ?? 0) : 0], 3 * j));
      return out;
    };
    const train = { x: frame.train, y: info.trainLabels, n: info.trainLabels.length, dim: D };
    const trainMeans = classMeanDirections(train, C);
    this.means = pack(trainMeans);
    const { spread, count } = classSpreads(train, trainMeans, C);
    this.classSpread = Float32Array.from(spread);
    this.classCount = count;
    this.ingestSubcenters(frame, D, C);
    const spec = frame.spec;
    const hardM = lossDef(spec.kind).view.hardNegativeMargin?.(spec);
    this.hard = hardM === undefined ? new Uint8Array(0) : hardNegativesOnce(frame.train, info.trainLabels, frame.W, D, C, hardM);
    this.heldoutMeans = pack(
      classMeanDirections({ x: frame.heldout, y: info.heldoutLabels, n: info.heldoutLabels.length, dim: D }, info.numHeldout),
    );
  }

  private ingestSubcenters(frame: Frame, D: number, C: number): void {
    const sub = frame.subcenters;
    if (!sub || sub.K < 2) {
      this.subDirs = new Float32Array(0);
      this.subClass = new Int32Array(0);
      return;
    }
    const { dirs } = unitColumns(sub.W, D, C * sub.K);
    const keep: number[] = [];
    for (let j = 0; j < C * sub.K; j++) if (j % sub.K !== sub.dominant[Math.floor(j / sub.K)]) keep.push(j);
    this.subDirs = Float32Array.from(keep.flatMap((j) => [dirs[3 * j]!, dirs[3 * j + 1]!, dirs[3 * j + 2]!]));
    this.subClass = Int32Array.from(keep, (j) => Math.floor(j / sub.K));
  }

  /**
   * The norm the reference circle/sphere stands for in raw mode: s for the cosine losses (their
   * logits act as if features sat at radius s), else the features' mean norm (where softmax,
   * center loss and SphereFace regions are evaluated).
   */
  private referenceNorm(frame: Frame, meanNorm: number): number {
    const def = lossDef(frame.spec.kind);
    return def.meta.uses.includes('s') ? def.view.scale(frame.spec, meanNorm) : meanNorm;
  }

  private regionModel(frame: Frame): RegionModel {
    return {
      spec: frame.spec,
      featureNorm: this.featureNorm,
      weightNorms: this.wNorms,
      bias: this.bias,
    };
  }
}
