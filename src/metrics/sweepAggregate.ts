// A sweep's numbers: each run's metrics, and per value their mean and range over the seeds (pure).

/** The metrics a sweep keeps of each run (angles in degrees, shares in [0, 1]); the open-set ones only with held-out identities. */
export const SWEEP_METRICS = ['testAccuracy', 'trainSpread', 'marginMedian', 'tarAtFar1e2', 'eer', 'rank1'] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];

export const METRIC_LABELS: Record<SweepMetric, string> = {
  testAccuracy: 'test accuracy (%)',
  trainSpread: 'training spread (°)',
  marginMedian: 'angular margin, median (°)',
  tarAtFar1e2: 'TAR @ FAR 10⁻² (%)',
  eer: 'EER (%)',
  rank1: 'rank-1 (%)',
};

/** Shown in percent (the rest in degrees). */
export const PERCENT_METRICS: ReadonlySet<SweepMetric> = new Set(['testAccuracy', 'tarAtFar1e2', 'eer', 'rank1']);

/** One finished run: its value's index, its seed and what it measured (a metric it could not measure is absent). */
export interface SweepResult {
  valueIndex: number;
  seed: number;
  metrics: Partial<Record<SweepMetric, number>>;
}

/** A metric over a value's seeds: mean, lowest and highest, and how many seeds it is over. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
  n: number;
}

/** Per value (in the sweep's order), per metric: the spread over the seeds finished so far; null where none has. */
export function aggregate(results: readonly SweepResult[], values: number): Record<SweepMetric, Spread | null>[] {
  return Array.from({ length: values }, (_, v) => {
    const mine = results.filter((r) => r.valueIndex === v);
    return Object.fromEntries(
      SWEEP_METRICS.map((m) => {
        const xs = mine.map((r) => r.metrics[m]).filter((x): x is number => x !== undefined && Number.isFinite(x));
        if (xs.length === 0) return [m, null];
        return [m, { mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs), n: xs.length }];
      }),
    ) as Record<SweepMetric, Spread | null>;
  });
}

/** The metrics any run measured (the open-set ones need held-out identities). */
export function measuredMetrics(results: readonly SweepResult[]): SweepMetric[] {
  return SWEEP_METRICS.filter((m) => results.some((r) => r.metrics[m] !== undefined));
}

/** The sweep as CSV: a row per run (value, seed, each metric), then a row per value of means. */
export function sweepCsv(key: string, labels: readonly string[], results: readonly SweepResult[]): string {
  const metrics = measuredMetrics(results);
  const head = ['row', key, 'seed', ...metrics].join(',');
  const num = (x: number | undefined) => (x === undefined ? '' : String(Number(x.toPrecision(6))));
  const runs = [...results]
    .sort((a, b) => a.valueIndex - b.valueIndex || a.seed - b.seed)
    .map((r) => ['run', labels[r.valueIndex], r.seed, ...metrics.map((m) => num(r.metrics[m]))].join(','));
  const means = aggregate(results, labels.length).flatMap((row, v) =>
    Object.values(row).some((s) => s) ? [['mean', labels[v], '', ...metrics.map((m) => num(row[m]?.mean))].join(',')] : [],
  );
  return [head, ...runs, ...means].join('\n') + '\n';
}
