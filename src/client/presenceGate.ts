// An embed trains and draws only while it can be seen: the gate between what the lecturer asked
// (play, pause, step, a new run) and what a hidden frame does (nothing), and the sleep after long.
import type { Clock } from './clock';
import type { RunRequest } from './trainerClient';

/** shown: trains as asked; hidden: paused (not visible), the worker kept; asleep: hidden long, the worker stopped. */
export type Presence = 'shown' | 'hidden' | 'asleep';

/** Hidden this long, an embed stops its worker (keeping a checkpoint) and lets its WebGL context go. */
export const SLEEP_AFTER_MS = 10_000;

/** What the gate drives: the page's PoolClient. */
export interface GatedPool {
  readonly playing: boolean;
  start(run: RunRequest, playing?: boolean): void;
  play(): void;
  pause(): void;
  step(n: number): void;
  sleep(): void;
  wake(): void;
}

/** What the view is told: the presence, and whether it may hold a canvas (shown, or hidden since it was shown). */
export interface PresenceReport {
  presence: Presence;
  canvas: boolean;
}

/**
 * Holds the lecturer's intent while the embed is hidden: hiding pauses a playing run and
 * remembers it; play, pause and steps asked meanwhile are kept; showing again plays (or steps) as
 * asked, after waking the workers if they slept. Until the page knows whether it is seen (`null`:
 * the first IntersectionObserver report has not come) it is `pending`: runs are built, paused,
 * and no canvas is made.
 */
export class PresenceGate {
  private presence: Presence | 'pending' = 'pending';
  private canvas = false;
  /** Not shown: whether to play once shown (at first, the pool's autoplay). */
  private held: boolean;
  private heldSteps = 0;
  private timer: number | undefined;

  private readonly pool: GatedPool;
  private readonly clock: Clock;
  private readonly report: (r: PresenceReport) => void;

  constructor(pool: GatedPool, clock: Clock, report: (r: PresenceReport) => void) {
    this.pool = pool;
    this.clock = clock;
    this.report = report;
    this.held = pool.playing;
  }

  get state(): Presence {
    return this.presence === 'pending' ? 'shown' : this.presence;
  }

  /** Whether the run plays, or (hidden) will play once shown. */
  get playing(): boolean {
    return this.presence === 'shown' ? this.pool.playing : this.held;
  }

  setSeen(seen: boolean | null): void {
    if (seen === null) return;
    if (seen) this.show();
    else if (this.presence === 'shown' || this.presence === 'pending') this.hide();
  }

  /** A new run (a reset, new data): not shown, it is made paused and plays once shown, as asked. */
  start(run: RunRequest, playing?: boolean): void {
    if (this.presence === 'shown') return this.pool.start(run, playing);
    if (playing !== undefined) this.held = playing;
    this.heldSteps = 0;
    this.pool.start(run, false);
  }

  play(): void {
    if (this.presence === 'shown') this.pool.play();
    else this.held = true;
  }

  pause(): void {
    if (this.presence === 'shown') this.pool.pause();
    else this.held = false;
  }

  step(n: number): void {
    if (this.presence === 'shown') return this.pool.step(n);
    this.held = false;
    this.heldSteps += n;
  }

  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private hide(): void {
    // Pending, the run was made paused and `held` says what was asked.
    if (this.presence === 'shown') {
      this.held = this.pool.playing;
      if (this.held) this.pool.pause();
    }
    this.presence = 'hidden';
    this.timer = this.clock.setTimeout(() => this.sleep(), SLEEP_AFTER_MS);
    this.tell();
  }

  private sleep(): void {
    this.timer = undefined;
    if (this.presence !== 'hidden') return;
    this.presence = 'asleep';
    this.canvas = false;
    this.pool.sleep();
    this.tell();
  }

  private show(): void {
    const was = this.presence;
    this.canvas = true;
    if (was === 'shown') return;
    this.dispose();
    if (was === 'asleep') this.pool.wake();
    this.presence = 'shown';
    if (this.heldSteps > 0) this.pool.step(this.heldSteps);
    else if (this.held) this.pool.play();
    this.held = false;
    this.heldSteps = 0;
    this.tell();
  }

  private last = '';
  private tell(): void {
    const r = { presence: this.state, canvas: this.canvas };
    const key = `${r.presence}${r.canvas}`;
    if (key === this.last) return;
    this.last = key;
    this.report(r);
  }
}
