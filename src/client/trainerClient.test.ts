import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/table';
import { DEFAULT_STRUCTURE, liveOf } from '../train/fromParams';
import type { ToWorker } from '../worker/protocol';
import { MAX_RESTARTS, TrainerClient, type TrainerEvents } from './trainerClient';
import { FakeClock, FakeWorker } from './test/fakes';

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
    checkpointed: (step) => log.push(`checkpoint ${step}`),
  };
  const clock = new FakeClock();
  const client = new TrainerClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    events,
    true,
    clock,
  );
  const run = { config: DEFAULT_STRUCTURE, lives: [liveOf(defaultParams())], pace: 60, assetBase: '/' };
  return { workers, log, clock, client, run, worker: () => workers[workers.length - 1]! };
}

describe('TrainerClient', () => {
  it("starts runs with new ids and drops an earlier run's messages", () => {
    const { client, run, worker, log } = setup();
    client.start(run);
    client.start(run);
    expect(worker().sent.map((m) => [m.type, m.runId])).toEqual([
      ['init', 1],
      ['init', 2],
    ]);
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
    const watch = clock.pending; // the watchdog's timer
    const a = client.requestWeights();
    const b = client.requestWeights();
    const ids = worker()
      .sent.filter((m) => m.type === 'weights')
      .map((m) => (m as Extract<ToWorker, { type: 'weights' }>).requestId);
    expect(new Set(ids).size).toBe(2);
    expect(clock.pending).toBe(watch + 2);
    worker().reply({ type: 'weights', runId: 1, requestId: ids[1]!, models: [{ step: 7, tensors: [] }] });
    expect(await b).toEqual([{ step: 7, tensors: [] }]);
    expect(clock.pending).toBe(watch + 1); // b's timer is gone; a still waits
    worker().reply({ type: 'weights', runId: 1, requestId: ids[0]!, models: [{ step: 9, tensors: [] }] });
    expect(await a).toEqual([{ step: 9, tensors: [] }]);
    expect(clock.pending).toBe(watch);
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
    expect(clock.pending).toBe(1); // only the watchdog's
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
    expect(log[log.length - 1]).toMatch(/^fatal: The training worker crashed \(boom\), 3 times within 30 s/);
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

  it('a running worker that falls silent is restarted from its last checkpoint, on the backend it had', () => {
    const { client, run, worker, workers, log, clock } = setup();
    client.start(run);
    const first = worker();
    first.reply({ type: 'ready', runId: 1, info: {} as never, backend: 'wasm', backendReport: '' });
    first.reply({ type: 'state', runId: 1, state: 'running' });
    const checkpoint = { step: 120, models: [] };
    first.reply({ type: 'checkpoint', runId: 1, checkpoint });
    expect(log[log.length - 1]).toBe('checkpoint 120'); // the page is told the step it could resume from
    // Frames keep it alive…
    for (let i = 0; i < 10; i++) {
      clock.advance(500);
      first.reply({ type: 'frames', runId: 1, frames: [] });
    }
    expect(workers).toHaveLength(1);
    // …silence does not (as after self.close(): no error event): past 2 s it is asked once,
    // and a worker that does not answer is taken for dead.
    clock.pass(2600);
    expect(first.sent.at(-1)).toEqual({ type: 'ping', runId: 1 });
    expect(workers).toHaveLength(1);
    clock.pass(1600);
    expect(workers).toHaveLength(2);
    expect(first.terminated).toBe(true);
    const init = worker().sent[0] as Extract<ToWorker, { type: 'init' }>;
    expect(init).toMatchObject({ type: 'init', play: true, resume: checkpoint, config: { backend: 'wasm' } });
    expect(log[log.length - 1]).toMatch(
      /^crashed: The training worker stopped answering for 4\.\d s and was restarted from its checkpoint at step 120/,
    );
  });

  it('a paused run, a loading one or a hidden tab may be silent; a new run forgets the old checkpoint', () => {
    const { client, run, worker, workers, clock } = setup();
    client.start(run);
    clock.advance(10_000); // loading: no 'running' yet
    worker().reply({ type: 'state', runId: 1, state: 'running' });
    worker().reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 50, models: [] } });
    clock.shown = false;
    clock.advance(10_000); // hidden: its timers are throttled, silence proves nothing
    clock.shown = true;
    clock.advance(1_000);
    expect(workers).toHaveLength(1);
    client.pause();
    clock.advance(10_000);
    expect(workers).toHaveLength(1);
    client.start(run); // a reset: a crash now restarts from step 0
    client.play();
    worker().reply({ type: 'state', runId: 2, state: 'running' });
    clock.pass(4_000);
    expect(workers).toHaveLength(2);
    expect((worker().sent[0] as Extract<ToWorker, { type: 'init' }>).resume).toBeUndefined();
  });
});
