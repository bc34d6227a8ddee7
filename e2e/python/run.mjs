// `npm run test:python`: finds a Python that has torch, writes the fixtures with the app's own code,
// then runs pytest. Missing Python fails with what to install: nothing is skipped.
import { spawnSync } from 'node:child_process';
import { PYTHON_MISSING, findPython } from './findPython.mjs';

const python = findPython();
if (!python) {
  console.error(`test:python: ${PYTHON_MISSING}`);
  process.exit(1);
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const version = spawnSync(python, ['-c', 'import sys, torch; print(sys.version.split()[0], "torch", torch.__version__)'], {
  encoding: 'utf8',
});
console.log(`test:python: ${python} (Python ${version.stdout.trim()})`);
run('npx', ['vitest', 'run', '-c', 'e2e/vitest.python.config.ts']);
run(python, ['-m', 'pytest', 'python', '-q', '-p', 'no:cacheprovider']);
