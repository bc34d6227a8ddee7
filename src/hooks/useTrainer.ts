import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CustomData } from '../data/csv';
import type { LiveParams, StructuralConfig } from '../train/config';
import type { Frame, NamedTensor, RunInfo } from '../train/frame';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { FrameHistory } from './frameHistory';
import { initialStatus, useBatchedStatus, type ModelStatus } from './trainerStatus';

export type { ModelStatus, TrainerStatus } from './trainerStatus';

/** The latest frame with the run facts it belongs to; read by the view every animation frame. */
export interface FrameSlot {
  frame: Frame | null;
  info: RunInfo | null;
  /** performance.now() when the frame arrived, for interpolation. */
  receivedAt: number;
  /** Counts frames, so a reader can tell a new one from the last. */
  serial: number;
  /** Set by the view: called when the slot changes, so a canvas that draws on demand redraws. */
  notify?: () => void;
}

const MAX_RESTARTS = 3;

type Slot = { current: FrameSlot };
/** One model's learned tensors at a step. */
export type ModelWeights = { step: number; tensors: NamedTensor[] };

const framePatch = (f: Frame): Partial<ModelStatus> => ({ step: f.step, loss: f.loss, trainAccuracy: f.metrics.trainAccuracy, testAccuracy: f.metrics.testAccuracy, frame: f });
/** Puts a frame in a slot for the view (a new one from the worker, or the timeline's) and asks it to draw. */
function putFrame(slot: Slot, f: Frame): void {
  Object.assign(slot.current, { frame: f, receivedAt: performance.now(), serial: slot.current.serial + 1 });
  slot.current.notify?.();
}
const emptySlot = (): Slot => ({ current: { frame: null, info: null, receivedAt: 0, serial: 0 } });

function spawnWorker(): Worker {
  return new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'hypersphere-trainer' });
}

/**
 * Owns the training worker for one mount: (re)starts a run when `structure` or the number of
 * models changes, forwards each model's `lives` changes as setParams, restarts a crashed worker
 * with the same settings. One model is the single view; compare mode trains one per panel, in
 * lockstep, in the one worker.
 */
export function useTrainer(structure: StructuralConfig, lives: LiveParams[], autoplay: boolean, custom?: CustomData, keep = 120) {
  const count = lives.length;
  const allSlots = useRef<Slot[]>([]);
  while (allSlots.current.length < count) allSlots.current.push(emptySlot());
  const slots = useMemo(() => allSlots.current.slice(0, count), [count]);
  const { status, pushStatus, dropPending } = useBatchedStatus(count);
  const workerRef = useRef<Worker | null>(null);
  const runId = useRef(0);
  const latest = useRef({ structure, lives, playing: autoplay, custom });
  latest.current.structure = structure;
  latest.current.lives = lives;
  latest.current.custom = custom;
  const restarts = useRef<number[]>([]);
  const history = useRef(new FrameHistory(keep));
  const weightRequests = useRef<((m: ModelWeights[]) => void)[]>([]);
  history.current.setLimit(keep);

  const send = useCallback((msg: ToWorker) => workerRef.current?.postMessage(msg), []);
  /** Each model's live settings as last sent, so only a changed model gets a setParams. */
  const sentLives = useRef<string[]>([]);
  const slotsOfRun = () => allSlots.current.slice(0, latest.current.lives.length);

  const startRun = useCallback(() => {
    runId.current += 1;
    const { structure: config, lives: models, playing, custom: data } = latest.current;
    for (const slot of allSlots.current.slice(0, models.length)) {
      Object.assign(slot.current, { frame: null, info: null, receivedAt: 0 });
      slot.current.notify?.();
    }
    dropPending();
    history.current.clear();
    pushStatus({ ...initialStatus(models.length), run: runId.current }, true);
    sentLives.current = models.map((l) => JSON.stringify(l));
    const withData = config.dataset === 'custom' && data ? { custom: data } : {};
    send({ type: 'init', runId: runId.current, config, models, play: playing, assetBase: document.baseURI, ...withData });
  }, [pushStatus, send]);

  const onMessage = useCallback(
    (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.runId !== runId.current) return; // from before a reset
      switch (msg.type) {
        case 'ready':
          for (const slot of slotsOfRun()) {
            slot.current.info = msg.info;
            slot.current.notify?.();
          }
          pushStatus({ backend: msg.backend, backendReport: msg.backendReport }, true);
          break;
        case 'frames':
          for (const { model, frame: f, snapshotMs } of msg.frames) {
            const slot = allSlots.current[model];
            if (!slot) continue;
            putFrame(slot, f);
            history.current.push(model, f);
            pushStatus({}, false, { index: model, patch: { ...framePatch(f), snapshotMs } });
          }
          break;
        case 'state':
          pushStatus({ state: msg.state, ...(msg.message !== undefined ? { message: msg.message } : {}) }, true);
          break;
        case 'diverged':
          pushStatus({}, true, { index: msg.model, patch: { diverged: true } });
          if (latest.current.lives.length === 1) latest.current.playing = false;
          break;
        case 'weights':
          for (const resolve of weightRequests.current.splice(0)) resolve(msg.models);
          break;
        case 'error':
          pushStatus({ state: 'error', message: msg.message }, true);
          break;
        default: {
          const never: never = msg;
          console.warn('hypersphere: unknown worker message', never);
        }
      }
    },
    [pushStatus],
  );

  // One worker per mount; a crash restarts it (a few times) with the same settings.
  useEffect(() => {
    let disposed = false;
    const attach = () => {
      const w = spawnWorker();
      workerRef.current = w;
      w.onmessage = onMessage;
      w.onerror = (ev) => {
        ev.preventDefault();
        if (disposed) return;
        w.terminate();
        const now = performance.now();
        restarts.current = restarts.current.filter((t) => now - t < 30_000);
        if (restarts.current.length >= MAX_RESTARTS) {
          pushStatus({ state: 'error', message: `The training worker crashed ${MAX_RESTARTS} times: ${ev.message}. Reload the page.` }, true);
          return;
        }
        restarts.current.push(now);
        attach();
        startRun();
        pushStatus({ message: `The training worker crashed (${ev.message || 'unknown error'}) and was restarted.` }, true);
      };
    };
    attach();
    return () => {
      disposed = true;
      workerRef.current?.terminate();
      workerRef.current = null;
    };
  }, [onMessage, pushStatus, startRun]);

  // A structural change, or another number of models, starts a new run.
  const structureKey = `${JSON.stringify(structure)}×${count}`;
  useEffect(() => {
    startRun();
  }, [structureKey, startRun]);

  // Live changes go to the running trainers, each model's own.
  const liveKey = JSON.stringify(lives);
  useEffect(() => {
    latest.current.lives.forEach((live, model) => {
      const key = JSON.stringify(live);
      if (sentLives.current[model] === key) return;
      sentLives.current[model] = key;
      send({ type: 'setParams', runId: runId.current, params: live, model });
    });
  }, [liveKey, send]);

  const play = useCallback(() => {
    latest.current.playing = true;
    send({ type: 'play', runId: runId.current });
  }, [send]);
  const pause = useCallback(() => {
    latest.current.playing = false;
    send({ type: 'pause', runId: runId.current });
  }, [send]);
  const step = useCallback(
    (n = 1) => {
      latest.current.playing = false;
      send({ type: 'step', runId: runId.current, n });
    },
    [send],
  );
  const stateRef = useRef(status.state);
  stateRef.current = status.state;
  // Stable identity: callers may list it in effect dependencies.
  const reset = useCallback(() => {
    if (stateRef.current === 'diverged' || stateRef.current === 'error') latest.current.playing = true;
    startRun();
  }, [startRun]);
  const setSnapshotRate = useCallback((hz: number) => send({ type: 'snapshotRate', runId: runId.current, hz }), [send]);

  /** Every model's learned tensors now (for a run file); [] when the worker does not answer in 10 s. */
  const requestWeights = useCallback(
    () =>
      new Promise<ModelWeights[]>((resolve) => {
        weightRequests.current.push(resolve);
        send({ type: 'weights', runId: runId.current });
        window.setTimeout(() => resolve([]), 10_000);
      }),
    [send],
  );

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
  const timeline = { length: history.current.length, show: showSnapshot, stepAt: (k: number) => history.current.at(k)?.[0]?.step };

  return { slots, status, play, pause, step, reset, setSnapshotRate, timeline, requestWeights };
}
