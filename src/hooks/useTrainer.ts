import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomData } from '../data/csv';
import type { BackendName, LiveParams, StructuralConfig } from '../train/config';
import type { Frame, RunInfo } from '../train/frame';
import type { FromWorker, RunState, ToWorker } from '../worker/protocol';

/** Low-frequency training status for React (updated at most STATUS_HZ times a second). */
export interface TrainerStatus {
  state: RunState;
  step: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  backend: BackendName | '';
  backendReport: string;
  /** A message for people: divergence, a crash and restart, a backend fallback. */
  message: string;
  /** The latest frame's metrics and schedule values (for panels). */
  frame: Frame | null;
  /** Worker time to take the last snapshot, ms. */
  snapshotMs: number;
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

const INITIAL: TrainerStatus = {
  state: 'loading',
  step: 0,
  loss: NaN,
  trainAccuracy: 0,
  testAccuracy: 0,
  backend: '',
  backendReport: '',
  message: '',
  frame: null,
  snapshotMs: 0,
};

function spawnWorker(): Worker {
  return new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module', name: 'hypersphere-trainer' });
}

/**
 * Owns the training worker for one mount: (re)starts a run when `structure` changes, forwards
 * `live` changes as setParams, restarts a crashed worker with the same settings.
 */
export function useTrainer(structure: StructuralConfig, live: LiveParams, autoplay: boolean, custom?: CustomData) {
  const slot = useRef<FrameSlot>({ frame: null, info: null, receivedAt: 0, serial: 0 });
  const [status, setStatus] = useState<TrainerStatus>(INITIAL);
  const workerRef = useRef<Worker | null>(null);
  const runId = useRef(0);
  const latest = useRef({ structure, live, playing: autoplay, custom });
  latest.current.structure = structure;
  latest.current.live = live;
  latest.current.custom = custom;
  const pendingStatus = useRef<Partial<TrainerStatus>>({});
  const statusTimer = useRef<number | undefined>(undefined);
  const restarts = useRef<number[]>([]);

  const pushStatus = useCallback((patch: Partial<TrainerStatus>, immediate = false) => {
    Object.assign(pendingStatus.current, patch);
    const flush = () => {
      statusTimer.current = undefined;
      const p = pendingStatus.current;
      pendingStatus.current = {};
      setStatus((s) => ({ ...s, ...p }));
    };
    if (immediate) {
      if (statusTimer.current !== undefined) clearTimeout(statusTimer.current);
      flush();
    } else if (statusTimer.current === undefined) {
      statusTimer.current = window.setTimeout(flush, 1000 / STATUS_HZ);
    }
  }, []);

  const send = useCallback((msg: ToWorker) => workerRef.current?.postMessage(msg), []);

  const startRun = useCallback(() => {
    runId.current += 1;
    Object.assign(slot.current, { frame: null, info: null, receivedAt: 0 });
    slot.current.notify?.();
    const { structure: config, live: params, playing, custom: data } = latest.current;
    pushStatus({ ...INITIAL, backend: '', message: '' }, true);
    const withData = config.dataset === 'custom' && data ? { custom: data } : {};
    send({ type: 'init', runId: runId.current, config, params, play: playing, assetBase: document.baseURI, ...withData });
  }, [pushStatus, send]);

  const onMessage = useCallback(
    (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.runId !== runId.current) return; // from before a reset
      switch (msg.type) {
        case 'ready':
          slot.current.info = msg.info;
          slot.current.notify?.();
          pushStatus({ backend: msg.backend, backendReport: msg.backendReport }, true);
          break;
        case 'frame': {
          const f = msg.frame;
          Object.assign(slot.current, { frame: f, receivedAt: performance.now(), serial: slot.current.serial + 1 });
          slot.current.notify?.();
          pushStatus({
            step: f.step,
            loss: f.loss,
            trainAccuracy: f.metrics.trainAccuracy,
            testAccuracy: f.metrics.testAccuracy,
            frame: f,
            snapshotMs: msg.snapshotMs,
          });
          break;
        }
        case 'state':
          pushStatus({ state: msg.state, ...(msg.message !== undefined ? { message: msg.message } : {}) }, true);
          break;
        case 'diverged':
          latest.current.playing = false;
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

  // A structural change starts a new run.
  const structureKey = JSON.stringify(structure);
  useEffect(() => {
    startRun();
  }, [structureKey, startRun]);

  // Live changes go to the running trainer.
  const liveKey = JSON.stringify(live);
  useEffect(() => {
    send({ type: 'setParams', runId: runId.current, params: latest.current.live });
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

  return { slot, status, play, pause, step, reset, setSnapshotRate };
}
