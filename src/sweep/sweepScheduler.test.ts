import { describe, expect, it } from 'vitest';
import { sweepRuns, type SweepRun } from '../params/sweep';
import { SweepScheduler, type RunOutcome } from './sweepScheduler';

const outcome = (v: number): RunOutcome => ({ metrics: { testAccuracy: v }, tensorsBefore: 3, tensorsAfter: 3, ms: 1 });
const runs = sweepRuns({ key: 'm', values: [0, 0.2, 0.4], seeds: 2, steps: 10 }, 1);

describe('the sweep scheduler', () => {
  it('runs every run once, in order (value by value, each over its seeds)', async () => {
    const seen: string[] = [];
    const results: number[] = [];
    const s = new SweepScheduler(runs, async (r) => (seen.push(`${r.value}/${r.seed}`), outcome(r.index)), {
      onResult: (r) => results.push(r.index),
    });
    expect(await s.start()).toBe('done');
    expect(seen).toEqual(['0/1', '0/2', '0.2/1', '0.2/2', '0.4/1', '0.4/2']);
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('a crashed run is retried once from its start; crashing again it is skipped and the sweep goes on', async () => {
    const attempts = new Map<number, number>();
    const crashes: [number, boolean][] = [];
    const results: number[] = [];
    const exec = async (r: SweepRun, onStep: (n: number) => void) => {
      const n = (attempts.get(r.index) ?? 0) + 1;
      attempts.set(r.index, n);
      onStep(5);
      if (r.index === 1 && n === 1) throw new Error('worker died');
      if (r.index === 3) throw new Error('always');
      return outcome(r.index);
    };
    const s = new SweepScheduler(runs, exec, {
      onResult: (r) => results.push(r.index),
      onCrash: (r, _m, retrying) => crashes.push([r.index, retrying]),
    });
    expect(await s.start()).toBe('done');
    expect(attempts.get(1)).toBe(2);
    expect(attempts.get(3)).toBe(2);
    expect(crashes).toEqual([
      [1, true],
      [3, true],
      [3, false],
    ]);
    expect(results).toEqual([0, 1, 2, 4, 5]);
  });
  it('cancel: the running run’s outcome is dropped and no run starts after it', async () => {
    let release: () => void = () => {};
    const started: number[] = [];
    const results: number[] = [];
    const s = new SweepScheduler(
      runs,
      (r) => {
        started.push(r.index);
        return r.index === 2 ? new Promise((done) => (release = () => done(outcome(2)))) : Promise.resolve(outcome(r.index));
      },
      { onResult: (r) => results.push(r.index) },
    );
    const finished = s.start();
    await new Promise((done) => setTimeout(done, 0));
    expect(started).toEqual([0, 1, 2]);
    s.cancel();
    release();
    expect(await finished).toBe('cancelled');
    expect(started).toEqual([0, 1, 2]);
    expect(results).toEqual([0, 1]);
  });
});
