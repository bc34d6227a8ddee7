// The page's side of the sweep worker: one run at a time through it; a crashed worker is replaced.
import type { FromSweepWorker, ToSweepWorker, YieldMessage } from '../worker/sweepProtocol';
import type { RunOutcome } from './sweepScheduler';

/** What the client needs of a Worker (a fake one in tests). */
export interface SweepWorkerLike {
  postMessage(msg: ToSweepWorker | YieldMessage): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromSweepWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/**
 * Runs sweep runs on a worker of their own, started on the first run and kept between runs (its
 * backend is set once). A worker that errors or stops replying rejects the run it had; the next run
 * gets a new worker. `stop()` ends the worker at once (a cancelled sweep leaves no worker behind).
 */
export class SweepClient {
  private worker: SweepWorkerLike | null = null;
  private pending: { id: number; resolve: (o: RunOutcome) => void; reject: (e: Error) => void; onStep: (n: number) => void } | null = null;
  private nextId = 1;
  private yielding = false;

  private readonly spawn: () => SweepWorkerLike;

  constructor(spawn: () => SweepWorkerLike) {
    this.spawn = spawn;
  }

  /** Trains one run; resolves with what it measured, rejects when the worker failed. */
  run(message: Omit<ToSweepWorker, 'type' | 'id'>, onStep: (step: number) => void): Promise<RunOutcome> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.pending = { id, resolve, reject, onStep };
      w.postMessage({ type: 'run', id, ...message } satisfies ToSweepWorker);
    });
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
    p?.reject(err);
  }

  private ensure(): SweepWorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.onmessage = (e: MessageEvent<FromSweepWorker>) => {
      const m = e.data;
      const p = this.pending;
      if (!p || m.id !== p.id) return;
      if (m.type === 'progress') p.onStep(m.step);
      else if (m.type === 'result') {
        this.pending = null;
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
