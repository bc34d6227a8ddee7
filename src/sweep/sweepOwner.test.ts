import { describe, expect, it } from 'vitest';
import { FakeClock } from '../client/test/fakes';
import { FakeSweepWorker } from './test/fakeSweepWorker';
import { createAppStore } from '../state/store';
import { SWEEP_START_MS } from './sweepClient';
import { SweepOwner, UPLOADED_DATA_NOTICE } from './sweepOwner';
import { IDLE, type SweepState } from './sweepState';
import { connectSweep } from './sweepStore';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(search = '?v=3&sweep=m:0,0.3&seeds=2&sweepSteps=50') {
  const clock = new FakeClock();
  const workers: FakeSweepWorker[] = [];
  let state: SweepState = IDLE;
  const notices: string[] = [];
  const owner = new SweepOwner({
    spawn: () => {
      const w = new FakeSweepWorker();
      workers.push(w);
      return w;
    },
    clock,
    assetBase: () => '/',
    publish: (update) => (state = update(state)),
    notify: (m) => notices.push(m),
  });
  const store = createAppStore(search);
  const disconnect = connectSweep(owner, store);
  const live = () => workers.filter((w) => !w.terminated);
  return { clock, workers, live, owner, store, notices, disconnect, state: () => state };
}

describe('the sweep’s one owner', () => {
  it("runs the store's sweep from the link at once, and keeps running whatever else the store does (compare mode left, panels unmounted)", async () => {
    const { workers, live, store, state } = setup();
    expect(state().phase).toBe('running');
    expect(state().total).toBe(4);
    live()[0]!.finish();
    await flush();
    expect(state().finished).toBe(1);
    // Compare mode on and off, a setting moved: the store changes, its sweep does not.
    store.getState().replaceParams((p) => ({
      ...p,
      compare: [
        { loss: 'softmax', set: {} },
        { loss: 'arcface', set: {} },
      ],
    }));
    store.getState().replaceParams((p) => ({ ...p, compare: [] }));
    store.getState().setParam('lr', 0.02);
    expect(workers).toHaveLength(1);
    expect(state().finished).toBe(1);
    for (let i = 0; i < 3; i++) {
      live()[0]!.finish();
      await flush();
    }
    expect(state()).toMatchObject({ phase: 'done', finished: 4 });
    expect(state().results.map((r) => r.valueIndex)).toEqual([0, 0, 1, 1]);
    expect(live()).toHaveLength(0);
  });

  it('Cancel keeps the finished runs when the store then drops the sweep (the link loses sweep=); a preset without one clears it', async () => {
    const { live, owner, store, state } = setup();
    live()[0]!.finish();
    await flush();
    owner.cancel();
    store.getState().setSweep(null);
    await flush();
    expect(state()).toMatchObject({ phase: 'cancelled', finished: 1 });
    expect(state().results).toHaveLength(1);
    expect(live()).toHaveLength(0);
    // Run again, then a preset with no sweep: back to the form.
    store.getState().setSweep({ key: 'm', values: [0.1], seeds: 1, steps: 50 });
    expect(state().phase).toBe('running');
    store.getState().setSweep(null);
    expect(state()).toEqual(IDLE);
    expect(live()).toHaveLength(0);
  });

  it('uploaded data is refused with one notice before anything runs', () => {
    const { workers, store, notices, state } = setup('?v=3');
    store.getState().setParam('dataset', 'custom');
    store.getState().setSweep({ key: 'm', values: [0, 0.3], seeds: 1, steps: 50 });
    expect(workers).toHaveLength(0);
    expect(notices).toEqual([UPLOADED_DATA_NOTICE]);
    expect(state().phase).toBe('idle');
  });

  it('a silent worker times out, its run is retried once on a new worker, then given up with a note; the sweep goes on', async () => {
    const { clock, workers, state } = setup('?v=3&sweep=m:0,0.3&seeds=1&sweepSteps=50');
    clock.advance(SWEEP_START_MS);
    await flush();
    expect(workers).toHaveLength(2);
    expect(state().crashes).toEqual([
      expect.stringMatching(/^0, seed 1: the sweep worker stopped answering for 45 s \(retried from its start\)$/),
    ]);
    clock.advance(SWEEP_START_MS);
    await flush();
    expect(state().crashes[1]).toMatch(/\(given up\)$/);
    expect(state().finished).toBe(1);
    workers[2]!.finish(); // the next value, on a third worker
    await flush();
    expect(state()).toMatchObject({ phase: 'done', finished: 2 });
    expect(state().results).toHaveLength(1);
  });

  it('rests while the main run trains', () => {
    const { live, store } = setup();
    store.setState((s) => ({ status: { ...s.status, state: 'running' } }));
    expect(live()[0]!.sent.at(-1)).toEqual({ type: 'yield', on: true });
  });
});
