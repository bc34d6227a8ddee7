// The sweep's state for the page (a zustand store the panel reads) and its one owner, connected to
// the app's store for the page's whole life: the store's `sweep` (from the link, the panel's Run,
// a preset or a tour step) is the sweep to run; the main run's training makes it rest.
import { create } from 'zustand';
import { browserClock } from '../client/clock';
import { useAppStore, type AppStore } from '../state/store';
import type { SweepWorkerLike } from './sweepClient';
import { SweepOwner } from './sweepOwner';
import { IDLE, type SweepState } from './sweepState';

/** The sweep as the panel shows it. */
export const useSweepStore = create<{ state: SweepState }>(() => ({ state: IDLE }));

function spawnSweepWorker(): SweepWorkerLike {
  return new Worker(new URL('../worker/sweep.worker.ts', import.meta.url), {
    type: 'module',
    name: 'hypersphere-sweep',
  }) as SweepWorkerLike;
}

/**
 * Connects an owner to an app store: it runs the store's sweep, and follows it as it changes. A
 * sweep taken off the store (Cancel drops it from the link; a preset without one) stops; a
 * cancelled one keeps its finished runs on show, any other goes back to the form.
 */
export function connectSweep(owner: SweepOwner, store: AppStore): () => void {
  const running = (s: ReturnType<AppStore['getState']>) => s.status.state === 'running';
  const first = store.getState();
  owner.setYield(running(first));
  if (first.sweep) owner.start(first.sweep, first.params);
  return store.subscribe((s, prev) => {
    if (running(s) !== running(prev)) owner.setYield(running(s));
    if (s.sweep === prev.sweep) return;
    if (s.sweep) owner.start(s.sweep, s.params);
    else owner.release();
  });
}

let owner: SweepOwner | null = null;

/** The page's sweep owner: made and connected on first use, then kept for the page's life (idempotent). */
export function pageSweepOwner(): SweepOwner {
  if (owner) return owner;
  owner = new SweepOwner({
    spawn: spawnSweepWorker,
    clock: browserClock,
    assetBase: () => document.baseURI,
    publish: (update) => useSweepStore.setState((s) => ({ state: update(s.state) })),
    notify: (message) => useAppStore.setState((s) => ({ notices: [...s.notices, message] })),
  });
  connectSweep(owner, useAppStore);
  return owner;
}
