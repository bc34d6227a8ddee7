// The page's side of the sweep worker: one run at a time through it; a crashed or silent worker is replaced.
import { browserClock, type Clock } from '../client/clock';
import type { FromSweepWorker, ToSweepWorker, YieldMessage } from '../worker/sweepProtocol';
import type { RunOutcome } from './sweepScheduler';

/** A run's worker silent this long (no progress, no result) is taken for hung: the run is rejected. */
export const SWEEP_SILENT_MS = 20_000;
/** Before its first word a new worker compiles its backend and makes its data: it gets this long. */
export const SWEEP_START_MS = 45_000;

/** What the client needs of a Worker (a fake one in tests). */
export interface SweepWorkerLike {
  postMessage(msg: ToSweepWorker | YieldMessage): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromSweepWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/**
 * Runs sweep runs on a worker of their own, started on the first run and kept between runs (its
 * backend is set once). A worker that errors, or is silent for SWEEP_SILENT_MS (SWEEP_START_MS
 * before its first word), is ended and rejects the run it had; the next run gets a new worker.
 * `stop()` ends the worker at once (a cancelled sweep leaves no worker behind).
 */
export class SweepClient {
  private worker: SweepWorkerLike | null = null;
  private pending: { id: number; resolve: (o: RunOutcome) => void; reject: (e: Error) => void; onStep: (n: number) => void } | null = null;
  private nextId = 1;
  private yielding = false;
  /** Whether the current worker has said anything yet (its first word may take a backend's compile). */
  private heard = false;
  private silence: number | undefined;

  private readonly spawn: () => SweepWorkerLike;
  private readonly clock: Clock;

  constructor(spawn: () => SweepWorkerLike, clock: Clock = browserClock) {
    this.spawn = spawn;
    this.clock = clock;
  }

  /** Trains one run; resolves with what it measured, rejects when the worker failed or fell silent. */
  run(message: Omit<ToSweepWorker, 'type' | 'id'>, onStep: (step: number) => void): Promise<RunOutcome> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.pending = { id, resolve, reject, onStep };
      w.postMessage({ type: 'run', id, ...message } satisfies ToSweepWorker);
      this.watch();
    });
  }

  /** (Re)starts the silence timer of the pending run. */
  private watch(): void {
    if (this.silence !== undefined) this.clock.clearTimeout(this.silence);
    this.silence = undefined;
    if (!this.pending) return;
    const ms = this.heard ? SWEEP_SILENT_MS : SWEEP_START_MS;
    this.silence = this.clock.setTimeout(() => {
      this.silence = undefined;
      // Hung (a loop that never yields) or gone (close()): not reused.
      this.worker?.terminate();
      this.worker = null;
      this.fail(new Error(`the sweep worker stopped answering for ${Math.round(ms / 1000)} s`));
    }, ms);
  }

  /** Yield to the main run while it trains (the sweep rests between its chunks), or not. */
  setYield(on: boolean): void {
    this.yielding = on;
    this.worker?.postMessage({ type: 'yield', on });
  }

  /** Ends the worker now; the run it had is rejected. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.fail(new Error('stopped'));
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.watch();
    p?.reject(err);
  }

  private ensure(): SweepWorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    this.heard = false;
    w.onmessage = (e: MessageEvent<FromSweepWorker>) => {
      const m = e.data;
      const p = this.pending;
      if (!p || m.id !== p.id || this.worker !== w) return;
      this.heard = true;
      if (m.type === 'progress') {
        this.watch();
        p.onStep(m.step);
      } else if (m.type === 'result') {
        this.pending = null;
        this.watch();
        p.resolve({ metrics: m.metrics, tensorsBefore: m.tensorsBefore, tensorsAfter: m.tensorsAfter, ms: m.ms });
      } else this.fail(new Error(m.message));
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      // A worker that failed is not reused.
      w.terminate();
      if (this.worker === w) this.worker = null;
      this.fail(new Error(e.message || 'the sweep worker failed'));
    };
    this.worker = w;
    w.postMessage({ type: 'yield', on: this.yielding });
    return w;
  }
}
