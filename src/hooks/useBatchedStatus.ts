import { useCallback, useEffect, useRef } from 'react';
import { INITIAL_MODEL, type ModelStatus, type TrainerStatus } from '../state/status';
import { useAppStore } from '../state/store';

const STATUS_HZ = 10;

/**
 * The status in the store, batched: patches (of the run, or of one model) gather and reach the
 * store at most STATUS_HZ times a second, or at once when `immediate`.
 */
export function useBatchedStatus() {
  const pending = useRef<Partial<TrainerStatus>>({});
  const pendingModels = useRef(new Map<number, Partial<ModelStatus>>());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pushStatus = useCallback(
    (patch: Partial<TrainerStatus>, immediate = false, model?: { index: number; patch: Partial<ModelStatus> }) => {
      Object.assign(pending.current, patch);
      if (model) pendingModels.current.set(model.index, { ...pendingModels.current.get(model.index), ...model.patch });
      const flush = () => {
        timer.current = undefined;
        const p = pending.current;
        const pm = pendingModels.current;
        pending.current = {};
        pendingModels.current = new Map();
        useAppStore.setState(({ status: s }) => {
          const base = { ...s, ...p };
          const all = base.models.map((m, i) => (pm.has(i) ? { ...m, ...pm.get(i) } : m));
          return { status: { ...base, ...(all[0] ?? INITIAL_MODEL), models: all } };
        });
      };
      if (immediate) {
        window.clearTimeout(timer.current);
        flush();
      } else if (timer.current === undefined) {
        timer.current = window.setTimeout(flush, 1000 / STATUS_HZ);
      }
    },
    [],
  );
  /** Forgets model patches not yet flushed (a new run's models start afresh). */
  const dropPending = useCallback(() => {
    pendingModels.current = new Map();
  }, []);
  return { pushStatus, dropPending };
}
