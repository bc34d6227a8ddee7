// The page's state in one zustand store: the parameters (the URL's), the notices, the training
// status (≈ 10 Hz), the run's history and the reset request. Components select what they read, so
// the status ticks re-render the status bar and the panels, not the whole app. Per-frame data
// (features, weights) stays outside React and this store, in the frame slots the view reads.
import { create } from 'zustand';
import { emptyRows, type HistoryRows } from './runHistory';
import { initialStatus, type TrainerStatus } from './status';
import { emptyForceRows } from './forceHistory';
import type { ParamKey, Params } from '../params/table';
import { decodeParams } from '../params/urlCodec';
import { parseSweep, type SweepSpec } from '../params/sweep';
import { marginFor } from '../params/margin';
import type { PresenceReport } from '../client/presenceGate';

export interface AppState {
  params: Params;
  /** What was corrected or refused, one sentence each (plain text, never HTML). */
  notices: string[];
  status: TrainerStatus;
  /** Loss and accuracies over the current run's steps; `version` counts changes (rows grow in place). */
  history: { rows: HistoryRows; version: number };
  /** The mean turning force of each panel over the run's steps (the forces chart); `version` counts changes. */
  forces: { rows: HistoryRows; version: number };
  /** Counts requests for a fresh run: a preset's, a tour step's or an embedding page's reset. */
  resetRequest: number;
  /** Whether the page is seen (an embed hidden on a slide not shown trains and draws nothing) and may hold a canvas. */
  presence: PresenceReport;
  /** The sweep the URL or the sweep panel asks for (`sweep=`), or null. */
  sweep: SweepSpec | null;

  /** Sets one parameter; choosing a loss moves m into that loss's range. */
  setParam<K extends ParamKey>(key: K, value: Params[K]): void;
  /** Replaces every parameter (presets), or derives them from the current ones (postMessage). */
  replaceParams(next: Params | ((cur: Params) => Params)): void;
  setNotices(notices: string[]): void;
  dismissNotices(): void;
  /** Asks for a fresh run once the params set with it have rendered. */
  requestReset(): void;
  setPresence(presence: PresenceReport): void;
  setSweep(sweep: SweepSpec | null): void;
}

/** A store read from the page's URL: leniently, with notices for what was corrected. */
export function createAppStore(search: string) {
  const initial = decodeParams(search);
  const sweep = parseSweep(search, initial.params.loss);
  return create<AppState>()((set) => ({
    params: initial.params,
    notices: [...initial.notices, ...sweep.notices],
    sweep: sweep.sweep,
    setSweep: (next) => set({ sweep: next }),
    status: initialStatus(Math.max(1, initial.params.compare.length)),
    history: { rows: emptyRows(Math.max(1, initial.params.compare.length)), version: 0 },
    forces: { rows: emptyForceRows(Math.max(1, initial.params.compare.length)), version: 0 },
    resetRequest: 0,
    // A top-level page is seen; a frame draws once it knows it is (hooks/useSeen.ts).
    presence: { presence: 'shown', canvas: typeof window === 'undefined' || window.parent === window },
    setParam: (key, value) =>
      set(({ params: p }) => {
        const next = { ...p, [key]: value };
        if (key === 'loss') next.m = marginFor(next.loss, p.m, p.loss).m ?? next.m;
        return { params: next };
      }),
    replaceParams: (next) => set(({ params }) => ({ params: typeof next === 'function' ? next(params) : next })),
    setNotices: (notices) => set({ notices }),
    dismissNotices: () => set({ notices: [] }),
    requestReset: () => set(({ resetRequest }) => ({ resetRequest: resetRequest + 1 })),
    setPresence: (presence) => set({ presence }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The page's store, read from its URL at load. */
export const useAppStore: AppStore = createAppStore(typeof window === 'undefined' ? '' : window.location.search);

/** One value of the training status; the component re-renders only when it changes. */
export function useStatus<T>(select: (s: TrainerStatus) => T): T {
  return useAppStore((s) => select(s.status));
}
