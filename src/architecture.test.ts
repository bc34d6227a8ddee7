// The house rules the folders keep, checked on the code itself: the page never loads tfjs.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function ruleIdsAt(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('tfjs stays on the worker side', () => {
  const tfjsImport = "import * as tf from '@tensorflow/tfjs-core';\nexport const zeros = tf.zeros;\n";

  it.each([
    'src/ui/Probe.tsx',
    'src/view/probe.ts',
    'src/panels/Probe.tsx',
    'src/client/probe.ts',
    'src/params/probe.ts',
    'src/state/probe.ts',
  ])('a tfjs import in %s fails lint', async (path) => {
    expect(await ruleIdsAt(path, tfjsImport)).toContain('no-restricted-imports');
  });

  it('so does a type-only import or another tfjs package on the page', async () => {
    expect(
      await ruleIdsAt('src/ui/Probe.tsx', "import type { Tensor } from '@tensorflow/tfjs-core';\nexport type T = Tensor;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsAt('src/app/probe.ts', "import '@tensorflow/tfjs-backend-webgl';\n")).toContain('no-restricted-imports');
  });

  it.each(['src/train/probe.ts', 'src/worker/probe.ts', 'src/losses/probe.ts', 'src/ui/probe.test.ts'])(
    '%s may import tfjs',
    async (path) => {
      expect(await ruleIdsAt(path, tfjsImport)).not.toContain('no-restricted-imports');
    },
  );
});
