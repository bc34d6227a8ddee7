// The lecture's claims as checks on the bench's averaged results (pure).
import { SWEEPS } from './runs';

export interface RunResult {
  label: string;
  dim: 2 | 3;
  seed: number;
  loss: string;
  m: number | null;
  s: number | null;
  steps: number;
  trainAccuracy: number;
  testAccuracy: number;
  trainSpreadDeg: number;
  testSpreadDeg: number;
  marginP5Deg: number;
  marginMedianDeg: number;
}

export interface Goal {
  name: string;
  met: boolean;
  /** The numbers behind the verdict, for people. */
  detail: string;
}

type Mean = Omit<RunResult, 'seed'>;

/** Results averaged over seeds, per (dim, label). */
export function averageBySetting(runs: RunResult[]): Mean[] {
  const groups = new Map<string, RunResult[]>();
  for (const r of runs) {
    const key = `${r.dim}|${r.label}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const avg = (f: (r: RunResult) => number) => g.reduce((a, r) => a + f(r), 0) / g.length;
    const { seed: _seed, ...first } = g[0]!;
    return {
      ...first,
      trainAccuracy: avg((r) => r.trainAccuracy),
      testAccuracy: avg((r) => r.testAccuracy),
      trainSpreadDeg: avg((r) => r.trainSpreadDeg),
      testSpreadDeg: avg((r) => r.testSpreadDeg),
      marginP5Deg: avg((r) => r.marginP5Deg),
      marginMedianDeg: avg((r) => r.marginMedianDeg),
    };
  });
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const deg = (v: number) => `${v.toFixed(2)}°`;

function hasMargin(r: Mean): boolean {
  if (r.loss === 'combined') return true;
  if (r.loss === 'sphereface') return (r.m ?? 1) > 1;
  return (r.loss === 'cosface' || r.loss === 'arcface') && (r.m ?? 0) > 0;
}

const strictlyFalls = (v: number[]) => v.every((x, i) => i === 0 || x < v[i - 1]!);
const strictlyRises = (v: number[]) => v.every((x, i) => i === 0 || x > v[i - 1]!);

/** Every goal of the lesson, per feature dimension. */
export function evaluateGoals(means: Mean[]): Goal[] {
  const goals: Goal[] = [];
  for (const dim of [3, 2] as const) {
    const at = (label: string) => means.find((r) => r.dim === dim && r.label === label);
    const soft = at('Softmax');
    const arc = at('ArcFace m = 0.3');
    if (!soft || !arc) continue;
    goals.push({
      name: `${dim}-D separable: softmax train accuracy ≥ 99 %`,
      met: soft.trainAccuracy >= 0.99,
      detail: pct(soft.trainAccuracy),
    });
    goals.push({ name: `${dim}-D not trivial: softmax test accuracy < 100 %`, met: soft.testAccuracy < 1, detail: pct(soft.testAccuracy) });
    goals.push({
      name: `${dim}-D not discriminative: softmax spread ≥ 2 × ArcFace m = 0.3's`,
      met: soft.trainSpreadDeg >= 2 * arc.trainSpreadDeg,
      detail: `${deg(soft.trainSpreadDeg)} vs ${deg(arc.trainSpreadDeg)} (${(soft.trainSpreadDeg / arc.trainSpreadDeg).toFixed(2)}×)`,
    });
    const worst = means.filter((r) => r.dim === dim && hasMargin(r)).sort((a, b) => a.testAccuracy - b.testAccuracy)[0];
    if (worst) {
      goals.push({
        name: `${dim}-D margins cost no accuracy: every m > 0 within 1 point of softmax's test accuracy`,
        met: worst.testAccuracy >= soft.testAccuracy - 0.01,
        detail: `lowest ${worst.label} ${pct(worst.testAccuracy)} vs softmax ${pct(soft.testAccuracy)}`,
      });
    }
    for (const sweep of SWEEPS) {
      const pts = sweep.runs.map((r) => at(r.label)).filter((r): r is Mean => r !== undefined);
      if (pts.length !== sweep.runs.length) continue;
      const spread = pts.map((r) => r.trainSpreadDeg);
      const median = pts.map((r) => r.marginMedianDeg);
      const detail = `spread ${spread.map((v) => v.toFixed(2)).join(' → ')}°; margin median ${median.map((v) => v.toFixed(1)).join(' → ')}°`;
      if (dim === 3) {
        goals.push({
          name: `3-D ${sweep.name}: spread falls and margin median rises strictly with m`,
          met: strictlyFalls(spread) && strictlyRises(median),
          detail,
        });
      } else {
        const first = pts[0]!;
        const last = pts[pts.length - 1]!;
        goals.push({
          name: `2-D ${sweep.name}: the largest m has a smaller spread and a larger margin median than the smallest`,
          met: last.trainSpreadDeg < first.trainSpreadDeg && last.marginMedianDeg > first.marginMedianDeg,
          detail,
        });
      }
    }
  }
  return goals;
}
