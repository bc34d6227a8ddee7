// The one owner of the sweep's lifecycle (a plain class: no React). It runs the sweep the app's
// store asks for, one run at a time in a worker of its own, and keeps what it measured in its own
// state. No component mounts or unmounts it, so leaving compare mode, StrictMode's rehearsal or a
// closed panel can neither stop a sweep nor start it again.
import type { Clock } from '../client/clock';
import { runSettings, sweepRuns, valueLabel, type SweepSpec } from '../params/sweep';
import type { Params } from '../params/table';
import { liveOf, structureOf } from '../train/fromParams';
import { SweepClient, type SweepWorkerLike } from './sweepClient';
import { SweepScheduler } from './sweepScheduler';
import { IDLE, type SweepState } from './sweepState';

/** What the owner needs of the page. */
export interface SweepHost {
  spawn(): SweepWorkerLike;
  clock: Clock;
  assetBase(): string;
  /** Publishes the sweep's state (the panel reads it). */
  publish(update: (s: SweepState) => SweepState): void;
  /** One notice on the page (a sweep refused before anything ran). */
  notify(message: string): void;
}

/** The message a sweep over uploaded data gets: it cannot leave the page for the sweep's worker. */
export const UPLOADED_DATA_NOTICE =
  'A sweep trains each run from scratch in a worker of its own, on generated or bundled data: uploaded data stays with the main run, so this sweep was not started. Choose a dataset under "Data and model" to sweep on it.';

export class SweepOwner {
  private job: { scheduler: SweepScheduler; client: SweepClient; spec: SweepSpec } | null = null;
  private yielding = false;
  /** Cancelled by the user: release() keeps its finished runs on show. */
  private kept = false;
  private readonly host: SweepHost;

  constructor(host: SweepHost) {
    this.host = host;
  }

  /** Starts `spec` from `base` (a sweep running is stopped first). A sweep over uploaded data is refused with one notice. */
  start(spec: SweepSpec, base: Params): void {
    this.stopJob();
    this.kept = false;
    if (base.dataset === 'custom') {
      this.host.publish(() => IDLE);
      this.host.notify(UPLOADED_DATA_NOTICE);
      return;
    }
    const { clock } = this.host;
    const runs = sweepRuns(spec, base.seed);
    const client = new SweepClient(() => this.host.spawn(), clock);
    const t0 = clock.now();
    const labels = spec.values.map((v) => valueLabel(spec.key, v));
    this.host.publish(() => ({ ...IDLE, spec, base, labels, phase: 'running', total: runs.length }));
    const left = (finished: number, step: number) => {
      const done = finished + step / spec.steps;
      return done > 0 ? ((clock.now() - t0) / done) * (runs.length - done) : null;
    };
    const mine = (update: (s: SweepState) => SweepState) => this.host.publish((s) => (s.spec === spec ? update(s) : s));
    const scheduler = new SweepScheduler(
      runs,
      (run, onStep) => {
        const { params, dim } = runSettings(base, spec.key, run);
        return client.run(
          { structure: { ...structureOf(params), dim }, live: liveOf(params), steps: spec.steps, assetBase: this.host.assetBase() },
          onStep,
        );
      },
      {
        onStep: (_run, step) => mine((s) => ({ ...s, step, leftMs: left(s.finished, step) })),
        onResult: (run, out) =>
          mine((s) => ({
            ...s,
            results: [...s.results, { valueIndex: Math.floor(run.index / spec.seeds), seed: run.seed, metrics: out.metrics }],
            finished: s.finished + 1,
            step: 0,
            leaked: s.leaked + (out.tensorsAfter - out.tensorsBefore),
            leftMs: left(s.finished + 1, 0),
          })),
        onCrash: (run, message, retrying) =>
          mine((s) => ({
            ...s,
            crashes: [
              ...s.crashes,
              `${labels[Math.floor(run.index / spec.seeds)]}, seed ${run.seed}: ${message}${retrying ? ' (retried from its start)' : ' (given up)'}`,
            ],
            finished: retrying ? s.finished : s.finished + 1,
          })),
      },
    );
    this.job = { scheduler, client, spec };
    // The main run comes first: while it trains, the sweep rests between its chunks.
    client.setYield(this.yielding);
    void scheduler.start().then((end) => {
      client.stop();
      if (this.job?.scheduler === scheduler) this.job = null;
      const elapsedMs = Math.round(clock.now() - t0);
      mine((s) => ({ ...s, phase: end, step: 0, leftMs: end === 'done' ? 0 : s.leftMs, elapsedMs }));
    });
  }

  /** Stops a running sweep now (its worker ended), keeping the runs it finished: cancelled. */
  cancel(): void {
    const spec = this.job?.spec;
    this.stopJob();
    if (!spec) return;
    this.kept = true;
    this.host.publish((s) => (s.spec === spec && s.phase === 'running' ? { ...s, phase: 'cancelled', step: 0 } : s));
  }

  /** The store dropped its sweep: a cancelled sweep keeps its finished runs on show; any other is cleared. */
  release(): void {
    if (!this.kept) this.clear();
  }

  /** No sweep at all: a running one stops, and the panel shows its form again. */
  clear(): void {
    this.stopJob();
    this.kept = false;
    this.host.publish(() => IDLE);
  }

  /** Whether the main run trains: the sweep then rests between its chunks. */
  setYield(on: boolean): void {
    this.yielding = on;
    this.job?.client.setYield(on);
  }

  private stopJob(): void {
    this.job?.scheduler.cancel();
    this.job?.client.stop();
    this.job = null;
  }
}
