// `npm run test:python`: finds a Python that has torch (Debian's /usr/bin/python3 first: a python3
// earlier on PATH may lack it), writes the fixtures with the app's own code, then runs pytest.
// Missing Python fails with what to install: nothing is skipped.
import { spawnSync } from 'node:child_process';

const NEEDS = ['torch', 'numpy', 'matplotlib', 'pytest', 'nbconvert', 'ipykernel'];
const CANDIDATES = [process.env.HYPERSPHERE_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter(Boolean);

const python = CANDIDATES.find((exe) => spawnSync(exe, ['-c', `import ${NEEDS.join(', ')}`], { stdio: 'ignore' }).status === 0);
if (!python) {
  console.error(
    `test:python: no Python here imports ${NEEDS.join(', ')} (tried ${CANDIDATES.join(', ')}).\n` +
      'On Debian: apt-get install python3-torch python3-numpy python3-matplotlib python3-pytest python3-nbconvert python3-ipykernel\n' +
      'Elsewhere: pip install torch numpy matplotlib pytest nbconvert ipykernel, and set HYPERSPHERE_PYTHON to that interpreter.',
  );
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
