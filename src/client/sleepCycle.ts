// Sleep and wake of one training worker (plain class, no React): an embed hidden for long stops
// its worker, keeping a checkpoint of where it stood, and starts one again when shown. The
// TrainerClient owns the worker; this owns when it goes and comes back.
import type { Clock } from './clock';

/** sleep() waits this long for the worker's last checkpoint before it stops the worker anyway. */
export const SLEEP_CHECKPOINT_MS = 2000;

/** What the cycle asks of the client that owns the worker. */
export interface SleepHost {
  /** Whether a worker runs a run, so that a checkpoint is worth asking for. */
  hasRun(): boolean;
  /** Asks the worker for a checkpoint now (it answers between steps). */
  askCheckpoint(): void;
  /** Stops watching the worker's silence (a worker asked to sleep may fall silent). */
  stopWatch(): void;
  /** Lets the worker go: pending requests answered empty, the worker ended. */
  letGo(): void;
  /** Woken before it fell asleep: the same worker goes on, watched again. */
  goOn(): void;
  /** Woken after it fell asleep: a new worker, the run resumed from its checkpoint. */
  resume(): void;
}

/**
 * `awake` → sleep() → `falling` (waiting for the checkpoint, at most SLEEP_CHECKPOINT_MS) →
 * `asleep` (no worker) → wake() → `awake`. A wake while falling keeps the worker.
 */
export class SleepCycle {
  private phase: 'awake' | 'falling' | 'asleep' = 'awake';
  private timer: number | undefined;
  private readonly host: SleepHost;
  private readonly clock: Clock;

  /** `asleep`: begun asleep (a client made while its page sleeps): no worker until wake(). */
  constructor(host: SleepHost, clock: Clock, asleep = false) {
    this.host = host;
    this.clock = clock;
    if (asleep) this.phase = 'asleep';
  }

  /** Whether the worker is stopped, or stopping. */
  get asleep(): boolean {
    return this.phase !== 'awake';
  }

  /** Whether there is no worker at all (fallen asleep). */
  get dark(): boolean {
    return this.phase === 'asleep';
  }

  sleep(): void {
    if (this.phase !== 'awake') return;
    this.phase = 'falling';
    this.host.stopWatch();
    if (!this.host.hasRun()) return this.fall();
    this.host.askCheckpoint();
    this.timer = this.clock.setTimeout(() => this.fall(), SLEEP_CHECKPOINT_MS);
  }

  /** A checkpoint arrived: if it was awaited, the worker can go now. */
  checkpointed(): void {
    if (this.phase === 'falling') this.fall();
  }

  wake(): void {
    if (this.phase === 'awake') return;
    this.clearTimer();
    const wasAsleep = this.phase === 'asleep';
    this.phase = 'awake';
    if (wasAsleep) this.host.resume();
    else this.host.goOn();
  }

  dispose(): void {
    this.clearTimer();
  }

  private fall(): void {
    if (this.phase !== 'falling') return;
    this.clearTimer();
    this.phase = 'asleep';
    this.host.letGo();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
