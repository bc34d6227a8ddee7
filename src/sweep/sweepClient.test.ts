import { describe, expect, it } from 'vitest';
import { FakeClock } from '../client/test/fakes';
import { FakeSweepWorker } from './test/fakeSweepWorker';
import type { FromSweepWorker } from '../worker/sweepProtocol';
import { DEFAULT_LIVE, DEFAULT_STRUCTURE } from '../train/fromParams';
import { SWEEP_SILENT_MS, SWEEP_START_MS, SweepClient } from './sweepClient';

function setup() {
  const clock = new FakeClock();
  const workers: FakeSweepWorker[] = [];
  const client = new SweepClient(() => {
    const w = new FakeSweepWorker();
    workers.push(w);
    return w;
  }, clock);
  const job = { structure: DEFAULT_STRUCTURE, live: DEFAULT_LIVE, steps: 100, assetBase: '/' };
  const result = (id: number): FromSweepWorker => ({
    type: 'result',
    id,
    metrics: { testAccuracy: 0.9 },
    tensorsBefore: 5,
    tensorsAfter: 5,
    ms: 10,
  });
  return { clock, workers, client, job, result };
}

describe('SweepClient', () => {
  it('runs one run at a time on one worker, reporting progress; the worker is kept between runs and told to yield', async () => {
    const { workers, client, job, result } = setup();
    client.setYield(true);
    const steps: number[] = [];
    const first = client.run(job, (s) => steps.push(s));
    const w = workers[0]!;
    expect(w.sent[0]).toEqual({ type: 'yield', on: true });
    w.reply({ type: 'progress', id: w.runId, step: 25 });
    w.reply(result(w.runId));
    await expect(first).resolves.toMatchObject({ metrics: { testAccuracy: 0.9 }, tensorsBefore: 5, tensorsAfter: 5 });
    expect(steps).toEqual([25]);
    const second = client.run(job, () => {});
    w.reply(result(w.runId));
    await second;
    expect(workers).toHaveLength(1);
  });

  it("a worker's error rejects its run; a crashed worker is not reused", async () => {
    const { workers, client, job, result } = setup();
    const bad = client.run(job, () => {});
    workers[0]!.reply({ type: 'error', id: workers[0]!.runId, message: 'no data' });
    await expect(bad).rejects.toThrow('no data');
    const crashed = client.run(job, () => {});
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent);
    await expect(crashed).rejects.toThrow('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    const next = client.run(job, () => {});
    expect(workers).toHaveLength(2);
    workers[1]!.reply(result(workers[1]!.runId));
    await expect(next).resolves.toBeDefined();
  });

  it('a silent worker times out: SWEEP_START_MS before its first word, SWEEP_SILENT_MS after; it is ended and the next run gets a new one', async () => {
    const { clock, workers, client, job, result } = setup();
    const first = client.run(job, () => {});
    clock.advance(SWEEP_START_MS - 1);
    workers[0]!.reply({ type: 'progress', id: workers[0]!.runId, step: 25 }); // slow to start, then alive
    clock.advance(SWEEP_SILENT_MS - 1);
    workers[0]!.reply(result(workers[0]!.runId));
    await expect(first).resolves.toBeDefined();
    // Hung on the next run (a loop that never yields, or close()): no word for SWEEP_SILENT_MS.
    const hung = client.run(job, () => {});
    clock.advance(SWEEP_SILENT_MS);
    await expect(hung).rejects.toThrow(/stopped answering for 20 s/);
    expect(workers[0]!.terminated).toBe(true);
    const again = client.run(job, () => {});
    expect(workers).toHaveLength(2);
    workers[1]!.reply(result(workers[1]!.runId));
    await expect(again).resolves.toBeDefined();
    expect(clock.pending).toBe(0); // no timer left while nothing runs
  });

  it('stop() ends the worker at once and rejects the run it had; a late reply from it is ignored', async () => {
    const { clock, workers, client, job, result } = setup();
    const run = client.run(job, () => {});
    const w = workers[0]!;
    client.stop();
    await expect(run).rejects.toThrow('stopped');
    expect(w.terminated).toBe(true);
    expect(clock.pending).toBe(0);
    w.reply(result(w.runId)); // nothing to resolve, nothing thrown
  });
});
