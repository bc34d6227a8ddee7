import { describe, expect, it } from 'vitest';
import { aggregate, measuredMetrics, sweepCsv, type SweepResult } from './sweepAggregate';

const results: SweepResult[] = [
  { valueIndex: 0, seed: 1, metrics: { testAccuracy: 0.9, trainSpread: 10 } },
  { valueIndex: 0, seed: 2, metrics: { testAccuracy: 0.8, trainSpread: 14 } },
  { valueIndex: 0, seed: 3, metrics: { testAccuracy: 1.0, trainSpread: 9 } },
  { valueIndex: 2, seed: 1, metrics: { testAccuracy: 0.5, trainSpread: 30, tarAtFar1e2: 0.25 } },
];

describe('sweep aggregation', () => {
  it('mean and range over the seeds, by hand: (0.9 + 0.8 + 1.0) / 3 = 0.9 in [0.8, 1.0]; spread (10 + 14 + 9) / 3 = 11 in [9, 14]', () => {
    const rows = aggregate(results, 3);
    expect(rows[0]!.testAccuracy!.mean).toBeCloseTo(0.9, 12);
    expect(rows[0]!.testAccuracy).toMatchObject({ min: 0.8, max: 1.0, n: 3 });
    expect(rows[0]!.trainSpread).toEqual({ mean: 11, min: 9, max: 14, n: 3 });
  });
  it('a value with no finished run is null; a metric no run measured is null', () => {
    const rows = aggregate(results, 3);
    expect(rows[1]!.testAccuracy).toBeNull();
    expect(rows[0]!.tarAtFar1e2).toBeNull();
    expect(rows[2]!.tarAtFar1e2).toEqual({ mean: 0.25, min: 0.25, max: 0.25, n: 1 });
  });
  it('a non-finite measurement (a diverged run) is left out of the mean', () => {
    const rows = aggregate([...results, { valueIndex: 2, seed: 2, metrics: { testAccuracy: NaN } }], 3);
    expect(rows[2]!.testAccuracy).toEqual({ mean: 0.5, min: 0.5, max: 0.5, n: 1 });
  });
  it('CSV: a row per run in value and seed order, then a row of means per value that has runs', () => {
    expect(measuredMetrics(results)).toEqual(['testAccuracy', 'trainSpread', 'tarAtFar1e2']);
    const csv = sweepCsv('m', ['0', '0.1', '0.2'], [results[3]!, ...results.slice(0, 3)]);
    expect(csv.trim().split('\n')).toEqual([
      'row,m,seed,testAccuracy,trainSpread,tarAtFar1e2',
      'run,0,1,0.9,10,',
      'run,0,2,0.8,14,',
      'run,0,3,1,9,',
      'run,0.2,1,0.5,30,0.25',
      'mean,0,,0.9,11,',
      'mean,0.2,,0.5,30,0.25',
    ]);
  });
});
