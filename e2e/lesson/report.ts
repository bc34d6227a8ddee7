// Markdown for docs/measured.md from the bench's results (pure).
import type { Goal, RunResult } from './goals';
import { averageBySetting } from './goals';

export interface DefaultRun {
  steps: number;
  pace: number;
  stepTo90: number | null;
  stepToSettle: number | null;
  secondsTo90: number | null;
  secondsToSettle: number | null;
  finalTrainSpreadDeg: number;
}

const f1 = (v: number) => v.toFixed(1);
const f2 = (v: number) => v.toFixed(2);

/** The docs/measured.md section: averaged results per setting, the goals with their numbers, the default run. */
export function lessonMarkdown(runs: RunResult[], goals: Goal[], def: DefaultRun, seeds: number[], steps: number): string {
  const means = averageBySetting(runs);
  const lines = [
    `Seeds ${seeds.join(', ')}, ${steps} steps each, the default dataset and settings; averages over the seeds.`,
    'Spread: mean angle of a feature to its class mean (training features, then test). Margin: θ to the nearest other class weight − θ to the own, on the test features.',
    '',
    '| dim | run | train acc | test acc | spread (train) | spread (test) | margin p5 | margin median |',
    '|---|---|---|---|---|---|---|---|',
    ...means.map(
      (r) =>
        `| ${r.dim}-D | ${r.label} | ${f1(r.trainAccuracy * 100)} % | ${f1(r.testAccuracy * 100)} % | ${f2(r.trainSpreadDeg)}° | ${f2(r.testSpreadDeg)}° | ${f1(r.marginP5Deg)}° | ${f1(r.marginMedianDeg)}° |`,
    ),
    '',
    '| goal | met | numbers |',
    '|---|---|---|',
    ...goals.map((g) => `| ${g.name} | ${g.met ? 'yes' : '**no**'} | ${g.detail} |`),
    '',
    `The default link (paced at ${def.pace} steps/s): 90 % test accuracy at step ${def.stepTo90 ?? '—'} (${def.secondsTo90?.toFixed(1) ?? '—'} s); ` +
      `the training spread is within 10 % of its value at step ${def.steps} (${f2(def.finalTrainSpreadDeg)}°) from step ${def.stepToSettle ?? '—'} on (${def.secondsToSettle?.toFixed(1) ?? '—'} s).`,
  ];
  return lines.join('\n');
}

/** `text` with the part between the two markers replaced by `body`. */
export function replaceBetween(text: string, begin: string, end: string, body: string): string {
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers ${begin} … ${end} not found`);
  return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
}
