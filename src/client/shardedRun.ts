// One compare-mode run on several workers: the shards (each a TrainerClient and its models), the
// lockstep that keeps their panels at one step, pacing, and the run's state as one (poolClient.ts
// makes it, and routes the shards' reports here).
import type { LiveParams } from '../train/config';
import type { RunState } from '../worker/protocol';
import { CHUNK, Lockstep, type StepOrder } from './lockstep';
import { browserClock, type Clock } from './clock';
import type { ModelWeights, RunRequest, TrainerClient, TrainerEvents } from './trainerClient';

/** A shard's snapshot rate: its frames come at the ends of its chunks, so its own timer seldom needs to add one. */
const SHARD_SNAPSHOT_HZ = 1;

interface Shard {
  client: TrainerClient;
  /** The global indices of its models (model i goes to shard i mod K). */
  models: number[];
  lastOrderAt: number;
  state: RunState;
}

export class ShardedRun {
  private readonly shards: Shard[];
  private readonly lock: Lockstep;
  private run: RunRequest;
  private announcedReady = false;
  private outerState: RunState | null = null;
  private queuedSteps = 0;
  private timer: number | undefined;
  /** Ended: a new run has the workers now, so a late timer of this one sends nothing. */
  private stopped = false;
  wantPlaying: boolean;

  private readonly events: TrainerEvents;
  private readonly clock: Clock;

  constructor(run: RunRequest, clients: TrainerClient[], events: TrainerEvents, playing: boolean, clock: Clock = browserClock) {
    const K = clients.length;
    this.run = run;
    this.events = events;
    this.clock = clock;
    this.wantPlaying = playing;
    this.shards = clients.map((client, k) => ({
      client,
      models: run.lives.map((_, i) => i).filter((i) => i % K === k),
      lastOrderAt: -Infinity,
      state: 'loading' as RunState,
    }));
    this.lock = new Lockstep(K);
    // Shard 0 first: its measured backend is given to the others, so that workers measuring at
    // once do not skew each other's timing.
    this.startShard(0);
  }

  private startShard(k: number, backend?: RunRequest['config']['backend']): void {
    const run = this.run;
    const s = this.shards[k]!;
    s.client.playing = false;
    s.client.expectingWork = false;
    s.client.start({ ...run, config: backend ? { ...run.config, backend } : run.config, lives: s.models.map((i) => run.lives[i]!) });
    s.client.snapshotRate(SHARD_SNAPSHOT_HZ);
  }

  /** Ends the run's timers (its clients live on: the pool owns them). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  setLives(lives: readonly LiveParams[]): void {
    this.run = { ...this.run, lives: [...lives] };
    for (const s of this.shards) s.client.setLives(s.models.map((i) => lives[i]!));
  }

  play(): void {
    this.wantPlaying = true;
    this.drive();
  }

  pause(): void {
    this.wantPlaying = false;
    this.drive();
  }

  step(n: number): void {
    this.wantPlaying = false;
    this.queuedSteps += n;
    this.drive();
  }

  async requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    const parts = await Promise.all(this.shards.map((s) => s.client.requestWeights(timeoutMs)));
    if (parts.some((p) => p.length === 0)) return [];
    const out: ModelWeights[] = [];
    this.shards.forEach((s, k) => s.models.forEach((global, local) => (out[global] = parts[k]![local]!)));
    return out;
  }

  /** A shard's model index as the page's. */
  globalModel(k: number, local: number): number {
    return this.shards[k]!.models[local]!;
  }

  /** Sends what the lockstep asks (paced by the speed setting), and reports the state. */
  private drive(): void {
    if (this.stopped) return;
    const lock = this.lock;
    if (this.queuedSteps > 0 && lock.aligned) {
      const orders = lock.stepAll(this.queuedSteps);
      if (orders.length) this.queuedSteps = 0;
      this.send(orders);
    }
    const speed = this.run.lives[0]?.speed ?? 0;
    const now = this.clock.now();
    const orders = lock.plan(this.wantPlaying).filter((o) => {
      const s = this.shards[o.shard]!;
      const due = speed > 0 && this.wantPlaying ? s.lastOrderAt + (CHUNK * 1000) / speed : -Infinity;
      if (now >= due) return true;
      // Too soon at this speed: undo the plan for this shard, come back when it is due.
      lock.target[o.shard]! -= o.n;
      lock.busy[o.shard] = false;
      this.later(due - now);
      return false;
    });
    this.send(orders, now);
    this.report();
  }

  private send(orders: StepOrder[], now = this.clock.now()): void {
    for (const { shard, n } of orders) {
      const s = this.shards[shard]!;
      s.lastOrderAt = now;
      s.client.expectingWork = true;
      s.client.step(n);
    }
  }

  private later(ms: number): void {
    if (this.timer !== undefined) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.drive();
      },
      Math.max(1, ms),
    );
  }

  onReady(k: number, info: Parameters<TrainerEvents['ready']>[0], backend: Parameters<TrainerEvents['ready']>[1], report: string): void {
    const lock = this.lock;
    lock.ready[k] = true;
    if (k === 0 && !this.announcedReady) {
      for (let j = 1; j < this.shards.length; j++) this.startShard(j, backend);
    }
    if (!this.announcedReady && lock.ready.every(Boolean)) {
      this.announcedReady = true;
      this.events.ready(info, backend, `${report} · ${this.shards.length} workers`);
    }
    this.drive();
  }

  onFrames(k: number, frames: Parameters<TrainerEvents['frames']>[0]): void {
    const s = this.shards[k]!;
    const step = frames[0]?.frame.step ?? 0;
    const global = frames.map((f) => ({ ...f, model: s.models[f.model]! }));
    const merged = this.lock.frames(k, step, global);
    s.client.expectingWork = this.lock.busy[k]!;
    if (merged) this.events.frames(merged);
    this.drive();
  }

  onState(k: number, state: RunState, message?: string): void {
    const s = this.shards[k]!;
    s.state = state;
    if (state === 'diverged') {
      const merged = this.lock.retire(k);
      if (merged) this.events.frames(merged);
    }
    if (message !== undefined) this.events.state(this.aggregate(), message);
    this.drive();
  }

  onCrashed(k: number, message: string, fatal: boolean): void {
    const s = this.shards[k]!;
    const panels = s.models.map((i) => i + 1).join(', ');
    this.events.crashed(`${s.models.length > 1 ? 'Panels' : 'Panel'} ${panels}: ${message}`, fatal);
    const lock = this.lock;
    if (fatal) {
      s.state = 'error';
      lock.retire(k);
    } else {
      // It resumes from its checkpoint: the lockstep waits for it (the others stop LEAD chunks ahead).
      lock.ready[k] = false;
      lock.standAt(k, s.client.checkpointStep);
      s.client.snapshotRate(SHARD_SNAPSHOT_HZ);
    }
    this.drive();
  }

  /** The run's state as one: loading until every shard is built, then running or (aligned) paused, or the worst a shard reports. */
  private aggregate(): RunState {
    const states = this.shards.map((s) => s.state);
    if (states.includes('error')) return 'error';
    if (states.every((st) => st === 'diverged')) return 'diverged';
    if (!this.announcedReady) return 'loading';
    // A pause takes effect once the workers behind have caught up: then every panel stands at one step.
    return this.wantPlaying || !this.lock.aligned ? 'running' : 'paused';
  }

  private report(): void {
    const state = this.aggregate();
    if (state === this.outerState) return;
    this.outerState = state;
    this.events.state(state);
  }
}
