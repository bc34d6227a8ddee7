import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { appendStatus, emptyRows } from '../state/runHistory';
import { appendForces, emptyForceRows } from '../state/forceHistory';

/**
 * Records the store's status into its history (and each panel's mean turning force), sampled at the status rate (at most 2,000 points),
 * for `models` models (compare mode's panels, or 1); a new run or another number of panels starts
 * it afresh. A subscription, not React state: recording re-renders only what reads the history.
 */
export function useRunHistory(models: number): void {
  useEffect(() => {
    const fresh = () =>
      useAppStore.setState(({ history, forces }) => ({
        history: { rows: emptyRows(models), version: history.version + 1 },
        forces: { rows: emptyForceRows(models), version: forces.version + 1 },
      }));
    fresh();
    return useAppStore.subscribe((s, prev) => {
      if (s.status === prev.status) return;
      if (s.status.run !== prev.status.run) fresh();
      const { rows, version } = useAppStore.getState().history;
      if (appendStatus(rows, s.status, models)) useAppStore.setState({ history: { rows, version: version + 1 } });
      const forces = useAppStore.getState().forces;
      if (appendForces(forces.rows, s.status, models)) useAppStore.setState({ forces: { rows: forces.rows, version: forces.version + 1 } });
    });
  }, [models]);
}
