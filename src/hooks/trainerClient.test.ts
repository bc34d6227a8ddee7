import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/table';
import { DEFAULT_STRUCTURE, liveOf } from '../params/toTrainer';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { MAX_RESTARTS, TrainerClient, type Clock, type TrainerEvents, type WorkerLike } from './trainerClient';

class FakeWorker implements WorkerLike {
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

class FakeClock implements Clock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.t;
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
  get pending(): number {
    return this.timers.size;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const log: string[] = [];
  const events: TrainerEvents = {
    runStarted: (run, n) => log.push(`run ${run} ×${n}`),
    ready: (_i, backend) => log.push(`ready ${backend}`),
    frames: (f) => log.push(`frames ${f.length}`),
    state: (s) => log.push(`state ${s}`),
    diverged: (m) => log.push(`diverged ${m}`),
    error: (m) => log.push(`error ${m}`),
    crashed: (m, fatal) => log.push(`${fatal ? 'fatal' : 'crashed'}: ${m}`),
  };
  const clock = new FakeClock();
  const client = new TrainerClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, events, true, clock);
  const run = { config: DEFAULT_STRUCTURE, lives: [liveOf(defaultParams())], assetBase: '/' };
  return { workers, log, clock, client, run, worker: () => workers[workers.length - 1]! };
}

describe('TrainerClient', () => {
  it("starts runs with new ids and drops an earlier run's messages", () => {
    const { client, run, worker, log } = setup();
    client.start(run);
    client.start(run);
    expect(worker().sent.map((m) => [m.type, m.runId])).toEqual([['init', 1], ['init', 2]]);
    worker().reply({ type: 'state', runId: 1, state: 'running' });
    worker().reply({ type: 'state', runId: 2, state: 'paused' });
    expect(log).toEqual(['run 1 ×1', 'run 2 ×1', 'state paused']);
  });

  it('sends a model its live settings only when they changed', () => {
    const { client, run, worker } = setup();
    client.start(run);
    client.setLives(run.lives);
    client.setLives([{ ...run.lives[0]!, m: 0.4 }]);
    const sets = worker().sent.filter((m) => m.type === 'setParams');
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ model: 0, params: { m: 0.4 } });
  });

  it('answers each weights request with its own reply, and clears its timer', async () => {
    const { client, run, worker, clock } = setup();
    client.start(run);
    const a = client.requestWeights();
    const b = client.requestWeights();
    const ids = worker().sent.filter((m) => m.type === 'weights').map((m) => (m as Extract<ToWorker, { type: 'weights' }>).requestId);
    expect(new Set(ids).size).toBe(2);
    expect(clock.pending).toBe(2);
    worker().reply({ type: 'weights', runId: 1, requestId: ids[1]!, models: [{ step: 7, tensors: [] }] });
    expect(await b).toEqual([{ step: 7, tensors: [] }]);
    expect(clock.pending).toBe(1); // b's timer is gone; a still waits
    worker().reply({ type: 'weights', runId: 1, requestId: ids[0]!, models: [{ step: 9, tensors: [] }] });
    expect(await a).toEqual([{ step: 9, tensors: [] }]);
    expect(clock.pending).toBe(0);
  });

  it('resolves an unanswered request to no weights after its timeout, and a reset settles it too', async () => {
    const { client, run, clock } = setup();
    client.start(run);
    const late = client.requestWeights(10_000);
    clock.advance(9_999);
    let done = false;
    void late.then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    expect(await late).toEqual([]);
    const cut = client.requestWeights();
    client.start(run);
    expect(await cut).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('restarts a crashed worker with the same run, and gives up after MAX_RESTARTS in the window', () => {
    const { client, run, workers, log, clock } = setup();
    client.start(run);
    for (let i = 0; i < MAX_RESTARTS; i++) {
      workers[workers.length - 1]!.crash('boom');
      clock.advance(1000);
    }
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
    expect(workers.slice(0, -1).every((w) => w.terminated)).toBe(true);
    const last = workers[workers.length - 1]!;
    expect(last.sent[0]).toMatchObject({ type: 'init', runId: MAX_RESTARTS + 1, play: true });
    last.crash('boom');
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
    expect(log[log.length - 1]).toMatch(/^fatal: The training worker crashed 3 times/);
  });

  it('a paused run restarts paused; a single diverged model stops autoplay; dispose ends the worker', () => {
    const { client, run, worker } = setup();
    client.start(run);
    client.pause();
    worker().crash('oom');
    expect(worker().sent[0]).toMatchObject({ type: 'init', play: false });
    client.play();
    worker().reply({ type: 'diverged', runId: client.currentRun, model: 0, step: 3, cause: 'NaN' });
    expect(client.playing).toBe(false);
    client.dispose();
    expect(worker().terminated).toBe(true);
    worker().crash('after dispose');
  });
});
