// The forces' table in docs/measured.md, rendered from bench/forces.json (npm run bench:lesson).

export interface ForceRow {
  label: string;
  /** Seed-averaged mean turning force of the correctly classified training features, per step measured. */
  byStep: Record<string, number>;
  perSeed: Record<string, number[]>;
}

export interface ForceGoal {
  name: string;
  met: boolean;
  detail: string;
}

export interface ForceBench {
  seeds: number[];
  steps: number[];
  rows: ForceRow[];
  goals: ForceGoal[];
  /** A snapshot with its forces against the same snapshot's time without them (ms, medians). */
  snapshot: { withForcesMs: number; withoutMs: number; ratio: number };
}

const f3 = (v: number) => (v >= 0.1 ? v.toFixed(3) : v.toPrecision(2));

export function forcesMarkdown(j: ForceBench): string {
  const head = `| loss | ${j.steps.map((s) => `step ${s.toLocaleString('en-US')}`).join(' | ')} |`;
  const rule = `|---|${j.steps.map(() => '---').join('|')}|`;
  const rows = j.rows.map(
    (r) => `| ${r.label} | ${j.steps.map((s) => `${f3(r.byStep[s]!)} (${r.perSeed[s]!.map(f3).join(', ')})`).join(' | ')} |`,
  );
  const goals = j.goals.map((g) => `- ${g.met ? '✅' : '❌'} ${g.name}: ${g.detail}`);
  return [
    `Mean force on the direction of the correctly classified training features (|∂ℓ/∂x̂| with the radial part removed: \`turningForce\`), default link in 3-D, seed mean (seeds ${j.seeds.join(', ')} in brackets).`,
    '',
    head,
    rule,
    ...rows,
    '',
    ...goals,
    `- A snapshot with its forces takes ${j.snapshot.withForcesMs.toFixed(2)} ms, and ${j.snapshot.withoutMs.toFixed(2)} ms without them (medians, alternated in one run): ${j.snapshot.ratio.toFixed(2)}× (the goal is ≤ 1.2×). The sweep's snapshots skip them.`,
  ].join('\n');
}
