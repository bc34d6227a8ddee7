// A fake worker and clock for the clients' unit tests.
import type { FromWorker, ToWorker } from '../../worker/protocol';
import type { Clock } from '../clock';
import type { WorkerLike } from '../trainerClient';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(msg: FromWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

export class FakeClock implements Clock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.t;
  shown = true;
  visible = () => this.shown;
  setTimeout = (fn: () => void, ms: number) => {
    this.timers.set(this.next, { at: this.t + ms, fn });
    return this.next++;
  };
  clearTimeout = (id: number) => {
    this.timers.delete(id);
  };
  advance(ms: number): void {
    this.t += ms;
    for (const [id, { at, fn }] of [...this.timers]) {
      if (at <= this.t) {
        this.timers.delete(id);
        fn();
      }
    }
  }
  /** Time passing on a page that keeps listening: timers fire when due, in steps of `step` ms. (advance() in one go is a page blocked that long.) */
  pass(ms: number, step = 50): void {
    for (let left = ms; left > 0; left -= step) this.advance(Math.min(step, left));
  }
  get pending(): number {
    return this.timers.size;
  }
}
