// Compare mode on every core: the panels' models shared out over several training workers (each
// a TrainerClient of its own, restarted on its own), kept in lockstep (lockstep.ts). One model, or
// one worker to spare, is a single TrainerClient passed straight through.
import type { LiveParams } from '../train/config';
import type { RunState } from '../worker/protocol';
import { CHUNK, Lockstep, type StepOrder } from './lockstep';
import { TrainerClient, type Clock, type ModelWeights, type RunRequest, type TrainerEvents, type WorkerLike } from './trainerClient';

/**
 * Workers for `models` panels on `cores` logical cores: one each, at most cores − 1 (one is the
 * page's, which draws every panel) and at least 1; `asked` (the `workers` setting) overrides.
 * Measured on 2 cores (`npm run bench -- compare`): 2 workers train 4 panels 1.4× faster than 1,
 * but the page's frame rate while training falls from 0.8 to 0.4 of idle, so auto keeps 1 there.
 */
export function workersFor(models: number, cores: number, asked?: number): number {
  const want = asked !== undefined && asked > 0 ? asked : Math.floor(cores) - 1;
  return models < 2 ? 1 : Math.max(1, Math.min(models, want));
}

/** A shard's snapshot rate: its frames come at the ends of its chunks, so its own timer seldom needs to add one. */
const SHARD_SNAPSHOT_HZ = 1;

interface Shard {
  client: TrainerClient;
  /** The global indices of its models (model i goes to shard i mod K). */
  models: number[];
  lastOrderAt: number;
  state: RunState;
}

export class PoolClient {
  private readonly clients: TrainerClient[] = [];
  private shards: Shard[] = [];
  private lock: Lockstep | null = null;
  private run: RunRequest | null = null;
  private runId = 0;
  private announcedReady = false;
  private outerState: RunState | null = null;
  private queuedSteps = 0;
  private timer: number | undefined;
  private wantPlaying: boolean;

  private readonly spawn: () => WorkerLike;
  private readonly events: TrainerEvents;
  private readonly clock: Clock | undefined;
  private readonly cores: number;

  constructor(spawn: () => WorkerLike, events: TrainerEvents, autoplay: boolean, cores: number, clock?: Clock) {
    this.spawn = spawn;
    this.events = events;
    this.clock = clock;
    this.cores = cores;
    this.wantPlaying = autoplay;
    this.clientAt(0); // the solo client exists from the start (its worker warms up)
  }

  get currentRun(): number {
    return this.runId;
  }

  get playing(): boolean {
    return this.lock ? this.wantPlaying : this.clients[0]!.playing;
  }

  set playing(v: boolean) {
    this.wantPlaying = v;
    if (!this.lock) this.clients[0]!.playing = v;
  }

  /** The k-th inner client, made on first use; its events come back through `route`. */
  private clientAt(k: number): TrainerClient {
    while (this.clients.length <= k) {
      const index = this.clients.length;
      const events: TrainerEvents = {
        runStarted: (_run, models) => (this.lock ? undefined : this.events.runStarted(++this.runId, models)),
        ready: (info, backend, report) => (this.lock ? this.shardReady(index, info, backend, report) : this.events.ready(info, backend, report)),
        frames: (frames) => (this.lock ? this.shardFrames(index, frames) : this.events.frames(frames)),
        state: (state, message) => (this.lock ? this.shardState(index, state, message) : this.events.state(state, message)),
        diverged: (model) => this.events.diverged(this.lock ? this.shards[index]!.models[model]! : model),
        error: (message) => this.events.error(message),
        crashed: (message, fatal) => (this.lock ? this.shardCrashed(index, message, fatal) : this.events.crashed(message, fatal)),
      };
      this.clients.push(new TrainerClient(this.spawn, events, index === 0 ? this.wantPlaying : false, this.clock));
    }
    return this.clients[k]!;
  }

  start(run: RunRequest): void {
    this.run = run;
    const K = workersFor(run.lives.length, this.cores, run.workers);
    this.clock?.clearTimeout(this.timer ?? -1);
    if (K === 1) {
      const solo = this.clientAt(0);
      if (this.lock) solo.playing = this.wantPlaying;
      this.lock = null;
      this.shards = [];
      solo.expectingWork = false;
      this.clients.splice(1).forEach((c) => c.dispose());
      solo.start(run);
      return;
    }
    if (!this.lock) this.wantPlaying = this.clients[0]!.playing; // a divergence may have paused the solo run
    this.clients.splice(K).forEach((c) => c.dispose());
    this.shards = Array.from({ length: K }, (_, k) => ({ client: this.clientAt(k), models: run.lives.map((_, i) => i).filter((i) => i % K === k), lastOrderAt: -Infinity, state: 'loading' as RunState }));
    this.lock = new Lockstep(K);
    this.announcedReady = false;
    this.outerState = null;
    this.queuedSteps = 0;
    this.events.runStarted(++this.runId, run.lives.length);
    // Shard 0 first: its measured backend is given to the others, so that workers measuring at
    // once do not skew each other's timing.
    this.startShard(0);
  }

  private startShard(k: number, backend?: RunRequest['config']['backend']): void {
    const run = this.run!;
    const s = this.shards[k]!;
    s.client.playing = false;
    s.client.expectingWork = false;
    s.client.start({ ...run, config: backend ? { ...run.config, backend } : run.config, lives: s.models.map((i) => run.lives[i]!) });
    s.client.snapshotRate(SHARD_SNAPSHOT_HZ);
  }

  setLives(lives: readonly LiveParams[]): void {
    if (this.run) this.run = { ...this.run, lives: [...lives] };
    if (!this.lock) return this.clients[0]!.setLives(lives);
    for (const s of this.shards) s.client.setLives(s.models.map((i) => lives[i]!));
  }

  play(): void {
    this.wantPlaying = true;
    if (!this.lock) return this.clients[0]!.play();
    this.drive();
  }

  pause(): void {
    this.wantPlaying = false;
    if (!this.lock) return this.clients[0]!.pause();
    this.drive();
  }

  step(n = 1): void {
    this.wantPlaying = false;
    if (!this.lock) return this.clients[0]!.step(n);
    this.queuedSteps += n;
    this.drive();
  }

  snapshotRate(hz: number): void {
    if (!this.lock) this.clients[0]!.snapshotRate(hz);
  }

  async requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    if (!this.lock) return this.clients[0]!.requestWeights(timeoutMs);
    const shards = this.shards;
    const parts = await Promise.all(shards.map((s) => s.client.requestWeights(timeoutMs)));
    if (parts.some((p) => p.length === 0)) return [];
    const out: ModelWeights[] = [];
    shards.forEach((s, k) => s.models.forEach((global, local) => (out[global] = parts[k]![local]!)));
    return out;
  }

  dispose(): void {
    this.clock?.clearTimeout(this.timer ?? -1);
    this.clients.splice(0).forEach((c) => c.dispose());
  }

  /** Sends what the lockstep asks (paced by the speed setting), and reports the state. */
  private drive(): void {
    const lock = this.lock;
    if (!lock) return;
    if (this.queuedSteps > 0 && lock.aligned) {
      const orders = lock.stepAll(this.queuedSteps);
      if (orders.length) this.queuedSteps = 0;
      this.send(orders);
    }
    const speed = this.run?.lives[0]?.speed ?? 0;
    const now = this.clock?.now() ?? performance.now();
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

  private send(orders: StepOrder[], now = this.clock?.now() ?? performance.now()): void {
    for (const { shard, n } of orders) {
      const s = this.shards[shard]!;
      s.lastOrderAt = now;
      s.client.expectingWork = true;
      s.client.step(n);
    }
  }

  private later(ms: number): void {
    if (this.timer !== undefined) return;
    const set = this.clock?.setTimeout ?? ((fn: () => void, t: number) => window.setTimeout(fn, t));
    this.timer = set(() => {
      this.timer = undefined;
      this.drive();
    }, Math.max(1, ms));
  }

  private shardReady(k: number, info: Parameters<TrainerEvents['ready']>[0], backend: Parameters<TrainerEvents['ready']>[1], report: string): void {
    const lock = this.lock!;
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

  private shardFrames(k: number, frames: Parameters<TrainerEvents['frames']>[0]): void {
    const s = this.shards[k]!;
    const step = frames[0]?.frame.step ?? 0;
    const global = frames.map((f) => ({ ...f, model: s.models[f.model]! }));
    const merged = this.lock!.frames(k, step, global);
    s.client.expectingWork = this.lock!.busy[k]!;
    if (merged) this.events.frames(merged);
    this.drive();
  }

  private shardState(k: number, state: RunState, message?: string): void {
    const s = this.shards[k]!;
    s.state = state;
    if (state === 'diverged') {
      const merged = this.lock!.retire(k);
      if (merged) this.events.frames(merged);
    }
    if (message !== undefined) this.events.state(this.aggregate(), message);
    this.drive();
  }

  private shardCrashed(k: number, message: string, fatal: boolean): void {
    const s = this.shards[k]!;
    const panels = s.models.map((i) => i + 1).join(', ');
    this.events.crashed(`Panels ${panels}: ${message}`, fatal);
    const lock = this.lock!;
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
    return this.wantPlaying || !this.lock!.aligned ? 'running' : 'paused';
  }

  private report(): void {
    const state = this.aggregate();
    if (state === this.outerState) return;
    this.outerState = state;
    this.events.state(state);
  }
}
