// The runs of `npm run bench:lesson`: the lecture's losses, and the margin sweeps (pure data).
import type { LiveParams } from '../../src/train/config';

export interface LessonRun {
  /** A name for tables: the loss and its setting. */
  label: string;
  live: Partial<LiveParams>;
}

const arc = (m: number): LessonRun => ({ label: `ArcFace m = ${m}`, live: { loss: 'arcface', m } });
const cos = (m: number): LessonRun => ({ label: `CosFace m = ${m}`, live: { loss: 'cosface', m } });
const sphere = (m: number): LessonRun => ({ label: `SphereFace m = ${m}`, live: { loss: 'sphereface', m } });

/** One run per loss, at the settings the lecture uses. */
export const MAIN_RUNS: LessonRun[] = [
  { label: 'Softmax', live: { loss: 'softmax' } },
  { label: 'Center loss λ = 0.1', live: { loss: 'center', lambda: 0.1 } },
  { label: 'NormFace', live: { loss: 'normface' } },
  sphere(4),
  cos(0.2),
  arc(0.3),
  { label: 'Combined (1, 0.3, 0.2)', live: { loss: 'combined', m1: 1, m2: 0.3, m3: 0.2 } },
];

/** The sweeps whose order the lecture claims: a larger m, a tighter class and a wider gap. */
export const SWEEPS: { name: string; runs: LessonRun[] }[] = [
  { name: 'CosFace', runs: [0, 0.1, 0.2, 0.3].map(cos) },
  { name: 'ArcFace', runs: [0, 0.1, 0.2, 0.3, 0.4].map(arc) },
  { name: 'SphereFace', runs: [1, 2, 3, 4].map(sphere) },
];

/** Every distinct run, main runs first (a sweep point equal to a main run is trained once). */
export function allRuns(): LessonRun[] {
  const seen = new Map<string, LessonRun>();
  for (const r of [...MAIN_RUNS, ...SWEEPS.flatMap((s) => s.runs)]) seen.set(r.label, seen.get(r.label) ?? r);
  return [...seen.values()];
}
