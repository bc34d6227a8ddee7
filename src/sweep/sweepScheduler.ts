// Runs a sweep's runs one at a time, in order; retries a crashed run once from its start; stops on cancel.
import type { SweepRun } from '../params/sweep';
import type { SweepMetric } from '../metrics/sweepAggregate';

/** What one run gives back. */
export interface RunOutcome {
  metrics: Partial<Record<SweepMetric, number>>;
  tensorsBefore: number;
  tensorsAfter: number;
  ms: number;
}

/** Trains one run (from its start), reporting its step; rejects when it crashed. */
export type RunExec = (run: SweepRun, onStep: (step: number) => void) => Promise<RunOutcome>;

export interface SchedulerEvents {
  onStart?(run: SweepRun, attempt: number): void;
  onStep?(run: SweepRun, step: number): void;
  onResult?(run: SweepRun, outcome: RunOutcome): void;
  /** A run crashed: `retrying` once from its start, then given up (its value's mean goes without it). */
  onCrash?(run: SweepRun, message: string, retrying: boolean): void;
}

/**
 * A sweep's runs, one at a time, in the order given (value by value). A run that crashes is run
 * again once from its start; failing again, it is skipped with a note. `cancel()` stops the sweep:
 * no run starts after it, and the running one's outcome is dropped.
 */
export class SweepScheduler {
  private cancelled = false;

  private readonly runs: readonly SweepRun[];
  private readonly exec: RunExec;
  private readonly events: SchedulerEvents;

  constructor(runs: readonly SweepRun[], exec: RunExec, events: SchedulerEvents = {}) {
    this.runs = runs;
    this.exec = exec;
    this.events = events;
  }

  /** Runs every run; resolves 'done', or 'cancelled' once cancelled. */
  async start(): Promise<'done' | 'cancelled'> {
    for (const run of this.runs) {
      for (let attempt = 1; attempt <= 2; attempt++) {
        if (this.cancelled) return 'cancelled';
        this.events.onStart?.(run, attempt);
        try {
          const outcome = await this.exec(run, (step) => this.cancelled || this.events.onStep?.(run, step));
          if (this.cancelled) return 'cancelled';
          this.events.onResult?.(run, outcome);
          break;
        } catch (err) {
          if (this.cancelled) return 'cancelled';
          this.events.onCrash?.(run, err instanceof Error ? err.message : String(err), attempt === 1);
        }
      }
    }
    return this.cancelled ? 'cancelled' : 'done';
  }

  cancel(): void {
    this.cancelled = true;
  }
}
