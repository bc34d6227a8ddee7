// bench:openset's goals and table in docs/measured.md, from its runs (pure).
import type { VerificationMetrics } from '../../src/train/frame';
import { ARC_SWEEP } from './runs';

/** One run of the bench: the snapshot's verification numbers (shares), and its angles in degrees. */
export interface OpenSetRun extends Pick<VerificationMetrics, 'tarAtFar1e1' | 'tarAtFar1e2' | 'tarAtFar1e3' | 'eer' | 'auc' | 'rank1'> {
  label: string;
  dim: 2 | 3;
  seed: number;
  loss: string;
  m: number | null;
  heldoutSpreadDeg: number;
  trainSpreadDeg: number;
  testAccuracy: number;
}

type Numeric = Exclude<keyof OpenSetRun, 'label' | 'dim' | 'seed' | 'loss' | 'm'>;

/** Seed mean and sample standard deviation of one number of the runs labelled `label` in `dim`-D. */
export function seedStats(runs: OpenSetRun[], label: string, dim: 2 | 3, key: Numeric): { mean: number; sd: number; n: number } {
  const v = runs.filter((r) => r.label === label && r.dim === dim).map((r) => r[key]);
  const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, sd, n: v.length };
}

export interface Goal {
  name: string;
  met: boolean;
  detail: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** The issue's goals, 3-D, seed-averaged: each normalised loss ≥ 20 points above softmax's TAR@FAR=1e-2, with a smaller held-out spread. */
export function openSetGoals(runs: OpenSetRun[]): Goal[] {
  const base = seedStats(runs, 'Softmax', 3, 'tarAtFar1e2').mean;
  const baseSpread = seedStats(runs, 'Softmax', 3, 'heldoutSpreadDeg').mean;
  return ['NormFace', 'CosFace m = 0.2', 'ArcFace m = 0.3'].flatMap((label) => {
    const tar = seedStats(runs, label, 3, 'tarAtFar1e2').mean;
    const spread = seedStats(runs, label, 3, 'heldoutSpreadDeg').mean;
    return [
      { name: `${label}: TAR@FAR=1e-2 ≥ softmax + 20 points (3-D)`, met: tar >= base + 0.2, detail: `${pct(tar)} vs ${pct(base)}` },
      {
        name: `${label}: held-out spread < softmax's (3-D)`,
        met: spread < baseSpread,
        detail: `${spread.toFixed(2)}° vs ${baseSpread.toFixed(2)}°`,
      },
    ];
  });
}

/** What the ArcFace sweep shows in `dim`-D: the m of best held-out TAR@FAR=1e-2, and whether the training spread keeps falling. */
export function sweepFinding(runs: OpenSetRun[], dim: 2 | 3): string {
  const rows = ARC_SWEEP.map((m) => ({
    m,
    tar: seedStats(runs, `ArcFace m = ${m}`, dim, 'tarAtFar1e2').mean,
    spread: seedStats(runs, `ArcFace m = ${m}`, dim, 'trainSpreadDeg').mean,
  }));
  const best = rows.reduce((a, b) => (b.tar > a.tar ? b : a));
  const falling = rows.every((r, i) => i === 0 || r.spread <= rows[i - 1]!.spread + 0.05);
  const last = rows[rows.length - 1]!;
  return (
    `${dim}-D: held-out TAR@FAR=1e-2 is highest at m = ${best.m} (${pct(best.tar)}; m = ${last.m}: ${pct(last.tar)}); ` +
    `the training spread ${falling ? 'keeps falling' : 'does not fall steadily'} as m grows (${rows.map((r) => `${r.spread.toFixed(1)}°`).join(' → ')}).`
  );
}

/** The docs/measured.md section: a table per dimension (seed mean ± sd where it matters), the goals and the sweep's finding. */
export function openSetMarkdown(
  runs: OpenSetRun[],
  goals: Goal[],
  seeds: number[],
  steps: number,
  labels: string[],
  metrics: { pairs: number; medianMs: number; maxMs: number },
): string {
  const out: string[] = [];
  for (const dim of [3, 2] as const) {
    out.push('', `**${dim}-D** (seeds ${seeds.join(', ')}, ${steps} steps; mean ± sd over seeds)`, '');
    out.push(
      '| loss | TAR@FAR=1e-1 | TAR@FAR=1e-2 | TAR@FAR=1e-3 | EER | AUC | rank-1 | held-out spread | training spread | closed-set test acc. |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const label of labels) {
      const s = (k: Numeric) => seedStats(runs, label, dim, k);
      const pm = (k: Numeric) => `${(s(k).mean * 100).toFixed(1)} ± ${(s(k).sd * 100).toFixed(1)} %`;
      const p = (k: Numeric) => pct(s(k).mean);
      out.push(
        `| ${label} | ${p('tarAtFar1e1')} | ${pm('tarAtFar1e2')} | ${p('tarAtFar1e3')} | ${p('eer')} | ${s('auc').mean.toFixed(3)} | ${p('rank1')} | ${s('heldoutSpreadDeg').mean.toFixed(1)}° | ${s('trainSpreadDeg').mean.toFixed(1)}° | ${p('testAccuracy')} |`,
      );
    }
  }
  out.push('', 'Goals (3-D, seed means):', '');
  for (const g of goals) out.push(`- ${g.met ? 'met' : '**missed**'}: ${g.name} (${g.detail})`);
  out.push('', `The ArcFace sweep: ${sweepFinding(runs, 3)} ${sweepFinding(runs, 2)}`, '');
  out.push(
    `The worker's verification metrics of one snapshot (${metrics.pairs.toLocaleString('en')} pairs): median ${metrics.medianMs.toFixed(1)} ms, at most ${metrics.maxMs.toFixed(1)} ms (plain JavaScript in Node on this machine).`,
    '',
  );
  return out.join('\n');
}
