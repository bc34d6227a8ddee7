// Requests for a worker's learned tensors, each answered once: by the worker's reply, by a
// timeout, or empty when the run is reset or the worker goes (plain class, no React).
import type { Clock } from './clock';
import type { NamedTensor } from '../train/frame';

/** One model's learned tensors at a step. */
export type ModelWeights = { step: number; tensors: NamedTensor[] };

/** A weights request with no reply by then resolves to no weights. */
export const WEIGHTS_TIMEOUT_MS = 10_000;

export class WeightRequests {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (m: ModelWeights[]) => void; timer: number }>();

  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** A new request: `send` posts it with its id; the promise resolves to the reply, or [] after `timeoutMs`. */
  ask(send: (requestId: number) => void, timeoutMs = WEIGHTS_TIMEOUT_MS): Promise<ModelWeights[]> {
    const requestId = ++this.next;
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => this.answer(requestId, []), timeoutMs);
      this.pending.set(requestId, { resolve, timer });
      send(requestId);
    });
  }

  /** The reply to one request (ignored when it was answered already). */
  answer(requestId: number, models: ModelWeights[]): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    this.clock.clearTimeout(p.timer);
    this.pending.delete(requestId);
    p.resolve(models);
  }

  /** Answers every open request with `models` (a reset or a lost worker: []). */
  settle(models: ModelWeights[]): void {
    for (const id of [...this.pending.keys()]) this.answer(id, models);
  }
}
