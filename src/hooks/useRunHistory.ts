import { useEffect, useRef, useState } from 'react';
import type { TrainerStatus } from './useTrainer';

const MAX_POINTS = 2000;

/** Columns over steps: the step, then per model its loss, train and test accuracy. */
export type HistoryRows = number[][];

const emptyRows = (models: number): HistoryRows => Array.from({ length: 1 + 3 * models }, () => []);

/**
 * Loss and accuracies over the steps of the current run, sampled at the status rate (at most
 * 2,000 points), for `models` models (compare mode's panels, or 1). Cleared by a new run
 * (`status.run`).
 * `version` changes with every new row.
 */
export function useRunHistory(status: TrainerStatus, models: number): { rows: HistoryRows; version: number } {
  const rows = useRef<HistoryRows>(emptyRows(models));
  // Another number of panels: new columns now, so a chart never sees data of the wrong shape.
  if (rows.current.length !== 1 + 3 * models) rows.current = emptyRows(models);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    rows.current = emptyRows(models);
    setVersion((v) => v + 1);
  }, [status.run, models]);
  useEffect(() => {
    const all = models > 1 ? status.models : [status];
    const first = all[0];
    // Between a change of panels and the new run, the status may still describe the old ones.
    if (!first || !Number.isFinite(first.loss) || first.step === 0 || all.length !== models) return;
    const steps = rows.current[0]!;
    const lastStep = steps[steps.length - 1];
    // A step at or before the last one is the timeline showing an earlier snapshot: nothing new.
    if (lastStep !== undefined && first.step <= lastStep) return;
    const r = rows.current;
    r[0]!.push(first.step);
    all.forEach((m, i) => {
      r[1 + 3 * i]!.push(m.diverged ? NaN : m.loss);
      r[2 + 3 * i]!.push(m.trainAccuracy);
      r[3 + 3 * i]!.push(m.testAccuracy);
    });
    if (r[0]!.length > MAX_POINTS) for (const a of r) a.splice(0, a.length - MAX_POINTS);
    setVersion((v) => v + 1);
  }, [status, models]);
  return { rows: rows.current, version };
}
