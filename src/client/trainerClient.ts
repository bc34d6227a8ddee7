// The page's side of the training worker, as a plain class (no React): its lifecycle, restarts
// after a crash, and run ids that drop a reset run's stale messages. Sleep and wake are
// SleepCycle's (sleepCycle.ts); weights requests are WeightRequests' (weightRequests.ts).
import type { CustomData } from '../data/csv';
import type { LiveParams, StructuralConfig } from '../train/config';
import type { RunInfo } from '../train/frame';
import type { BackendName } from '../train/config';
import type { FromWorker, ModelFrame, RunState, ToWorker } from '../worker/protocol';
import type { RunCheckpoint } from '../train/checkpoint';
import { browserClock, type Clock } from './clock';
import { startWatchdog } from './watchdog';
import { SleepCycle } from './sleepCycle';
import { WeightRequests, type ModelWeights } from './weightRequests';

export { SLEEP_CHECKPOINT_MS } from './sleepCycle';
export { WEIGHTS_TIMEOUT_MS, type ModelWeights } from './weightRequests';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** What the client reports; each call belongs to the current run. */
export interface TrainerEvents {
  /** A run was sent to the worker (a new one, or the same settings again after a crash). */
  runStarted(runId: number, models: number): void;
  ready(info: RunInfo, backend: BackendName, report: string): void;
  frames(frames: ModelFrame[]): void;
  state(state: RunState, message?: string): void;
  diverged(model: number): void;
  error(message: string): void;
  /** The worker crashed or stopped answering: restarted (the run sent again, from its last checkpoint), or, `fatal`, given up. */
  crashed(message: string, fatal: boolean): void;
  /** A checkpoint reached the page: the step a restart would resume from (the single-worker path). */
  checkpointed?(step: number): void;
  /** A worker stopped by sleep() was started again, its run resumed from the checkpoint at `step` (0: from the start). */
  resumed?(step: number): void;
}

/** The settings of a run. */
export interface RunRequest {
  config: StructuralConfig;
  lives: LiveParams[];
  /** Steps a second for the whole run; 0: full speed. */
  pace: number;
  custom?: CustomData;
  assetBase: string;
  /** Compare mode's workers, when not one per panel up to the cores − 1 (PoolClient). */
  workers?: number;
}

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 30_000;

export class TrainerClient {
  private worker: WorkerLike | null = null;
  private runId = 0;
  private readonly requests: WeightRequests;
  private restarts: number[] = [];
  private run: RunRequest | null = null;
  /** Each model's live settings as last sent, so only a changed model gets a setParams. */
  private sentLives: string[] = [];
  private disposed = false;
  /** The current run's last checkpoint: a restart resumes from it. */
  private checkpoint: RunCheckpoint | undefined;
  /** The backend the current run was measured to use (a restart skips measuring again). */
  private backend: BackendName | undefined;
  /** Whether the worker says it is training, and the watch on its silence. */
  private training = false;
  private watchdog: { heard(): void; stop(): void } | undefined;
  /** Whether the run plays (the worker is told again after a restart). */
  playing: boolean;
  /** Steps were asked of the worker and it owes their frame (a pool's shard): its silence counts, as a playing run's does. */
  expectingWork = false;
  /** Asleep: the worker is stopped (sleep()) and the run waits, with its checkpoint, for wake(). */
  private readonly sleeper: SleepCycle;

  private readonly spawn: () => WorkerLike;
  private readonly events: TrainerEvents;
  private readonly clock: Clock;

  /**
   * `asleep`: made while its page sleeps (an embed hidden for long given a new run): no worker is
   * started until wake(), which starts one and the run it was given meanwhile.
   */
  constructor(spawn: () => WorkerLike, events: TrainerEvents, autoplay: boolean, clock: Clock = browserClock, asleep = false) {
    this.spawn = spawn;
    this.events = events;
    this.clock = clock;
    this.playing = autoplay;
    this.requests = new WeightRequests(clock);
    this.sleeper = new SleepCycle(
      {
        hasRun: () => this.worker !== null && this.run !== null,
        askCheckpoint: () => this.send({ type: 'checkpointNow', runId: this.runId }),
        stopWatch: () => {
          this.watchdog?.stop();
          this.watchdog = undefined;
        },
        letGo: () => {
          this.requests.settle([]);
          this.worker?.terminate();
          this.worker = null;
          this.training = false;
        },
        goOn: () => this.watch(false),
        resume: () => {
          this.attach();
          const cp = this.checkpoint;
          if (this.run) this.launch(this.run, cp, false);
          this.events.resumed?.(cp?.step ?? 0);
        },
      },
      clock,
      asleep,
    );
    if (!asleep) this.attach();
  }

  /** The step the last checkpoint holds (0 without one): where a restart resumes. */
  get checkpointStep(): number {
    return this.checkpoint?.step ?? 0;
  }

  /** Whether the worker is stopped (or stopping) by sleep(). */
  get asleep(): boolean {
    return this.sleeper.asleep;
  }

  /**
   * Stops the worker, keeping the run, its settings and a checkpoint at the step it stands: the
   * worker is asked for one first, and is stopped when it comes or after SLEEP_CHECKPOINT_MS.
   * Commands meanwhile only change what wake() sends. Frees the worker's memory (its tfjs
   * backend, WebGL or WASM) while an embed is hidden for long.
   */
  sleep(): void {
    if (!this.disposed) this.sleeper.sleep();
  }

  /** Starts a worker again after sleep() and resumes the run from its checkpoint, playing as it was told last. */
  wake(): void {
    if (!this.disposed) this.sleeper.wake();
  }

  /** The id of the current run (0 before the first). */
  get currentRun(): number {
    return this.runId;
  }

  /** Starts a run with these settings; messages of earlier runs are dropped from now on. */
  start(run: RunRequest): void {
    this.checkpoint = undefined;
    this.backend = undefined;
    this.launch(run);
  }

  /**
   * Sends a run to the worker: fresh, or (`resume`) from a checkpoint on the backend it had. A
   * wake does not `announce` it: the page keeps its frames, timeline and status.
   */
  private launch(run: RunRequest, resume?: RunCheckpoint, announce = true): void {
    this.run = run;
    this.runId += 1;
    this.requests.settle([]);
    this.training = false;
    this.sentLives = run.lives.map((l) => JSON.stringify(l));
    if (announce) this.events.runStarted(this.runId, run.lives.length);
    const withData = run.config.dataset === 'custom' && run.custom ? { custom: run.custom } : {};
    const config = resume && this.backend ? { ...run.config, backend: this.backend } : run.config;
    // The checkpoint is sent as a copy (not transferred): it stays here for another restart.
    this.send({
      type: 'init',
      runId: this.runId,
      config,
      models: run.lives,
      play: this.playing,
      pace: run.pace,
      assetBase: run.assetBase,
      ...withData,
      ...(resume ? { resume } : {}),
    });
  }

  /** Sends each model whose live settings changed its new settings. */
  setLives(lives: readonly LiveParams[]): void {
    if (this.run) this.run = { ...this.run, lives: [...lives] };
    lives.forEach((live, model) => {
      const key = JSON.stringify(live);
      if (this.sentLives[model] === key) return;
      this.sentLives[model] = key;
      this.send({ type: 'setParams', runId: this.runId, params: live, model });
    });
  }

  /** The run's pace, steps a second (0: full speed); a restart keeps it. */
  setPace(speed: number): void {
    if (this.run) this.run = { ...this.run, pace: speed };
    this.send({ type: 'pace', runId: this.runId, speed });
  }

  play(): void {
    this.playing = true;
    this.send({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.playing = false;
    this.send({ type: 'pause', runId: this.runId });
  }

  step(n = 1): void {
    this.playing = false;
    this.send({ type: 'step', runId: this.runId, n });
  }

  snapshotRate(hz: number): void {
    this.send({ type: 'snapshotRate', runId: this.runId, hz });
  }

  /** Every model's learned tensors now; [] when the worker does not answer within `timeoutMs` or the run is reset. */
  requestWeights(timeoutMs?: number): Promise<ModelWeights[]> {
    if (this.sleeper.dark) return Promise.resolve([]);
    return this.requests.ask((requestId) => this.send({ type: 'weights', runId: this.runId, requestId }), timeoutMs);
  }

  /** Ends the worker; pending requests resolve to nothing. */
  dispose(): void {
    this.disposed = true;
    this.sleeper.dispose();
    this.watchdog?.stop();
    this.requests.settle([]);
    this.worker?.terminate();
    this.worker = null;
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private attach(): void {
    const w = this.spawn();
    this.worker = w;
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.crash(`crashed (${ev.message || 'unknown error'})`);
    };
    this.watch();
  }

  /** Watches the worker's silence; `starting`: a new worker, given time for its first word. */
  private watch(starting = true): void {
    this.watchdog?.stop();
    this.watchdog = startWatchdog(
      this.clock,
      () => (this.training && this.playing) || this.expectingWork,
      (ms) => this.crash(`stopped answering for ${(ms / 1000).toFixed(1)} s`),
      { ping: () => this.send({ type: 'ping', runId: this.runId }), starting },
    );
  }

  /**
   * A dead worker: restarted with the run's settings from its last checkpoint (at most about
   * CHECKPOINT_MS of training lost), unless it died MAX_RESTARTS times within the window.
   */
  private crash(what: string): void {
    if (this.disposed || this.sleeper.asleep) return;
    this.worker?.terminate();
    this.worker = null;
    this.training = false;
    const now = this.clock.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.watchdog?.stop();
      this.events.crashed(
        `The training worker ${what}, ${MAX_RESTARTS} times within ${RESTART_WINDOW_MS / 1000} s. Reload the page.`,
        true,
      );
      return;
    }
    this.restarts.push(now);
    this.attach();
    const cp = this.checkpoint;
    if (this.run) this.launch(this.run, cp);
    this.events.crashed(
      `The training worker ${what} and was restarted${cp ? ` from its checkpoint at step ${cp.step}` : ' from step 0 (no checkpoint yet)'}.`,
      false,
    );
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.runId) return; // from before a reset
    this.watchdog?.heard();
    switch (msg.type) {
      case 'ready':
        this.backend = msg.backend;
        this.events.ready(msg.info, msg.backend, msg.backendReport);
        break;
      case 'frames':
        this.events.frames(msg.frames);
        break;
      case 'state':
        this.training = msg.state === 'running';
        this.events.state(msg.state, msg.message);
        break;
      case 'checkpoint':
        this.checkpoint = msg.checkpoint;
        this.events.checkpointed?.(msg.checkpoint.step);
        this.sleeper.checkpointed();
        break;
      case 'diverged':
        if ((this.run?.lives.length ?? 1) === 1) this.playing = false;
        this.events.diverged(msg.model);
        break;
      case 'weights':
        this.requests.answer(msg.requestId, msg.models);
        break;
      case 'error':
        this.events.error(msg.message);
        break;
      case 'pong':
        break; // heard: that is all a pong says
      default: {
        const never: never = msg;
        console.warn('hypersphere: unknown worker message', never);
      }
    }
  }
}
