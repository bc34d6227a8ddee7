// The page's side of the training worker, as a plain class (no React): its lifecycle, restarts
// after a crash, run ids that drop a reset run's stale messages, and requests that each get their reply.
import type { CustomData } from '../data/csv';
import type { LiveParams, StructuralConfig } from '../train/config';
import type { NamedTensor, RunInfo } from '../train/frame';
import type { BackendName } from '../train/config';
import type { FromWorker, ModelFrame, RunState, ToWorker } from '../worker/protocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Timers and time, injectable (a fake clock in tests). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
};

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
  /** The worker crashed: restarted (and the run sent again), or, `fatal`, given up. */
  crashed(message: string, fatal: boolean): void;
}

/** The settings of a run. */
export interface RunRequest {
  config: StructuralConfig;
  lives: LiveParams[];
  custom?: CustomData;
  assetBase: string;
}

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 30_000;
/** A weights request with no reply by then resolves to no weights. */
export const WEIGHTS_TIMEOUT_MS = 10_000;

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
  /** Whether the run plays (the worker is told again after a restart). */
  playing: boolean;

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

  /** The id of the current run (0 before the first). */
  get currentRun(): number {
    return this.runId;
  }

  /** Starts a run with these settings; messages of earlier runs are dropped from now on. */
  start(run: RunRequest): void {
    this.run = run;
    this.runId += 1;
    this.settle([]);
    this.sentLives = run.lives.map((l) => JSON.stringify(l));
    this.events.runStarted(this.runId, run.lives.length);
    const withData = run.config.dataset === 'custom' && run.custom ? { custom: run.custom } : {};
    this.send({ type: 'init', runId: this.runId, config: run.config, models: run.lives, play: this.playing, assetBase: run.assetBase, ...withData });
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
      this.crash(ev.message || 'unknown error');
    };
  }

  /** A dead worker: restarted with the run's settings, unless it died MAX_RESTARTS times within the window. */
  private crash(message: string): void {
    if (this.disposed) return;
    this.worker?.terminate();
    this.worker = null;
    const now = this.clock.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.events.crashed(`The training worker crashed ${MAX_RESTARTS} times: ${message}. Reload the page.`, true);
      return;
    }
    this.restarts.push(now);
    this.attach();
    if (this.run) this.start(this.run);
    this.events.crashed(`The training worker crashed (${message}) and was restarted.`, false);
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.runId) return; // from before a reset
    switch (msg.type) {
      case 'ready':
        this.events.ready(msg.info, msg.backend, msg.backendReport);
        break;
      case 'frames':
        this.events.frames(msg.frames);
        break;
      case 'state':
        this.events.state(msg.state, msg.message);
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
