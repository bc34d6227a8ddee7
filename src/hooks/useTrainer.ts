import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CustomData } from '../data/csv';
import type { LiveParams, StructuralConfig } from '../train/config';
import type { Frame } from '../train/frame';
import type { FrameSlot } from '../view/frame/frameSlot';
import { useAppStore } from '../state/store';
import type { TrainerEvents, WorkerLike } from '../client/trainerClient';
import { PoolClient } from '../client/poolClient';
import { PresenceGate } from '../client/presenceGate';
import { browserClock } from '../client/clock';
import { FrameHistory } from '../client/frameHistory';
import { initialStatus, type ModelStatus } from '../state/status';
import { useBatchedStatus } from './useBatchedStatus';

type Slot = { current: FrameSlot };

const framePatch = (f: Frame): Partial<ModelStatus> => ({
  step: f.step,
  loss: f.loss,
  trainAccuracy: f.metrics.trainAccuracy,
  testAccuracy: f.metrics.testAccuracy,
  frame: f,
});
/** Puts a frame in a slot for the view (a new one from the worker, or the timeline's) and asks it to draw. */
function putFrame(slot: Slot, f: Frame): void {
  Object.assign(slot.current, { frame: f, receivedAt: performance.now(), serial: slot.current.serial + 1 });
  slot.current.notify?.();
}
const emptySlot = (): Slot => ({ current: { frame: null, info: null, receivedAt: 0, serial: 0 } });

function spawnWorker(): WorkerLike {
  return new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'hypersphere-trainer' }) as WorkerLike;
}

/**
 * Owns the training worker for one mount (through a TrainerClient): (re)starts a run when
 * `structure` or the number of models changes, forwards each model's `lives` changes and the run's
 * `pace` (steps a second, 0: full speed), and turns
 * the worker's reports into frames for the view, the timeline and the batched status. One model
 * is the single view; compare mode trains one per panel, in lockstep, on several workers (poolClient.ts).
 * While the page is not `seen` (an embed on a slide not shown) it trains nothing, and after a
 * while its workers sleep (presenceGate.ts); the store's `presence` tells the view.
 */
export function useTrainer(
  structure: StructuralConfig,
  lives: LiveParams[],
  pace: number,
  autoplay: boolean,
  custom?: CustomData,
  keep = 120,
  workers = 0,
  seen: boolean | null = true,
) {
  const count = lives.length;
  const allSlots = useRef<Slot[]>([]);
  while (allSlots.current.length < count) allSlots.current.push(emptySlot());
  const slots = useMemo(() => allSlots.current.slice(0, count), [count]);
  const { pushStatus, dropPending } = useBatchedStatus();
  const latest = useRef({ structure, lives, pace, custom, workers });
  latest.current = { structure, lives, pace, custom, workers };
  const history = useRef(new FrameHistory(keep));
  history.current.setLimit(keep);
  /** The workers, and the gate that plays, pauses, steps and starts runs on them only while the page is seen. */
  const client = useRef<PoolClient | null>(null);
  const gate = useRef<PresenceGate | null>(null);
  /** Autoplay as the mount began: the worker starts playing or not once. */
  const autoplayAtMount = useRef(autoplay);

  // One worker per mount; the client restarts it after a crash (a few times) with the same settings.
  useEffect(() => {
    const slotsOfRun = () => allSlots.current.slice(0, latest.current.lives.length);
    const events: TrainerEvents = {
      runStarted(run, models) {
        for (const slot of allSlots.current.slice(0, models)) {
          Object.assign(slot.current, { frame: null, info: null, receivedAt: 0 });
          slot.current.notify?.();
        }
        dropPending();
        history.current.clear();
        pushStatus({ ...initialStatus(models), run }, true);
      },
      ready(info, backend, backendReport) {
        for (const slot of slotsOfRun()) {
          slot.current.info = info;
          slot.current.notify?.();
        }
        pushStatus({ backend, backendReport, info }, true);
      },
      frames(frames) {
        for (const { model, frame: f, snapshotMs } of frames) {
          const slot = allSlots.current[model];
          if (!slot) continue;
          putFrame(slot, f);
          history.current.push(model, f);
          pushStatus({}, false, { index: model, patch: { ...framePatch(f), snapshotMs } });
        }
      },
      state: (state, message) => pushStatus({ state, ...(message !== undefined ? { message } : {}) }, true),
      diverged: (model) => pushStatus({}, true, { index: model, patch: { diverged: true } }),
      error: (message) => pushStatus({ state: 'error', message }, true),
      crashed: (message, fatal) => pushStatus(fatal ? { state: 'error', message } : { message }, true),
      checkpointed: (checkpointStep) => pushStatus({ checkpointStep }, false),
    };
    const pool = new PoolClient(spawnWorker, events, autoplayAtMount.current, navigator.hardwareConcurrency || 2);
    const g = new PresenceGate(pool, browserClock, useAppStore.getState().setPresence);
    client.current = pool;
    gate.current = g;
    return () => {
      g.dispose();
      pool.dispose();
      client.current = null;
      gate.current = null;
    };
  }, [pushStatus, dropPending]);

  /** Starts a run with the latest settings; it plays as the last one did unless `playing` says. */
  const startRun = useCallback((playing?: boolean) => {
    const { structure: config, lives: models, pace: speed, custom: data, workers: w } = latest.current;
    const run = { config, lives: models, pace: speed, custom: data, assetBase: document.baseURI, ...(w > 0 ? { workers: w } : {}) };
    gate.current?.start(run, playing);
  }, []);

  // A structural change, or another number of models, starts a new run.
  const structureKey = `${JSON.stringify(structure)}×${count}×${workers}`;
  useEffect(() => {
    startRun();
  }, [structureKey, startRun]);

  // Live changes go to the running trainers, each model's own.
  const liveKey = JSON.stringify(lives);
  useEffect(() => {
    client.current?.setLives(latest.current.lives);
  }, [liveKey]);

  // Seen or not: a hidden embed pauses, and sleeps after a while.
  useEffect(() => {
    gate.current?.setSeen(seen);
  }, [seen]);

  // The pace goes to the run as a whole.
  useEffect(() => {
    client.current?.setPace(pace);
  }, [pace]);

  const play = useCallback(() => gate.current?.play(), []);
  const pause = useCallback(() => gate.current?.pause(), []);
  const step = useCallback((n = 1) => gate.current?.step(n), []);
  // Stable identity: callers may list it in effect dependencies.
  const reset = useCallback(() => {
    const c = client.current;
    const { state } = useAppStore.getState().status;
    // A run that diverged or failed paused itself; the reset plays again.
    startRun(c && (state === 'diverged' || state === 'error') ? true : undefined);
  }, [startRun]);
  const setSnapshotRate = useCallback((hz: number) => client.current?.snapshotRate(hz), []);

  // The store's reset requests (a preset's, a tour step's, an embedding page's) apply once the
  // params set with them have rendered: this effect runs after that render.
  const resetRequest = useAppStore((s) => s.resetRequest);
  useEffect(() => {
    if (resetRequest > 0) reset();
  }, [resetRequest, reset]);

  /** Every model's learned tensors now (for a run file); [] when the worker does not answer in 10 s. */
  const requestWeights = useCallback(() => client.current?.requestWeights() ?? Promise.resolve([]), []);

  /** Shows round k of the timeline (0: the oldest kept) in every panel, its view and its numbers. */
  const showSnapshot = useCallback(
    (k: number) => {
      const round = history.current.at(k);
      if (!round) return;
      round.forEach((f, model) => {
        const slot = allSlots.current[model];
        if (!f || !slot) return;
        putFrame(slot, f);
        pushStatus({}, true, { index: model, patch: framePatch(f) });
      });
    },
    [pushStatus],
  );
  const timeline = useMemo(
    () => ({ size: () => history.current.length, show: showSnapshot, stepAt: (k: number) => history.current.at(k)?.[0]?.step }),
    [showSnapshot],
  );

  return { slots, play, pause, step, reset, setSnapshotRate, timeline, requestWeights };
}
