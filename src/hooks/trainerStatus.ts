import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName } from '../train/config';
import type { Frame } from '../train/frame';
import type { RunState } from '../worker/protocol';

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

const STATUS_HZ = 10;

const INITIAL_MODEL: ModelStatus = { step: 0, loss: NaN, trainAccuracy: 0, testAccuracy: 0, frame: null, snapshotMs: 0, diverged: false };

/** The status of a run of `models` models that has not started. */
export function initialStatus(models: number): TrainerStatus {
  return { ...INITIAL_MODEL, state: 'loading', backend: '', backendReport: '', message: '', models: Array.from({ length: models }, () => INITIAL_MODEL), run: 0 };
}

/**
 * The status as React state, batched: patches (of the run, or of one model) gather and reach
 * React at most STATUS_HZ times a second, or at once when `immediate`.
 */
export function useBatchedStatus(models: number) {
  const [status, setStatus] = useState<TrainerStatus>(() => initialStatus(models));
  const pending = useRef<Partial<TrainerStatus>>({});
  const pendingModels = useRef(new Map<number, Partial<ModelStatus>>());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pushStatus = useCallback((patch: Partial<TrainerStatus>, immediate = false, model?: { index: number; patch: Partial<ModelStatus> }) => {
    Object.assign(pending.current, patch);
    if (model) pendingModels.current.set(model.index, { ...pendingModels.current.get(model.index), ...model.patch });
    const flush = () => {
      timer.current = undefined;
      const p = pending.current;
      const pm = pendingModels.current;
      pending.current = {};
      pendingModels.current = new Map();
      setStatus((s) => {
        const base = { ...s, ...p };
        const all = base.models.map((m, i) => (pm.has(i) ? { ...m, ...pm.get(i) } : m));
        return { ...base, ...(all[0] ?? INITIAL_MODEL), models: all };
      });
    };
    if (immediate) {
      window.clearTimeout(timer.current);
      flush();
    } else if (timer.current === undefined) {
      timer.current = window.setTimeout(flush, 1000 / STATUS_HZ);
    }
  }, []);
  /** Forgets model patches not yet flushed (a new run's models start afresh). */
  const dropPending = useCallback(() => {
    pendingModels.current = new Map();
  }, []);
  return { status, pushStatus, dropPending };
}
