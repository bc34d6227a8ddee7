// Compare mode on several workers: which steps to ask of each, and when a step's frames are
// complete. Pure (no timers, no workers): shardedRun.ts drives it.
import type { ModelFrame } from '../worker/protocol';

/** A shard's steps end on multiples of CHUNK while playing: the steps whose frames can be merged. */
export const CHUNK = 10;
/** A shard runs at most this many chunks ahead of the slowest: panels stay within LEAD·CHUNK steps. */
export const LEAD = 2;

/** A step command for one shard: train `n` more steps (its frames come when they are done). */
export interface StepOrder {
  shard: number;
  n: number;
}

export class Lockstep {
  /** The step each shard was asked to reach, the step it last reported, and whether it still owes frames. */
  private readonly target: number[];
  private readonly reached: number[];
  private readonly busy: boolean[];
  /** Ready (built; not while it restarts) and out of the race (every model diverged). */
  private readonly ready: boolean[];
  private readonly done: boolean[];
  private readonly pending = new Map<number, (ModelFrame[] | undefined)[]>();
  private lastMerged = -1;

  constructor(shards: number) {
    this.target = new Array<number>(shards).fill(0);
    this.reached = new Array<number>(shards).fill(0);
    this.busy = new Array<boolean>(shards).fill(false);
    this.ready = new Array<boolean>(shards).fill(false);
    this.done = new Array<boolean>(shards).fill(false);
  }

  /** A shard is built and can take orders. */
  markReady(k: number): void {
    this.ready[k] = true;
  }

  /** Whether every shard is built. */
  get allReady(): boolean {
    return this.ready.every(Boolean);
  }

  /** Whether a shard was asked for steps whose frames have not come. */
  owes(k: number): boolean {
    return this.busy[k]!;
  }

  /** The step a shard was asked to reach. */
  targetOf(k: number): number {
    return this.target[k]!;
  }

  /** Takes back an order just planned (not sent): the shard is idle at its earlier target. */
  withdraw({ shard, n }: StepOrder): void {
    this.target[shard] = this.target[shard]! - n;
    this.busy[shard] = false;
  }

  /** A shard restarts from a checkpoint at `step`: it takes no orders until ready again. */
  restartAt(k: number, step: number): void {
    this.ready[k] = false;
    this.standAt(k, step);
  }

  private racing(): number[] {
    return this.target.map((_, k) => k).filter((k) => !this.done[k]);
  }

  /** The slowest racing shard's step (Infinity when none races). */
  get slowest(): number {
    return Math.min(...this.racing().map((k) => this.reached[k]!));
  }

  /** Whether every racing shard is idle at one step (a paused run stands there). */
  get aligned(): boolean {
    const r = this.racing();
    return r.every((k) => !this.busy[k] && this.ready[k]) && new Set(r.map((k) => this.target[k])).size <= 1;
  }

  /**
   * What to ask now. Playing: each idle shard its next chunk, to the next multiple of CHUNK, unless
   * that would put it more than LEAD chunks ahead of the slowest. Not playing: the idle shards
   * behind are brought up to the furthest target, so a pause stops every panel at one step.
   */
  plan(playing: boolean): StepOrder[] {
    const orders: StepOrder[] = [];
    const racing = this.racing();
    const furthest = Math.max(0, ...racing.map((k) => this.target[k]!));
    for (const k of racing) {
      if (this.busy[k] || !this.ready[k]) continue;
      const at = this.target[k]!;
      const next = playing ? (Math.floor(at / CHUNK) + 1) * CHUNK : furthest;
      if (next <= at || (playing && next - this.slowest > LEAD * CHUNK)) continue;
      this.order(k, next - at, orders);
    }
    return orders;
  }

  /** n more steps for every racing shard, once they stand together (the Step button). */
  stepAll(n: number): StepOrder[] {
    if (!this.aligned) return [];
    const orders: StepOrder[] = [];
    for (const k of this.racing()) this.order(k, n, orders);
    return orders;
  }

  private order(k: number, n: number, out: StepOrder[]): void {
    this.target[k] = this.target[k]! + n;
    this.busy[k] = true;
    out.push({ shard: k, n });
  }

  /** A shard stands at `step` (a restart from a checkpoint, or a new run at 0): nothing owed. */
  standAt(k: number, step: number): void {
    this.target[k] = step;
    this.reached[k] = step;
    this.busy[k] = false;
  }

  /**
   * A shard's frames at `step`: it is idle once they are at its target. Returns the frames of every
   * shard at the latest step all racing shards have reported, when that step is new (else null).
   */
  frames(k: number, step: number, frames: ModelFrame[]): ModelFrame[] | null {
    this.reached[k] = Math.max(this.reached[k]!, step);
    if (this.busy[k] && step >= this.target[k]!) this.busy[k] = false;
    if (step <= this.lastMerged) return null;
    const row = this.pending.get(step) ?? [];
    row[k] = frames;
    this.pending.set(step, row);
    return this.merge();
  }

  /** A shard left the race (all its models diverged): steps no longer wait for it. */
  retire(k: number): ModelFrame[] | null {
    this.done[k] = true;
    this.busy[k] = false;
    return this.merge();
  }

  private merge(): ModelFrame[] | null {
    const racing = this.racing();
    let best = -1;
    for (const [step, row] of this.pending) if (step > best && racing.every((k) => row[k])) best = step;
    if (best < 0) return null;
    const row = this.pending.get(best)!;
    for (const step of [...this.pending.keys()]) if (step <= best) this.pending.delete(step);
    this.lastMerged = best;
    return row.flatMap((f) => f ?? []);
  }
}
