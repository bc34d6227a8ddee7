// docs/takehome.md's measured table, rendered from bench/python.json (npm run bench:python).

interface StepParity {
  name: string;
  query: string;
  gap50: number;
  firstOver1pct: number | null;
  steps: number;
}

export interface PythonBench {
  torch: string;
  python: string;
  lossKinds: number;
  lossKindsChecked: number;
  vectorTests: { passed: number; failed: number };
  dataTests: { passed: number; failed: number; links: number };
  stepParity: StepParity[];
  notebook: { name: string; steps: number; seconds: number };
}

export function pythonMarkdown(j: PythonBench): string {
  const rows = j.stepParity.map(
    (s) =>
      `| \`${s.query}\` | ${s.gap50.toExponential(1)} | ${s.firstOver1pct === null ? `never in ${s.steps.toLocaleString('en-US')}` : `step ${s.firstOver1pct}`} |`,
  );
  return [
    `Measured with Python ${j.python} and torch ${j.torch} on the 2-core machine (\`npm run bench:python\`, \`bench/python.json\`).`,
    '',
    `- **Losses:** ${j.lossKindsChecked} of ${j.lossKinds} match the float64 reference vectors in PyTorch: ${j.vectorTests.passed} checks passed, ${j.vectorTests.failed} failed (loss, ∂x, ∂W and ∂b at rtol 1e-4, in float64 and float32).`,
    `- **Data parity:** exact, bit for bit, for ${j.dataTests.links} of ${j.dataTests.links} links (${j.dataTests.failed} failed checks).`,
    `- **The default link's notebook** runs headless to ${j.notebook.steps.toLocaleString('en-US')} steps in ${j.notebook.seconds.toFixed(1)} s (median of 3, kernel start included; the goal is ≤ 60 s).`,
    '',
    '| link | largest relative gap in the loss, steps 1–50 | first step more than 1 % apart |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
