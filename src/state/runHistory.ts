// Loss and accuracy over the steps of a run, as columns (pure): what the history chart and a run file hold.
import type { TrainerStatus } from './status';

/** Most rows kept: older ones are dropped. */
export const MAX_HISTORY_POINTS = 2000;

/** Columns over steps: the step, then per model its loss, train and test accuracy. */
export type HistoryRows = number[][];

/** No rows yet, for `models` models. */
export const emptyRows = (models: number): HistoryRows => Array.from({ length: 1 + 3 * models }, () => []);

/**
 * Appends the status's step to `rows` (in place) when it is new; returns whether it did. A step
 * at or before the last one is the timeline showing an earlier snapshot; a status that does not
 * describe `models` models is from before a change of panels: neither adds a row.
 */
export function appendStatus(rows: HistoryRows, status: TrainerStatus, models: number): boolean {
  const all = models > 1 ? status.models : [status];
  const first = all[0];
  if (!first || !Number.isFinite(first.loss) || first.step === 0 || all.length !== models || rows.length !== 1 + 3 * models) return false;
  const steps = rows[0]!;
  const lastStep = steps[steps.length - 1];
  if (lastStep !== undefined && first.step <= lastStep) return false;
  steps.push(first.step);
  all.forEach((m, i) => {
    rows[1 + 3 * i]!.push(m.diverged ? NaN : m.loss);
    rows[2 + 3 * i]!.push(m.trainAccuracy);
    rows[3 + 3 * i]!.push(m.testAccuracy);
  });
  if (steps.length > MAX_HISTORY_POINTS) for (const a of rows) a.splice(0, a.length - MAX_HISTORY_POINTS);
  return true;
}

/** A run loaded from a file: its curves are drawn beside the live ones. */
export interface StoredRun {
  label: string;
  /** Steps, then per model loss, train and test accuracy . */
  rows: HistoryRows;
}
