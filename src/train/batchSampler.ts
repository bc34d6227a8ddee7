// The seeded order in which training samples are drawn into batches, and its checkpoint.
import { resumeRng, shuffleInPlace, type Rng } from '../data/rng';
import type { SamplerState } from './checkpoint';

/** Seeded epoch-permutation batches over n training indices. */
export class BatchSampler {
  private order: Int32Array;
  private pos: number;
  private readonly n: number;
  private rng: Rng;
  constructor(n: number, rng: Rng) {
    this.n = n;
    this.rng = rng;
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.pos = n;
  }
  next(size: number): Int32Array {
    const out = new Int32Array(Math.min(size, this.n));
    for (let i = 0; i < out.length; i++) {
      if (this.pos >= this.n) {
        shuffleInPlace(this.order, this.rng);
        this.pos = 0;
      }
      out[i] = this.order[this.pos++]!;
    }
    return out;
  }
  save(): SamplerState {
    return { order: Int32Array.from(this.order), pos: this.pos, rng: this.rng.save() };
  }
  restore(s: SamplerState): void {
    if (s.order.length !== this.n) throw new Error('the checkpoint is of other data');
    this.order = Int32Array.from(s.order);
    this.pos = s.pos;
    this.rng = resumeRng(s.rng);
  }
}
