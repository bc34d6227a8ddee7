// A fake sweep worker for the sweep's unit tests.
import type { FromSweepWorker, ToSweepWorker, YieldMessage } from '../../worker/sweepProtocol';
import type { SweepWorkerLike } from '../sweepClient';

export class FakeSweepWorker implements SweepWorkerLike {
  sent: (ToSweepWorker | YieldMessage)[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromSweepWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(msg: ToSweepWorker | YieldMessage): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(msg: FromSweepWorker): void {
    this.onmessage?.({ data: msg } as MessageEvent<FromSweepWorker>);
  }
  /** The last run sent. */
  get lastRun(): ToSweepWorker {
    return this.sent.filter((m) => m.type === 'run').at(-1) as ToSweepWorker;
  }
  /** The id of the last run sent. */
  get runId(): number {
    return this.lastRun.id;
  }
  /** Answers the last run with a result (its test accuracy tells its seed). */
  finish(): void {
    const run = this.lastRun;
    this.reply({
      type: 'result',
      id: run.id,
      metrics: { testAccuracy: 0.5 + run.structure.seed / 100 },
      tensorsBefore: 3,
      tensorsAfter: 3,
      ms: 1,
    });
  }
}
