// The page's training workers and the run on them: one model, or one worker, is a SoloRun; compare
// mode on several cores shares the panels' models out over several workers (each a TrainerClient of
// its own, restarted on its own), kept in lockstep (shardedRun.ts, lockstep.ts).
import type { LiveParams } from '../train/config';
import { ShardedRun } from './shardedRun';
import { SoloRun, type RunDriver } from './runDriver';
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

/** Reports of a worker that no run has (before the first start): none is expected, so none is passed on. */
const IDLE: TrainerEvents = {
  runStarted: () => undefined,
  ready: () => undefined,
  frames: () => undefined,
  state: () => undefined,
  diverged: () => undefined,
  error: () => undefined,
  crashed: () => undefined,
};

/**
 * The page's training: its workers (made on first use, each restarted on its own) and the run they
 * train, driven by a RunDriver: SoloRun on one worker, ShardedRun over several.
 */
export class PoolClient {
  private readonly clients: TrainerClient[] = [];
  private driver: RunDriver | null = null;
  private runId = 0;
  /** Asleep (sleep() until wake()): a client made meanwhile starts no worker. */
  private sleeping = false;
  /** Whether the first run plays as it starts (afterwards the driver says). */
  private readonly autoplay: boolean;

  private readonly spawn: () => WorkerLike;
  private readonly events: TrainerEvents;
  private readonly clock: Clock;
  private readonly cores: number;

  constructor(spawn: () => WorkerLike, events: TrainerEvents, autoplay: boolean, cores: number, clock: Clock = browserClock) {
    this.spawn = spawn;
    this.events = events;
    this.clock = clock;
    this.cores = cores;
    this.autoplay = autoplay;
    this.clientAt(0); // the first worker exists from the start (it warms up)
  }

  get currentRun(): number {
    return this.runId;
  }

  /** Whether the run plays: its driver's word. */
  get playing(): boolean {
    return this.driver?.playing ?? this.autoplay;
  }

  /** The k-th worker's client, made on first use; its reports go to whichever run has it. */
  private clientAt(k: number): TrainerClient {
    while (this.clients.length <= k) {
      const index = this.clients.length;
      const to = () => this.driver?.routes(index) ?? IDLE;
      const events: TrainerEvents = {
        runStarted: (run, models) => to().runStarted(run, models),
        ready: (info, backend, report) => to().ready(info, backend, report),
        frames: (frames) => to().frames(frames),
        state: (state, message) => to().state(state, message),
        diverged: (model) => to().diverged(model),
        error: (message) => to().error(message),
        crashed: (message, fatal) => to().crashed(message, fatal),
        checkpointed: (step) => to().checkpointed?.(step),
        resumed: (step) => to().resumed?.(step),
      };
      // Made while the pool sleeps (a new run for an embed hidden for long): no worker until wake().
      this.clients.push(new TrainerClient(this.spawn, events, false, this.clock, this.sleeping));
    }
    return this.clients[k]!;
  }

  /**
   * Starts a run on as many workers as it should have (workersFor). It plays when `playing` says
   * so, else as the run before it did (a divergence may have paused that one).
   */
  start(run: RunRequest, playing = this.playing): void {
    const K = workersFor(run.lives.length, this.cores, run.workers);
    this.driver?.stop();
    this.driver = null;
    this.clients.splice(Math.max(1, K)).forEach((c) => c.dispose());
    const shards = Array.from({ length: K }, (_, k) => this.clientAt(k));
    if (K === 1) this.driver = new SoloRun(shards[0]!, this.events, (models) => this.events.runStarted(++this.runId, models), run, playing);
    else {
      this.events.runStarted(++this.runId, run.lives.length);
      this.driver = new ShardedRun(run, shards, this.events, playing, this.clock);
    }
    // Begun once it is the pool's driver: the workers' first reports (the run's announcement) reach it.
    this.driver.begin();
  }

  setLives(lives: readonly LiveParams[]): void {
    this.driver?.setLives(lives);
  }

  setPace(speed: number): void {
    this.driver?.setPace(speed);
  }

  play(): void {
    this.driver?.play();
  }

  pause(): void {
    this.driver?.pause();
  }

  step(n = 1): void {
    this.driver?.step(n);
  }

  snapshotRate(hz: number): void {
    this.driver?.snapshotRate(hz);
  }

  /** Stops every worker, keeping the run and each one's checkpoint (an embed hidden for long): see TrainerClient.sleep. */
  sleep(): void {
    this.sleeping = true;
    for (const c of this.clients) c.sleep();
  }

  /** Starts the workers again, each resuming its part of the run where it stood. */
  wake(): void {
    this.sleeping = false;
    for (const c of this.clients) c.wake();
  }

  /** Whether the workers are stopped by sleep(). */
  get asleep(): boolean {
    return this.clients.some((c) => c.asleep);
  }

  requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    return this.driver?.requestWeights(timeoutMs) ?? Promise.resolve([]);
  }

  dispose(): void {
    this.driver?.stop();
    this.driver = null;
    this.clients.splice(0).forEach((c) => c.dispose());
  }
}
