// One compare-mode run on several workers: the shards (each a TrainerClient and its models), the
// lockstep that keeps their panels at one step, pacing, and the run's state as one. A RunDriver:
// poolClient.ts makes it, and routes the shards' reports here (routes).
import type { LiveParams } from '../train/config';
import type { RunState } from '../worker/protocol';
import { CHUNK, Lockstep, type StepOrder } from './lockstep';
import { browserClock, type Clock } from './clock';
import type { ModelWeights, RunRequest, TrainerClient, TrainerEvents } from './trainerClient';
import type { RunDriver } from './runDriver';

/** A shard's snapshot rate: its frames come at the ends of its chunks, so its own timer seldom needs to add one. */
const SHARD_SNAPSHOT_HZ = 1;

interface Shard {
  client: TrainerClient;
  /** The global indices of its models (model i goes to shard i mod K). */
  models: number[];
  lastOrderAt: number;
  state: RunState;
}

export class ShardedRun implements RunDriver {
  private readonly shards: Shard[];
  private readonly lock: Lockstep;
  private run: RunRequest;
  private announcedReady = false;
  private outerState: RunState | null = null;
  private queuedSteps = 0;
  private timer: number | undefined;
  /** Ended: a new run has the workers now, so a late timer of this one sends nothing. */
  private stopped = false;
  private wantPlaying: boolean;
  private readonly routed: TrainerEvents[];

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
    this.routed = clients.map((_, k) => this.routesOf(k));
  }

  /** Shard 0 first: its measured backend is given to the others, so that workers measuring at once do not skew each other's timing. */
  begin(): void {
    this.startShard(0);
  }

  private startShard(k: number, backend?: RunRequest['config']['backend']): void {
    const run = this.run;
    const s = this.shards[k]!;
    s.client.playing = false;
    s.client.expectingWork = false;
    // The shards train at full speed: the run's pace is kept here, in the orders they are sent.
    const config = backend ? { ...run.config, backend } : run.config;
    s.client.start({ ...run, config, pace: 0, lives: s.models.map((i) => run.lives[i]!) });
    s.client.snapshotRate(SHARD_SNAPSHOT_HZ);
  }

  /** Ends the run's timers (its clients live on: the pool owns them). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  get playing(): boolean {
    return this.wantPlaying;
  }

  setPace(speed: number): void {
    this.run = { ...this.run, pace: speed };
    this.drive();
  }

  /** The shards keep their own rate: their frames come at the ends of their chunks. */
  snapshotRate(): void {}

  routes(k: number): TrainerEvents {
    return this.routed[k]!;
  }

  /** The k-th shard's reports: merged, aggregated or passed on as the page's. */
  private routesOf(k: number): TrainerEvents {
    return {
      runStarted: () => undefined, // the run was announced once, as it was made
      ready: (info, backend, report) => this.onReady(k, info, backend, report),
      frames: (frames) => this.onFrames(k, frames),
      state: (state, message) => this.onState(k, state, message),
      diverged: (model) => this.events.diverged(this.globalModel(k, model)),
      error: (message) => this.events.error(message),
      crashed: (message, fatal) => this.onCrashed(k, message, fatal),
      resumed: (step) => this.onResumed(k, step),
    };
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
  private globalModel(k: number, local: number): number {
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
    const speed = this.run.pace;
    const now = this.clock.now();
    const orders = lock.plan(this.wantPlaying).filter((o) => {
      const s = this.shards[o.shard]!;
      const due = speed > 0 && this.wantPlaying ? s.lastOrderAt + (CHUNK * 1000) / speed : -Infinity;
      if (now >= due) return true;
      // Too soon at this speed: withdraw the order, come back when it is due.
      lock.withdraw(o);
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

  private onReady(
    k: number,
    info: Parameters<TrainerEvents['ready']>[0],
    backend: Parameters<TrainerEvents['ready']>[1],
    report: string,
  ): void {
    const lock = this.lock;
    lock.markReady(k);
    if (k === 0 && !this.announcedReady) {
      for (let j = 1; j < this.shards.length; j++) this.startShard(j, backend);
    }
    if (!this.announcedReady && lock.allReady) {
      this.announcedReady = true;
      this.events.ready(info, backend, `${report} · ${this.shards.length} workers`);
    }
    this.drive();
  }

  private onFrames(k: number, frames: Parameters<TrainerEvents['frames']>[0]): void {
    const s = this.shards[k]!;
    const step = frames[0]?.frame.step ?? 0;
    const global = frames.map((f) => ({ ...f, model: s.models[f.model]! }));
    const merged = this.lock.frames(k, step, global);
    s.client.expectingWork = this.lock.owes(k);
    if (merged) this.events.frames(merged);
    this.drive();
  }

  private onState(k: number, state: RunState, message?: string): void {
    const s = this.shards[k]!;
    s.state = state;
    if (state === 'diverged') {
      const merged = this.lock.retire(k);
      if (merged) this.events.frames(merged);
    }
    if (message !== undefined) this.events.state(this.aggregate(), message);
    this.drive();
  }

  private onCrashed(k: number, message: string, fatal: boolean): void {
    const s = this.shards[k]!;
    const panels = s.models.map((i) => i + 1).join(', ');
    this.events.crashed(`${s.models.length > 1 ? 'Panels' : 'Panel'} ${panels}: ${message}`, fatal);
    const lock = this.lock;
    if (fatal) {
      s.state = 'error';
      lock.retire(k);
    } else {
      // It resumes from its checkpoint: the lockstep waits for it (the others stop LEAD chunks ahead).
      lock.restartAt(k, s.client.checkpointStep);
      s.client.snapshotRate(SHARD_SNAPSHOT_HZ);
    }
    this.drive();
  }

  /** A shard woken after sleep resumes from its checkpoint: like a restart, the lockstep waits until it is ready. */
  private onResumed(k: number, step: number): void {
    this.lock.restartAt(k, step);
    this.shards[k]!.client.snapshotRate(SHARD_SNAPSHOT_HZ);
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
