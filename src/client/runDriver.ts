// One run as the pool drives it: on one worker (SoloRun, below) or sharded over several
// (shardedRun.ts). The driver owns whether its run plays; the pool routes each worker's reports to it.
import type { LiveParams } from '../train/config';
import type { ModelWeights, RunRequest, TrainerClient, TrainerEvents } from './trainerClient';

export interface RunDriver {
  /** Sends the run to its workers: called once the pool routes their reports here. */
  begin(): void;
  /** Whether the run plays (or, paused, stands): the one place that says so. */
  readonly playing: boolean;
  setLives(lives: readonly LiveParams[]): void;
  /** Steps a second for the whole run; 0: full speed. */
  setPace(speed: number): void;
  play(): void;
  pause(): void;
  step(n: number): void;
  snapshotRate(hz: number): void;
  requestWeights(timeoutMs?: number): Promise<ModelWeights[]>;
  /** Ends the run's own timers; its clients live on (the pool owns them). */
  stop(): void;
  /** Where the reports of the pool's k-th worker go while this run has it. */
  routes(k: number): TrainerEvents;
}

/** A run on one worker: its client trains it, its reports pass straight on. */
export class SoloRun implements RunDriver {
  private readonly client: TrainerClient;
  private readonly passOn: TrainerEvents;
  private readonly run: RunRequest;
  private readonly startPlaying: boolean;

  /** `announce` numbers the run for the page on each (re)start of the worker's run. */
  constructor(client: TrainerClient, events: TrainerEvents, announce: (models: number) => void, run: RunRequest, playing: boolean) {
    this.client = client;
    this.passOn = { ...events, runStarted: (_run, models) => announce(models) };
    this.run = run;
    this.startPlaying = playing;
  }

  begin(): void {
    this.client.playing = this.startPlaying;
    this.client.expectingWork = false;
    this.client.start(this.run);
  }

  get playing(): boolean {
    return this.client.playing;
  }

  setLives(lives: readonly LiveParams[]): void {
    this.client.setLives(lives);
  }

  setPace(speed: number): void {
    this.client.setPace(speed);
  }

  play(): void {
    this.client.play();
  }

  pause(): void {
    this.client.pause();
  }

  step(n: number): void {
    this.client.step(n);
  }

  snapshotRate(hz: number): void {
    this.client.snapshotRate(hz);
  }

  requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    return this.client.requestWeights(timeoutMs);
  }

  stop(): void {}

  routes(): TrainerEvents {
    return this.passOn;
  }
}
