import { useCallback, useEffect, useRef, useState } from 'react';
import { SweepClient, type SweepWorkerLike } from '../client/sweepClient';
import { SweepScheduler } from '../client/sweepScheduler';
import type { SweepResult } from '../metrics/sweepAggregate';
import { runSettings, sweepRuns, valueLabel, type SweepSpec } from '../params/sweep';
import type { Params } from '../params/table';
import { useAppStore } from '../state/store';
import { liveOf, structureOf } from '../train/fromParams';

function spawnSweepWorker(): SweepWorkerLike {
  return new Worker(new URL('../worker/sweep.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hypersphere-sweep',
  }) as SweepWorkerLike;
}

export type SweepPhase = 'idle' | 'running' | 'done' | 'cancelled';

/** A sweep as the panel shows it: what it runs, what has finished, how far it is. */
export interface SweepState {
  spec: SweepSpec | null;
  /** The settings it started from (a run's are these with its value and seed). */
  base: Params | null;
  labels: string[];
  results: SweepResult[];
  phase: SweepPhase;
  total: number;
  /** Runs finished (or given up), and the running one's step. */
  finished: number;
  step: number;
  /** Estimated time left, ms (null until a run has measured the pace). */
  leftMs: number | null;
  /** Crashed runs, in words. */
  crashes: string[];
  /** Tensors left behind over the runs (the worker's count after each run less before it; 0 when none leaked). */
  leaked: number;
  /** From its start to its end, ms (for the bench). */
  elapsedMs: number;
}

const IDLE: SweepState = {
  spec: null,
  base: null,
  labels: [],
  results: [],
  phase: 'idle',
  total: 0,
  finished: 0,
  step: 0,
  leftMs: null,
  crashes: [],
  leaked: 0,
  elapsedMs: 0,
};

/**
 * Runs the store's sweep (from the URL at load, the panel's Run or a preset) in a worker of its own, one
 * run at a time, and reports it as it fills in. Cancel stops the worker at once. A sweep needs
 * generated or bundled data: an uploaded CSV is not sent to it.
 */
export function useSweep(): { state: SweepState; run: (spec: SweepSpec) => void; cancel: () => void; clear: () => void } {
  const [state, setState] = useState<SweepState>(IDLE);
  const job = useRef<{ scheduler: SweepScheduler; client: SweepClient } | null>(null);
  const setSweep = useAppStore((s) => s.setSweep);

  const stop = useCallback(() => {
    job.current?.scheduler.cancel();
    job.current?.client.stop();
    job.current = null;
  }, []);

  const start = useCallback(
    (spec: SweepSpec) => {
      stop();
      const base = useAppStore.getState().params;
      const runs = sweepRuns(spec, base.seed);
      const client = new SweepClient(spawnSweepWorker);
      const t0 = performance.now();
      const labels = spec.values.map((v) => valueLabel(spec.key, v));
      setState({ ...IDLE, spec, base, labels, phase: 'running', total: runs.length });
      const left = (finished: number, step: number) => {
        const done = finished + step / spec.steps;
        return done > 0 ? ((performance.now() - t0) / done) * (runs.length - done) : null;
      };
      const scheduler = new SweepScheduler(
        runs,
        (run, onStep) => {
          const { params, dim } = runSettings(base, spec.key, run);
          return client.run(
            { structure: { ...structureOf(params), dim }, live: liveOf(params), steps: spec.steps, assetBase: document.baseURI },
            onStep,
          );
        },
        {
          onStep: (_run, step) => setState((s) => ({ ...s, step, leftMs: left(s.finished, step) })),
          onResult: (run, out) =>
            setState((s) => ({
              ...s,
              results: [...s.results, { valueIndex: Math.floor(run.index / spec.seeds), seed: run.seed, metrics: out.metrics }],
              finished: s.finished + 1,
              step: 0,
              leaked: s.leaked + (out.tensorsAfter - out.tensorsBefore),
              leftMs: left(s.finished + 1, 0),
            })),
          onCrash: (run, message, retrying) =>
            setState((s) => ({
              ...s,
              crashes: [
                ...s.crashes,
                `${labels[Math.floor(run.index / spec.seeds)]}, seed ${run.seed}: ${message}${retrying ? ' (retried from its start)' : ' (given up)'}`,
              ],
              finished: retrying ? s.finished : s.finished + 1,
            })),
        },
      );
      job.current = { scheduler, client };
      // The main run comes first: while it trains, the sweep rests between its chunks.
      client.setYield(useAppStore.getState().status.state === 'running');
      void scheduler.start().then((end) => {
        client.stop();
        if (job.current?.scheduler === scheduler) job.current = null;
        const elapsedMs = Math.round(performance.now() - t0);
        setState((s) => (s.spec === spec ? { ...s, phase: end, step: 0, leftMs: end === 'done' ? 0 : s.leftMs, elapsedMs } : s));
      });
    },
    [stop],
  );

  // The store's sweep is the one to run: set by the link at load, the panel's Run, or a preset.
  const wanted = useAppStore((s) => s.sweep);
  const running = useRef<SweepSpec | null>(null);
  useEffect(() => {
    if (wanted === running.current) return;
    running.current = wanted;
    if (wanted) start(wanted);
    else {
      stop();
      setState(IDLE);
    }
  }, [wanted, start, stop]);
  useEffect(() => stop, [stop]);
  const mainTraining = useAppStore((s) => s.status.state === 'running');
  useEffect(() => job.current?.client.setYield(mainTraining), [mainTraining]);

  /** Runs a sweep (again: a copy, so that the same one starts anew). */
  const run = useCallback((spec: SweepSpec) => setSweep({ ...spec }), [setSweep]);
  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'cancelled', step: 0 } : s));
  }, [stop]);
  const clear = useCallback(() => setSweep(null), [setSweep]);

  return { state, run, cancel, clear };
}
