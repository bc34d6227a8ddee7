import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/table';
import { DEFAULT_STRUCTURE, liveOf } from '../train/fromParams';
import type { Frame } from '../train/frame';
import type { ModelFrame, ToWorker } from '../worker/protocol';
import { CHUNK } from './lockstep';
import { PoolClient, workersFor } from './poolClient';
import { FakeClock, FakeWorker } from './test/fakes';
import type { TrainerEvents } from './trainerClient';

/** A pool on a 2-core machine, asked for `asked` workers. */
function setup(models: number, asked: number, speed = 0) {
  const workers: FakeWorker[] = [];
  const log: string[] = [];
  const merged: ModelFrame[][] = [];
  const events: TrainerEvents = {
    runStarted: (run, n) => log.push(`run ${run} ×${n}`),
    ready: (_i, backend) => log.push(`ready ${backend}`),
    frames: (f) => merged.push(f),
    state: (s) => log.push(`state ${s}`),
    diverged: (m) => log.push(`diverged ${m}`),
    error: (m) => log.push(`error ${m}`),
    crashed: (m) => log.push(`crashed: ${m}`),
  };
  const clock = new FakeClock();
  const pool = new PoolClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    events,
    true,
    2,
    clock,
  );
  const lives = Array.from({ length: models }, (_, i) => ({ ...liveOf(defaultParams()), m: 0.1 * i }));
  pool.start({ config: DEFAULT_STRUCTURE, lives, pace: speed, assetBase: '/', workers: asked });
  const runOf = (w: FakeWorker) => [...w.sent].reverse().find((m) => m.type === 'init')!.runId;
  const frames = (w: FakeWorker, step: number, n: number) =>
    w.reply({
      type: 'frames',
      runId: runOf(w),
      frames: Array.from({ length: n }, (_, model) => ({ model, frame: { step } as Frame, snapshotMs: 1 })),
    });
  const steps = (w: FakeWorker) => w.sent.filter((m): m is Extract<ToWorker, { type: 'step' }> => m.type === 'step').map((m) => m.n);
  return { workers, log, merged, pool, clock, runOf, frames, steps };
}

describe('PoolClient: compare mode on several workers', () => {
  it('uses one worker per model, at most cores − 1 and at least 1, unless asked; one model is one worker', () => {
    expect(workersFor(1, 8)).toBe(1);
    expect(workersFor(4, 2)).toBe(1);
    expect(workersFor(4, 8)).toBe(4);
    expect(workersFor(6, 4)).toBe(3);
    expect(workersFor(4, 2, 2)).toBe(2);
    expect(workersFor(3, 16, 6)).toBe(3);
  });

  it('shares the models out, gives the first worker’s backend to the others, and merges their frames by step', () => {
    const { workers, log, merged, runOf, frames, steps } = setup(4, 2);
    const [a, b] = workers;
    const initA = a!.sent.find((m) => m.type === 'init') as Extract<ToWorker, { type: 'init' }>;
    expect(initA.models.map((l) => l.m)).toEqual([0, 0.2]);
    expect(b!.sent.some((m) => m.type === 'init')).toBe(false); // waits for a's backend
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: 'wasm' });
    const initB = b!.sent.find((m) => m.type === 'init') as Extract<ToWorker, { type: 'init' }>;
    expect(initB.models.map((l) => l.m)).toEqual([0.1, 0.30000000000000004]);
    expect(initB.config.backend).toBe('wasm');
    expect(steps(a!)).toEqual([CHUNK]); // a may start; b is not built yet
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: 'wasm' });
    expect(log).toContain('ready wasm');
    expect(log).toContain('state running');
    frames(a!, CHUNK, 2);
    expect(merged).toHaveLength(0); // b has not reached step 10
    frames(b!, CHUNK, 2);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.map((f) => f.model).sort()).toEqual([0, 1, 2, 3]);
    expect(merged[0]!.every((f) => f.frame.step === CHUNK)).toBe(true);
  });

  it('a pause stops every panel at one step; Step then moves them together', () => {
    const { workers, merged, pool, runOf, frames, steps } = setup(2, 2);
    const [a, b] = workers;
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    frames(a!, CHUNK, 1); // a is ahead: it gets its second chunk
    expect(steps(a!)).toEqual([CHUNK, CHUNK]);
    pool.pause();
    frames(b!, CHUNK, 1); // b catches up to a's target
    expect(steps(b!)).toEqual([CHUNK, CHUNK]);
    frames(a!, 2 * CHUNK, 1);
    frames(b!, 2 * CHUNK, 1);
    expect(merged[merged.length - 1]!.map((f) => f.frame.step)).toEqual([2 * CHUNK, 2 * CHUNK]);
    pool.step(3);
    expect(steps(a!).at(-1)).toBe(3);
    expect(steps(b!).at(-1)).toBe(3);
  });

  it('a worker that crashes restarts from its checkpoint and the panels wait for it; the others go on', () => {
    const { workers, log, runOf, frames, steps } = setup(2, 2);
    const [a, b] = workers;
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.crash('boom');
    expect(log.some((l) => l.startsWith('crashed: Panel 2:'))).toBe(true);
    const b2 = workers[workers.length - 1]!;
    expect(b2).not.toBe(b);
    frames(a!, CHUNK, 1);
    b2.reply({ type: 'ready', runId: runOf(b2), info: {} as never, backend: 'wasm', backendReport: '' });
    expect(steps(b2)).toEqual([CHUNK]); // from step 0 (no checkpoint yet) back onto the grid
  });

  it('sleeps every worker with a checkpoint and, woken, resumes each shard where it stood, the panels together', () => {
    const { workers, merged, pool, runOf, frames, steps } = setup(2, 2);
    const [a, b] = workers;
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    pool.pause();
    frames(a!, CHUNK, 1);
    frames(b!, CHUNK, 1);
    pool.sleep();
    expect(pool.asleep).toBe(true);
    for (const w of [a!, b!]) w.reply({ type: 'checkpoint', runId: runOf(w), checkpoint: { step: CHUNK, models: [] } });
    expect(a!.terminated && b!.terminated).toBe(true);
    pool.play(); // asleep: only the intent changes
    pool.wake();
    const [a2, b2] = workers.slice(2);
    expect(workers).toHaveLength(4);
    for (const w of [a2!, b2!]) {
      expect(w.sent.find((m) => m.type === 'init')).toMatchObject({ resume: { step: CHUNK } });
      w.reply({ type: 'ready', runId: runOf(w), info: {} as never, backend: 'wasm', backendReport: '' });
    }
    // Both resumed at step 10: the next chunks take them to 20, and their frames merge there.
    expect(steps(a2!)).toEqual([CHUNK]);
    expect(steps(b2!)).toEqual([CHUNK]);
    frames(a2!, 2 * CHUNK, 1);
    frames(b2!, 2 * CHUNK, 1);
    expect(merged.at(-1)!.map((f) => f.frame.step)).toEqual([2 * CHUNK, 2 * CHUNK]);
  });

  it('asleep, a new run on more workers (a compare change, a preset from the host page) starts none until woken', () => {
    const { workers, pool, clock } = setup(1, 0);
    workers[0]!.reply({ type: 'checkpoint', runId: 1, checkpoint: { step: 40, models: [] } });
    pool.sleep();
    clock.advance(2000); // no checkpoint came: stopped anyway
    const alive = () => workers.filter((w) => !w.terminated).length;
    expect(alive()).toBe(0);
    const lives = Array.from({ length: 4 }, () => liveOf(defaultParams()));
    pool.start({ config: DEFAULT_STRUCTURE, lives, pace: 0, assetBase: '/', workers: 3 });
    expect(workers).toHaveLength(1); // none made
    expect(alive()).toBe(0);
    pool.wake();
    expect(alive()).toBe(3);
    // The new run from its start, not the old run's checkpoint: shard 0 first, the others once it is ready.
    const first = workers[1]!.sent.find((m) => m.type === 'init')!;
    expect(first).not.toHaveProperty('resume');
    workers[1]!.reply({ type: 'ready', runId: first.runId, info: {} as never, backend: 'wasm', backendReport: '' });
    for (const w of workers.slice(2)) expect(w.sent.find((m) => m.type === 'init')).toMatchObject({ config: { backend: 'wasm' } });
    for (const w of workers.slice(2)) expect(w.sent.find((m) => m.type === 'init')).not.toHaveProperty('resume');
  });

  it('paces the chunks at the speed setting (steps per second), on each worker', () => {
    const { workers, clock, runOf, frames, steps } = setup(2, 2, 100);
    const [a, b] = workers;
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    expect(steps(a!)).toEqual([CHUNK]);
    frames(a!, CHUNK, 1);
    expect(steps(a!)).toEqual([CHUNK]); // the next chunk is due 100 ms after the first
    clock.advance((CHUNK * 1000) / 100);
    expect(steps(a!)).toEqual([CHUNK, CHUNK]);
  });

  it('announces each run once, numbered: a solo run as its worker starts it, a sharded one as it is made', () => {
    const solo = setup(1, 2);
    expect(solo.log.filter((l) => l.startsWith('run'))).toEqual(['run 1 ×1']);
    const lives = [liveOf(defaultParams())];
    solo.pool.start({ config: DEFAULT_STRUCTURE, lives, pace: 0, assetBase: '/' });
    expect(solo.log.filter((l) => l.startsWith('run'))).toEqual(['run 1 ×1', 'run 2 ×1']);
    const sharded = setup(4, 2);
    expect(sharded.log.filter((l) => l.startsWith('run'))).toEqual(['run 1 ×4']);
  });

  it('a pace change goes to the run: a solo worker is told, a sharded run paces its chunks by it', () => {
    const solo = setup(1, 2, 0);
    solo.pool.setPace(30);
    expect(solo.workers[0]!.sent.filter((m) => m.type === 'pace')).toEqual([
      { type: 'pace', runId: solo.runOf(solo.workers[0]!), speed: 30 },
    ]);
    const { workers, clock, pool, runOf, frames, steps } = setup(2, 2, 0);
    const [a, b] = workers;
    // The shards themselves train at full speed: the pace is kept in the orders.
    expect(workers.every((w) => w.sent.filter((m) => m.type === 'init').every((m) => m.type === 'init' && m.pace === 0))).toBe(true);
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    frames(a!, CHUNK, 1);
    frames(b!, CHUNK, 1);
    expect(steps(a!)).toEqual([CHUNK, CHUNK]); // full speed: the next chunk at once
    pool.setPace(100);
    frames(a!, 2 * CHUNK, 1);
    frames(b!, 2 * CHUNK, 1);
    expect(steps(a!)).toEqual([CHUNK, CHUNK]); // 100 steps/s: the next chunk 100 ms after the last
    clock.advance((CHUNK * 1000) / 100);
    expect(steps(a!)).toEqual([CHUNK, CHUNK, CHUNK]);
  });

  it("a new run silences the old one's timers: no steps reach the new run before it is built", () => {
    const { workers, clock, pool, runOf, frames } = setup(2, 2, 100);
    const [a, b] = workers;
    a!.reply({ type: 'ready', runId: runOf(a!), info: {} as never, backend: 'wasm', backendReport: '' });
    b!.reply({ type: 'ready', runId: runOf(b!), info: {} as never, backend: 'wasm', backendReport: '' });
    frames(a!, CHUNK, 1); // a's next chunk waits on a timer (speed 100 steps/s)
    const lives = [0, 1].map((i) => ({ ...liveOf(defaultParams()), m: 0.1 * i }));
    pool.start({ config: DEFAULT_STRUCTURE, lives, pace: 100, assetBase: '/', workers: 2 });
    const since = a!.sent.length;
    clock.advance(1000);
    expect(a!.sent.slice(since).filter((m) => m.type === 'step')).toEqual([]);
  });
});
