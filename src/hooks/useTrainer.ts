import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CustomData } from '../data/csv';
import type { BackendName, LiveParams, StructuralConfig } from '../train/config';
import type { Frame, NamedTensor, RunInfo } from '../train/frame';
import type { FromWorker, RunState, ToWorker } from '../worker/protocol';
import { FrameHistory } from './frameHistory';

/** One model's numbers (compare mode has one model per panel). */
export interface ModelStatus {
  step: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** The latest frame's metrics and schedule values (for panels). */
  frame: Frame | null;
  /** Worker time to take the last snapshot, ms. */
  snapshotMs: number;
  /** Stopped on NaN/Inf while the other models go on. */
  diverged: boolean;
}

/**
 * Low-frequency training status for React (updated at most STATUS_HZ times a second): the run's
 * shared state, the first model's numbers at the top level, and every model's in `models`.
 */
export interface TrainerStatus extends ModelStatus {
  state: RunState;
  backend: BackendName | '';
  backendReport: string;
  /** A message for people: divergence, a crash and restart, a backend fallback. */
  message: string;
  models: ModelStatus[];
  /** Counts runs (a reset, new data, a crash restart): history belongs to one run. */
  run: number;
}

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

const STATUS_HZ = 10;
const MAX_RESTARTS = 3;

const INITIAL_MODEL: ModelStatus = { step: 0, loss: NaN, trainAccuracy: 0, testAccuracy: 0, frame: null, snapshotMs: 0, diverged: false };

function initialStatus(models: number): TrainerStatus {
  return { ...INITIAL_MODEL, state: 'loading', backend: '', backendReport: '', message: '', models: Array.from({ length: models }, () => INITIAL_MODEL), run: 0 };
}

type Slot = { current: FrameSlot };
/** One model's learned tensors at a step. */
export type ModelWeights = { step: number; tensors: NamedTensor[] };

const framePatch = (f: Frame): Partial<ModelStatus> => ({ step: f.step, loss: f.loss, trainAccuracy: f.metrics.trainAccuracy, testAccuracy: f.metrics.testAccuracy, frame: f });
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
  const [status, setStatus] = useState<TrainerStatus>(() => initialStatus(count));
  const workerRef = useRef<Worker | null>(null);
  const runId = useRef(0);
  const latest = useRef({ structure, lives, playing: autoplay, custom });
  latest.current.structure = structure;
  latest.current.lives = lives;
  latest.current.custom = custom;
  const pendingStatus = useRef<Partial<TrainerStatus>>({});
  const pendingModels = useRef(new Map<number, Partial<ModelStatus>>());
  const statusTimer = useRef<number | undefined>(undefined);
  const restarts = useRef<number[]>([]);
  const history = useRef(new FrameHistory(keep));
  const weightRequests = useRef<((m: ModelWeights[]) => void)[]>([]);
  history.current.setLimit(keep);

  const pushStatus = useCallback((patch: Partial<TrainerStatus>, immediate = false, model?: { index: number; patch: Partial<ModelStatus> }) => {
    Object.assign(pendingStatus.current, patch);
    if (model) pendingModels.current.set(model.index, { ...pendingModels.current.get(model.index), ...model.patch });
    const flush = () => {
      statusTimer.current = undefined;
      const p = pendingStatus.current;
      const pm = pendingModels.current;
      pendingStatus.current = {};
      pendingModels.current = new Map();
      setStatus((s) => {
        const base = { ...s, ...p };
        const models = base.models.map((m, i) => (pm.has(i) ? { ...m, ...pm.get(i) } : m));
        return { ...base, ...(models[0] ?? INITIAL_MODEL), models };
      });
    };
    if (immediate) {
      if (statusTimer.current !== undefined) clearTimeout(statusTimer.current);
      flush();
    } else if (statusTimer.current === undefined) {
      statusTimer.current = window.setTimeout(flush, 1000 / STATUS_HZ);
    }
  }, []);

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
    pendingModels.current = new Map();
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
            Object.assign(slot.current, { frame: f, receivedAt: performance.now(), serial: slot.current.serial + 1 });
            slot.current.notify?.();
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
      if (statusTimer.current !== undefined) clearTimeout(statusTimer.current);
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
        Object.assign(slot.current, { frame: f, receivedAt: performance.now(), serial: slot.current.serial + 1 });
        slot.current.notify?.();
        pushStatus({}, true, { index: model, patch: framePatch(f) });
      });
    },
    [pushStatus],
  );
  const timeline = { length: history.current.length, show: showSnapshot, stepAt: (k: number) => history.current.at(k)?.[0]?.step };

  return { slots, status, play, pause, step, reset, setSnapshotRate, timeline, requestWeights };
}
