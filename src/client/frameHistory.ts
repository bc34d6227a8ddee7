// The timeline: the last N snapshots of every model, so a paused run can be scrubbed (no React).
import type { Frame } from '../train/frame';

/**
 * A bounded ring of snapshot rounds: each entry holds one frame per model, all of one step.
 * Memory is bounded by `limit` rounds (the frames are the worker's transferred copies: no copy).
 */
export class FrameHistory {
  private rounds: Frame[][] = [];

  private limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Adds model `model`'s frame; frames of one step form one round. */
  push(model: number, frame: Frame): void {
    const last = this.rounds[this.rounds.length - 1];
    const round = last?.[0] && last[0].step === frame.step ? last : undefined;
    if (round) round[model] = frame;
    else {
      const next: Frame[] = [];
      next[model] = frame;
      this.rounds.push(next);
    }
    this.trim();
  }

  /** Keeps at most `limit` rounds (0: none). */
  setLimit(limit: number): void {
    this.limit = Math.max(0, Math.floor(limit));
    this.trim();
  }

  private trim(): void {
    if (this.rounds.length > this.limit) this.rounds.splice(0, this.rounds.length - this.limit);
  }

  get length(): number {
    return this.rounds.length;
  }

  /** Round k (0: the oldest kept), one frame per model. */
  at(k: number): readonly Frame[] | undefined {
    return this.rounds[k];
  }

  clear(): void {
    this.rounds = [];
  }
}
