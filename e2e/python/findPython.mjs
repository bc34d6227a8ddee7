// The Python the tests run: one that imports torch and the rest (Debian's /usr/bin/python3 first:
// a python3 earlier on PATH may lack torch), or undefined.
import { spawnSync } from 'node:child_process';

export const PYTHON_NEEDS = ['torch', 'numpy', 'matplotlib', 'pytest', 'nbconvert', 'ipykernel'];
export const PYTHON_CANDIDATES = [process.env.HYPERSPHERE_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter(Boolean);

export function findPython() {
  return PYTHON_CANDIDATES.find((exe) => spawnSync(exe, ['-c', `import ${PYTHON_NEEDS.join(', ')}`], { stdio: 'ignore' }).status === 0);
}

export const PYTHON_MISSING =
  `no Python here imports ${PYTHON_NEEDS.join(', ')} (tried ${PYTHON_CANDIDATES.join(', ')}).\n` +
  'On Debian: apt-get install python3-torch python3-numpy python3-matplotlib python3-pytest python3-nbconvert python3-ipykernel\n' +
  'Elsewhere: pip install torch numpy matplotlib pytest nbconvert ipykernel, and set HYPERSPHERE_PYTHON to that interpreter.';
