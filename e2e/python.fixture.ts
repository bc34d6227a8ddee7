// The fixtures python/tests reads, made by the app's own code: the generated data of 4 links, the
// exported script and notebook of others, and the Node Trainer's loss at every step and its numbers.
// Written to python/.fixtures/ (not committed). It asserts nothing: pytest compares.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { datasetChecksum } from '../src/data/checksum';
import { makeToyDataset, toyParamsOf, type Dataset } from '../src/data/datasets';
import { takeHomeCells } from '../src/export/notebook/cells';
import { toIpynb, toScript } from '../src/export/notebook/formats';
import { appNumbers, takeHomeInput } from '../src/export/notebook/fromParams';
import { stepSpec } from '../src/losses/stepSpec';
import { decodeParams } from '../src/params/urlCodec';
import type { Params } from '../src/params/table';
import { liveOf, structureOf } from '../src/train/fromParams';
import { Trainer } from '../src/train/trainer';
import { CLASS_COLORS } from '../src/view/style/palette';
import { datasetNpz } from '../src/export/notebook/npz';
import { LOSS_KINDS } from '../src/losses/registry';
import { EVERY_LOSS_STEPS, DATA_LINKS, NOTEBOOK_LINKS, STEP_LINKS, STEP_PARITY_STEPS, NOTEBOOK_STEPS, REPORT_STEPS } from './python/links';

const OUT = join(import.meta.dirname, '..', 'python', '.fixtures');

function dataOf(p: Params): Dataset {
  const cfg = structureOf(p);
  if (cfg.dataset !== 'identities' && cfg.dataset !== 'blobs' && cfg.dataset !== 'spirals')
    throw new Error(`${cfg.dataset} is not generated`);
  return makeToyDataset(cfg.dataset, toyParamsOf(cfg));
}

const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** The Node Trainer's loss after every step, and its frame at the last. */
function trainNode(p: Params, data: Dataset, steps: number) {
  const trainer = new Trainer(data, structureOf(p), liveOf(p));
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    trainer.trainStep();
    losses.push(trainer.lossValue());
  }
  const frame = trainer.snapshot();
  trainer.dispose();
  return { losses, frame };
}

function exported(p: Params, query: string, data: Dataset, step: number, frame: Parameters<typeof appNumbers>[0] | null) {
  const cells = takeHomeCells(
    takeHomeInput(p, {
      link: `https://hypersphere.example/?${query}`,
      frames: [frame],
      step,
      fresh: false,
      palette: CLASS_COLORS,
      checksum: datasetChecksum(data),
    }),
  );
  return { py: toScript(cells), ipynb: toIpynb(cells) };
}

test('python fixtures', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const manifest: Record<string, unknown> = { data: [], steps: [], notebooks: [] };
  for (const [name, query] of Object.entries(DATA_LINKS)) {
    const p = decodeParams(query).params;
    const d = dataOf(p);
    const split = (s: Dataset['train'] | undefined) => s && { x: base64(s.x), y: base64(s.y), n: s.n };
    const settings = takeHomeInput(p, { link: query, frames: [], step: 0, fresh: false, palette: [] }).settings;
    (manifest.data as unknown[]).push({
      name,
      query,
      settings,
      checksum: datasetChecksum(d),
      inputDim: d.inputDim,
      train: split(d.train),
      test: split(d.test),
      heldout: split(d.heldout),
    });
  }
  for (const [name, query] of Object.entries(STEP_LINKS)) {
    const p = decodeParams(query).params;
    const d = dataOf(p);
    const { losses } = trainNode(p, d, REPORT_STEPS);
    const { py } = exported(p, query, d, STEP_PARITY_STEPS, null);
    writeFileSync(join(OUT, `${name}.py`), py);
    const specs = [0, 1, 10, 100, 1000, 5000].map((step) => ({ step, spec: stepSpec(p, { step, lossStep: step }).spec }));
    (manifest.steps as unknown[]).push({ name, query, script: `${name}.py`, losses, specs });
  }
  for (const [name, query] of Object.entries(NOTEBOOK_LINKS)) {
    const p = decodeParams(query).params;
    const d = dataOf(p);
    const { frame } = trainNode(p, d, NOTEBOOK_STEPS);
    writeFileSync(join(OUT, `${name}.ipynb`), exported(p, query, d, NOTEBOOK_STEPS, frame).ipynb);
    (manifest.notebooks as unknown[]).push({ name, query, notebook: `${name}.ipynb`, app: appNumbers(frame) });
  }
  // Every loss: a short run of each, on small data, step for step.
  manifest.losses = LOSS_KINDS.map((kind) => {
    const query = `loss=${kind}&perClass=40&batch=64`;
    const p = decodeParams(query).params;
    const d = dataOf(p);
    const { losses } = trainNode(p, d, EVERY_LOSS_STEPS);
    writeFileSync(join(OUT, `loss-${kind}.py`), exported(p, query, d, EVERY_LOSS_STEPS, null).py);
    return { name: kind, query, script: `loss-${kind}.py`, losses };
  });
  // The .npz a carried dataset travels in, of a link whose data the generator also makes.
  const carried = dataOf(decodeParams(DATA_LINKS['open-set-noisy']!).params);
  writeFileSync(join(OUT, 'carried.npz'), datasetNpz(carried));
  manifest.carried = { file: 'carried.npz', query: DATA_LINKS['open-set-noisy'] };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest));
});
