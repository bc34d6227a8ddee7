import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/table';
import { DEFAULT_STRUCTURE, liveOf } from '../train/fromParams';
import type { ToWorker } from '../worker/protocol';
import { SLEEP_CHECKPOINT_MS, TrainerClient, type TrainerEvents } from './trainerClient';
import { FakeClock, FakeWorker } from './test/fakes';

// sleep() and wake(): an embed hidden for long stops its worker and, shown again, resumes where it stood.
function setup() {
  const workers: FakeWorker[] = [];
  const log: string[] = [];
  const events: TrainerEvents = {
    runStarted: (run, n) => log.push(`run ${run} ×${n}`),
    ready: () => log.push('ready'),
    frames: () => log.push('frames'),
    state: (s) => log.push(`state ${s}`),
    diverged: () => undefined,
    error: (m) => log.push(`error ${m}`),
    crashed: (m) => log.push(`crashed ${m}`),
    resumed: (step) => log.push(`resumed ${step}`),
  };
  const clock = new FakeClock();
  const spawn = () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  };
  const client = new TrainerClient(spawn, events, true, clock);
  const run = { config: DEFAULT_STRUCTURE, lives: [liveOf(defaultParams())], pace: 60, assetBase: '/' };
  return { workers, log, clock, client, run, worker: () => workers[workers.length - 1]! };
}

const inits = (w: FakeWorker) => w.sent.filter((m): m is Extract<ToWorker, { type: 'init' }> => m.type === 'init');

describe('TrainerClient sleep and wake', () => {
  it('asks for a checkpoint, stops the worker once it comes, and resumes from it with the settings given meanwhile', () => {
    const { client, run, worker, workers, log, clock } = setup();
    client.start(run);
    const first = worker();
    first.reply({ type: 'state', runId: 1, state: 'running' });
    client.pause();
    client.sleep();
    expect(client.asleep).toBe(true);
    expect(first.sent.at(-1)).toEqual({ type: 'checkpointNow', runId: 1 });
    expect(first.terminated).toBe(false); // it waits for the checkpoint
    const checkpoint = { step: 321, models: [] };
    first.reply({ type: 'checkpoint', runId: 1, checkpoint });
    expect(first.terminated).toBe(true);
    // Asleep: settings and play go to the run, not to a worker; no timer restarts it.
    client.setLives([{ ...run.lives[0]!, m: 0.45 }]);
    client.setPace(0);
    client.play();
    clock.advance(60_000);
    expect(workers).toHaveLength(1);
    expect(clock.pending).toBe(0);
    log.length = 0;
    client.wake();
    expect(workers).toHaveLength(2);
    const init = inits(worker())[0]!;
    expect(init).toMatchObject({ resume: checkpoint, play: true, pace: 0, models: [{ m: 0.45 }] });
    // The page keeps its frames and status: no new run is announced, the resume is.
    expect(log).toEqual(['resumed 321']);
    worker().reply({ type: 'state', runId: init.runId, state: 'running' });
    expect(log.at(-1)).toBe('state running');
  });

  it('stops a worker that does not answer after SLEEP_CHECKPOINT_MS, and resumes from the last checkpoint it had', () => {
    const { client, run, worker, clock } = setup();
    client.start(run);
    const first = worker();
    first.reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 40, models: [] } });
    client.sleep();
    clock.advance(SLEEP_CHECKPOINT_MS - 1);
    expect(first.terminated).toBe(false);
    clock.advance(1);
    expect(first.terminated).toBe(true);
    client.wake();
    expect(inits(worker())[0]!.resume).toEqual({ step: 40, models: [] });
  });

  it('woken before the checkpoint came, keeps the same worker and its watchdog', () => {
    const { client, run, worker, workers, clock, log } = setup();
    client.start(run);
    const first = worker();
    first.reply({ type: 'state', runId: 1, state: 'running' });
    client.sleep();
    client.wake();
    expect(client.asleep).toBe(false);
    clock.advance(SLEEP_CHECKPOINT_MS); // the sleep's timer is gone
    expect(first.terminated).toBe(false);
    // The watch is back: a playing worker silent for long is restarted.
    for (let t = 0; t < 5000; t += 500) clock.advance(500);
    expect(workers).toHaveLength(2);
    expect(log.some((l) => l.startsWith('crashed The training worker stopped answering'))).toBe(true);
  });

  it('a run started while asleep starts from step 0 on wake; a dead worker while falling asleep is not restarted', () => {
    const { client, run, worker, workers, log } = setup();
    client.start(run);
    worker().reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 99, models: [] } });
    client.sleep();
    worker().crash('gone');
    expect(workers).toHaveLength(1);
    worker().reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 99, models: [] } });
    client.start({ ...run, lives: [{ ...run.lives[0]!, loss: 'cosface' }] });
    expect(log.at(-1)).toBe('run 2 ×1'); // announced: the page clears its frames
    expect(workers).toHaveLength(1);
    client.wake();
    const init = inits(worker())[0]!;
    expect(init.resume).toBeUndefined();
    expect(init.models[0]!.loss).toBe('cosface');
    expect(log.at(-1)).toBe('resumed 0');
  });

  it('asleep, a weights request is answered at once with nothing', async () => {
    const { client, run, worker } = setup();
    client.start(run);
    client.sleep();
    worker().reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 5, models: [] } });
    await expect(client.requestWeights()).resolves.toEqual([]);
  });
});
