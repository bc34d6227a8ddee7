// The page's side of the training worker, as a plain class (no React): its lifecycle, restarts
// after a crash, run ids that drop a reset run's stale messages, and requests that each get their reply.
import type { CustomData } from '../data/csv';
import type { LiveParams, StructuralConfig } from '../train/config';
import type { NamedTensor, RunInfo } from '../train/frame';
import type { BackendName } from '../train/config';
import type { FromWorker, ModelFrame, RunState, ToWorker } from '../worker/protocol';
import type { RunCheckpoint } from '../train/checkpoint';
import { browserClock, type Clock } from './clock';
import { startWatchdog } from './watchdog';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** One model's learned tensors at a step. */
export type ModelWeights = { step: number; tensors: NamedTensor[] };

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
/** A weights request with no reply by then resolves to no weights. */
export const WEIGHTS_TIMEOUT_MS = 10_000;
/** sleep() waits this long for the worker's last checkpoint before it stops the worker anyway. */
export const SLEEP_CHECKPOINT_MS = 2000;

export class TrainerClient {
  private worker: WorkerLike | null = null;
  private runId = 0;
  private nextRequest = 0;
  private readonly pending = new Map<number, { resolve: (m: ModelWeights[]) => void; timer: number }>();
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
  /** Asleep: the worker is stopped (sleep()) and the run waits, with its checkpoint, for wake(); 'falling' waits for that checkpoint. */
  private sleep_: 'awake' | 'falling' | 'asleep' = 'awake';
  private sleepTimer: number | undefined;

  private readonly spawn: () => WorkerLike;
  private readonly events: TrainerEvents;
  private readonly clock: Clock;

  constructor(spawn: () => WorkerLike, events: TrainerEvents, autoplay: boolean, clock: Clock = browserClock) {
    this.spawn = spawn;
    this.events = events;
    this.clock = clock;
    this.playing = autoplay;
    this.attach();
  }

  /** The step the last checkpoint holds (0 without one): where a restart resumes. */
  get checkpointStep(): number {
    return this.checkpoint?.step ?? 0;
  }

  /** Whether the worker is stopped (or stopping) by sleep(). */
  get asleep(): boolean {
    return this.sleep_ !== 'awake';
  }

  /**
   * Stops the worker, keeping the run, its settings and a checkpoint at the step it stands: the
   * worker is asked for one first (it answers between steps), and is stopped when it comes or after
   * SLEEP_CHECKPOINT_MS. Commands meanwhile only change what wake() sends. Frees the worker's
   * memory (its tfjs backend, WebGL or WASM) while an embed is hidden for long.
   */
  sleep(): void {
    if (this.disposed || this.sleep_ !== 'awake') return;
    this.sleep_ = 'falling';
    this.watchdog?.stop();
    this.watchdog = undefined;
    if (!this.worker || !this.run) return this.fallAsleep();
    this.send({ type: 'checkpointNow', runId: this.runId });
    this.sleepTimer = this.clock.setTimeout(() => this.fallAsleep(), SLEEP_CHECKPOINT_MS);
  }

  private fallAsleep(): void {
    if (this.sleep_ !== 'falling') return;
    if (this.sleepTimer !== undefined) this.clock.clearTimeout(this.sleepTimer);
    this.sleepTimer = undefined;
    this.sleep_ = 'asleep';
    this.settle([]);
    this.worker?.terminate();
    this.worker = null;
    this.training = false;
  }

  /** Starts a worker again after sleep() and resumes the run from its checkpoint, playing as it was told last. */
  wake(): void {
    if (this.disposed || this.sleep_ === 'awake') return;
    if (this.sleepTimer !== undefined) this.clock.clearTimeout(this.sleepTimer);
    this.sleepTimer = undefined;
    const wasAsleep = this.sleep_ === 'asleep';
    this.sleep_ = 'awake';
    if (!wasAsleep) {
      // Woken before it fell asleep: the same worker goes on; its watch starts again.
      this.watch();
      return;
    }
    this.attach();
    const cp = this.checkpoint;
    if (this.run) this.launch(this.run, cp, false);
    this.events.resumed?.(cp?.step ?? 0);
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
    this.settle([]);
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
  requestWeights(timeoutMs = WEIGHTS_TIMEOUT_MS): Promise<ModelWeights[]> {
    if (this.sleep_ === 'asleep') return Promise.resolve([]);
    const requestId = ++this.nextRequest;
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => this.answer(requestId, []), timeoutMs);
      this.pending.set(requestId, { resolve, timer });
      this.send({ type: 'weights', runId: this.runId, requestId });
    });
  }

  /** Ends the worker; pending requests resolve to nothing. */
  dispose(): void {
    this.disposed = true;
    if (this.sleepTimer !== undefined) this.clock.clearTimeout(this.sleepTimer);
    this.watchdog?.stop();
    this.settle([]);
    this.worker?.terminate();
    this.worker = null;
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  private answer(requestId: number, models: ModelWeights[]): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.clock.clearTimeout(p.timer);
    this.pending.delete(requestId);
    p.resolve(models);
  }

  private settle(models: ModelWeights[]): void {
    for (const id of [...this.pending.keys()]) this.answer(id, models);
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

  private watch(): void {
    this.watchdog?.stop();
    this.watchdog = startWatchdog(
      this.clock,
      () => (this.training && this.playing) || this.expectingWork,
      (ms) => this.crash(`stopped answering for ${(ms / 1000).toFixed(1)} s`),
    );
  }

  /**
   * A dead worker: restarted with the run's settings from its last checkpoint (at most about
   * CHECKPOINT_MS of training lost), unless it died MAX_RESTARTS times within the window.
   */
  private crash(what: string): void {
    if (this.disposed || this.sleep_ !== 'awake') return;
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
        if (this.sleep_ === 'falling') this.fallAsleep();
        break;
      case 'diverged':
        if ((this.run?.lives.length ?? 1) === 1) this.playing = false;
        this.events.diverged(msg.model);
        break;
      case 'weights':
        this.answer(msg.requestId, msg.models);
        break;
      case 'error':
        this.events.error(msg.message);
        break;
      default: {
        const never: never = msg;
        console.warn('hypersphere: unknown worker message', never);
      }
    }
  }
}
