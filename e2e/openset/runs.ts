// The runs of `npm run bench:openset`: the lecture's losses and the ArcFace margin sweep (pure data).
import { MAIN_RUNS, type LessonRun } from '../lesson/runs';

export const ARC_SWEEP = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

/** The lesson's runs, then the ArcFace sweep (its m = 0.3 is the lesson's ArcFace run, trained once). */
export function openSetRuns(): LessonRun[] {
  const sweep = ARC_SWEEP.map((m): LessonRun => ({ label: `ArcFace m = ${m}`, live: { loss: 'arcface', m } }));
  const seen = new Map<string, LessonRun>();
  for (const r of [...MAIN_RUNS, ...sweep]) seen.set(r.label, seen.get(r.label) ?? r);
  return [...seen.values()];
}
