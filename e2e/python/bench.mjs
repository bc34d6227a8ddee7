// `npm run bench:python`: the fixtures from the app's own code, then python/bench.py measures the
// export's goals into bench/python.json, and docs/takehome.md's table is rendered from it.
import { spawnSync } from 'node:child_process';
import { PYTHON_MISSING, findPython } from './findPython.mjs';

const python = findPython();
if (!python) {
  console.error(`bench:python: ${PYTHON_MISSING}`);
  process.exit(1);
}
for (const [cmd, args] of [
  ['npx', ['vitest', 'run', '-c', 'e2e/vitest.python.config.ts']],
  [python, ['python/bench.py']],
  ['npm', ['run', 'docs']],
]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
