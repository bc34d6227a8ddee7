// Compare mode on every core: the panels' models shared out over several training workers (each
// a TrainerClient of its own, restarted on its own), kept in lockstep (shardedRun.ts, lockstep.ts).
// One model, or one worker, is a single TrainerClient passed straight through.
import type { LiveParams } from '../train/config';
import { ShardedRun } from './shardedRun';
import { browserClock, type Clock } from './clock';
import { TrainerClient, type ModelWeights, type RunRequest, type TrainerEvents, type WorkerLike } from './trainerClient';

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

export class PoolClient {
  private readonly clients: TrainerClient[] = [];
  /** The compare run on several workers; null: the solo client's run. */
  private sharded: ShardedRun | null = null;
  private runId = 0;
  private wantPlaying: boolean;

  private readonly spawn: () => WorkerLike;
  private readonly events: TrainerEvents;
  private readonly clock: Clock;
  private readonly cores: number;

  constructor(spawn: () => WorkerLike, events: TrainerEvents, autoplay: boolean, cores: number, clock: Clock = browserClock) {
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
    return this.sharded ? this.sharded.wantPlaying : this.clients[0]!.playing;
  }

  set playing(v: boolean) {
    this.wantPlaying = v;
    if (this.sharded) this.sharded.wantPlaying = v;
    else this.clients[0]!.playing = v;
  }

  /** The k-th inner client, made on first use; its reports go to the sharded run, or straight on. */
  private clientAt(k: number): TrainerClient {
    while (this.clients.length <= k) {
      const index = this.clients.length;
      const events: TrainerEvents = {
        runStarted: (_run, models) => (this.sharded ? undefined : this.events.runStarted(++this.runId, models)),
        ready: (info, backend, report) =>
          this.sharded ? this.sharded.onReady(index, info, backend, report) : this.events.ready(info, backend, report),
        frames: (frames) => (this.sharded ? this.sharded.onFrames(index, frames) : this.events.frames(frames)),
        state: (state, message) => (this.sharded ? this.sharded.onState(index, state, message) : this.events.state(state, message)),
        diverged: (model) => this.events.diverged(this.sharded ? this.sharded.globalModel(index, model) : model),
        error: (message) => this.events.error(message),
        crashed: (message, fatal) => (this.sharded ? this.sharded.onCrashed(index, message, fatal) : this.events.crashed(message, fatal)),
        checkpointed: (step) => (this.sharded ? undefined : this.events.checkpointed?.(step)),
      };
      this.clients.push(new TrainerClient(this.spawn, events, index === 0 ? this.wantPlaying : false, this.clock));
    }
    return this.clients[k]!;
  }

  start(run: RunRequest): void {
    const K = workersFor(run.lives.length, this.cores, run.workers);
    // A divergence may have paused the solo run; a sharded run knows its own.
    this.wantPlaying = this.playing;
    this.sharded?.stop();
    this.sharded = null;
    this.clients.splice(Math.max(1, K)).forEach((c) => c.dispose());
    if (K === 1) {
      const solo = this.clientAt(0);
      solo.playing = this.wantPlaying;
      solo.expectingWork = false;
      solo.start(run);
      return;
    }
    const shards = Array.from({ length: K }, (_, k) => this.clientAt(k));
    this.events.runStarted(++this.runId, run.lives.length);
    this.sharded = new ShardedRun(run, shards, this.events, this.wantPlaying, this.clock);
  }

  setLives(lives: readonly LiveParams[]): void {
    if (this.sharded) this.sharded.setLives(lives);
    else this.clients[0]!.setLives(lives);
  }

  play(): void {
    this.wantPlaying = true;
    if (this.sharded) this.sharded.play();
    else this.clients[0]!.play();
  }

  pause(): void {
    this.wantPlaying = false;
    if (this.sharded) this.sharded.pause();
    else this.clients[0]!.pause();
  }

  step(n = 1): void {
    this.wantPlaying = false;
    if (this.sharded) this.sharded.step(n);
    else this.clients[0]!.step(n);
  }

  snapshotRate(hz: number): void {
    if (!this.sharded) this.clients[0]!.snapshotRate(hz);
  }

  requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    return this.sharded ? this.sharded.requestWeights(timeoutMs) : this.clients[0]!.requestWeights(timeoutMs);
  }

  dispose(): void {
    this.sharded?.stop();
    this.clients.splice(0).forEach((c) => c.dispose());
  }
}
