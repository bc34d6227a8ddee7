import { beforeAll, describe, expect, it } from 'vitest';
import { makeToyDataset, toyParamsOf } from '../data/datasets';
import { useCpuBackend } from '../losses/test/tfSetup';
import { defaultParams } from '../params/table';
import { liveOf } from '../train/fromParams';
import type { StructuralConfig } from '../train/config';
import type { FromWorker, ToWorker } from './protocol';
import { createRunLoop } from './runLoop';

beforeAll(useCpuBackend);

const config: StructuralConfig = {
  dataset: 'blobs',
  classes: 3,
  perClass: 20,
  noise: 0.15,
  testFraction: 0.2,
  idDims: 32,
  idScale: 1,
  holdout: 0,
  labelNoise: 0,
  noiseKind: 'uniform',
  lowQuality: 0,
  dim: 2,
  hidden: 8,
  depth: 1,
  seed: 3,
  backend: 'cpu',
};

/** A loop on a fake host: a manual clock, a queue for yields and timers, every posted message kept. */
function host() {
  const posted: FromWorker[] = [];
  const queue: (() => void)[] = [];
  let t = 0;
  const loop = createRunLoop({
    post: (m) => posted.push(m),
    now: () => t,
    setTimeout: (fn, ms) => queue.push(() => ((t += ms), fn())),
    yieldThen: (fn) => queue.push(fn),
    loadDataset: async (c) => makeToyDataset('blobs', toyParamsOf(c)),
    pickBackend: async () => ({ backend: 'cpu', report: 'test' }),
  });
  /** Runs queued work (yields and timers) up to `n` times. */
  const pump = (n: number) => {
    for (let i = 0; i < n && queue.length; i++) queue.shift()!();
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const send = (m: ToWorker) => loop.handle(m);
  const of = <T extends FromWorker['type']>(type: T) => posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { posted, pump, settle, send, of, advance: (ms: number) => (t += ms) };
}

const init = (runId: number, play: boolean, models = 1): ToWorker => ({
  type: 'init',
  runId,
  config,
  models: Array.from({ length: models }, () => liveOf({ ...defaultParams(), batch: 16 })),
  play,
  pace: 0,
  assetBase: '/',
});

describe('the worker run loop', () => {
  it('builds a paused run: ready, a first frame at step 0, the state paused', async () => {
    const h = host();
    h.send(init(1, false));
    await h.settle();
    expect(h.posted.map((m) => m.type)).toEqual(['state', 'ready', 'frames', 'state']);
    expect(h.of('state').map((m) => m.state)).toEqual(['loading', 'paused']);
    expect(h.of('frames')[0]!.frames[0]!.frame.step).toBe(0);
  });

  it('steps exactly n times on a step command, in lockstep for every model, and ends on a frame', async () => {
    const h = host();
    h.send(init(1, false, 2));
    await h.settle();
    h.send({ type: 'step', runId: 1, n: 5 });
    h.pump(100);
    const last = h.of('frames').at(-1)!;
    expect(last.frames.map((f) => f.frame.step)).toEqual([5, 5]);
  });

  it('plays at the set pace with the injected clock: no step before its time', async () => {
    const h = host();
    h.send(init(1, false));
    await h.settle();
    h.send({ type: 'pace', runId: 1, speed: 10 });
    h.send({ type: 'play', runId: 1 });
    h.pump(7); // each timer advances the fake clock by its delay
    h.send({ type: 'pause', runId: 1 });
    const step = h.of('frames').at(-1)!.frames[0]!.frame.step;
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThanOrEqual(4); // 10 steps/s: a 100 ms wait between steps
  });

  it('a run starts at the pace its init names, and a faster pace takes effect without the slower wait', async () => {
    const h = host();
    h.send({ ...init(1, true), pace: 0.1 } as ToWorker); // one step every 10 s
    await h.settle();
    h.pump(3);
    const slow = h.of('frames').at(-1)?.frames[0]!.frame.step ?? 0;
    expect(slow).toBeLessThanOrEqual(1);
    h.send({ type: 'pace', runId: 1, speed: 0 }); // full speed, now
    h.pump(40);
    h.send({ type: 'pause', runId: 1 });
    expect(h.of('frames').at(-1)!.frames[0]!.frame.step).toBeGreaterThan(10);
  });

  it("drops a reset run's commands, and echoes a weights request's id", async () => {
    const h = host();
    h.send(init(1, false));
    await h.settle();
    h.send(init(2, false));
    await h.settle();
    h.send({ type: 'step', runId: 1, n: 3 });
    h.pump(50);
    expect(
      h
        .of('frames')
        .filter((m) => m.runId === 2)
        .every((m) => m.frames[0]!.frame.step === 0),
    ).toBe(true);
    h.send({ type: 'weights', runId: 2, requestId: 41 });
    const w = h.of('weights')[0]!;
    expect(w.requestId).toBe(41);
    expect(w.models[0]!.tensors.map((t) => t.name)).toContain('W');
  });

  it('sends a checkpoint about every second while training, and a resumed run goes on from it', async () => {
    const h = host();
    h.send(init(1, false, 2));
    await h.settle();
    h.send({ type: 'step', runId: 1, n: 4 });
    h.pump(20);
    expect(h.of('checkpoint')).toHaveLength(0); // less than a second has passed
    h.advance(1000);
    h.send({ type: 'step', runId: 1, n: 1 });
    h.pump(20);
    const cp = h.of('checkpoint').at(-1)!.checkpoint;
    expect(cp.step).toBe(5);
    expect(cp.models.map((m) => m.step)).toEqual([5, 5]);
    // A new worker's run, resumed: its first frame stands at the checkpoint, and it steps on from there.
    const r = host();
    r.send({ ...(init(7, false, 2) as Extract<ToWorker, { type: 'init' }>), resume: cp });
    await r.settle();
    expect(r.of('frames')[0]!.frames.map((f) => f.frame.step)).toEqual([5, 5]);
    r.send({ type: 'step', runId: 7, n: 2 });
    h.send({ type: 'step', runId: 1, n: 2 });
    r.pump(20);
    h.pump(20);
    // Same weights, optimizer state and batch order: the resumed run's losses are the original's.
    expect(
      r
        .of('frames')
        .at(-1)!
        .frames.map((f) => f.frame.loss),
    ).toEqual(
      h
        .of('frames')
        .at(-1)!
        .frames.map((f) => f.frame.loss),
    );
  });

  it('answers checkpointNow with a checkpoint at the step the run stands, before a second has passed', async () => {
    const h = host();
    h.send({ type: 'checkpointNow', runId: 1 }); // no run yet: nothing
    h.send(init(1, false));
    await h.settle();
    h.send({ type: 'step', runId: 1, n: 3 });
    h.pump(20);
    expect(h.of('checkpoint')).toHaveLength(0);
    h.send({ type: 'checkpointNow', runId: 1 });
    expect(h.of('checkpoint').map((m) => m.checkpoint.step)).toEqual([3]);
    h.send({ type: 'checkpointNow', runId: 9 }); // another run's: dropped
    expect(h.of('checkpoint')).toHaveLength(1);
  });
});
