// The sweep's worker: trains one run at a time from scratch, apart from the main run's worker, on
// the WASM backend (the CPU one where WASM cannot load). The page stops it to cancel.
import * as tf from '@tensorflow/tfjs-core';
import './backends';
import { loadDataset } from './loadDataset';
import { trainSweepRun } from './sweepRun';
import type { FromSweepWorker, ToSweepWorker, YieldMessage } from './sweepProtocol';

const post = (m: FromSweepWorker) => (self as unknown as Worker).postMessage(m);

let ready: Promise<void> | undefined;
/** The backend, set once: WASM, or the CPU where it fails. */
function backend(): Promise<void> {
  ready ??= (async () => {
    const ok = await tf.setBackend('wasm').catch(() => false);
    if (!ok) await tf.setBackend('cpu');
    await tf.ready();
  })();
  return ready;
}

/** Whether the main run is training (the page says so): the sweep then rests between chunks. */
let yielding = false;

self.onmessage = async (e: MessageEvent<ToSweepWorker | YieldMessage>) => {
  const m = e.data;
  if (m?.type === 'yield') {
    yielding = m.on === true;
    return;
  }
  if (m?.type !== 'run') return;
  try {
    await backend();
    const data = await loadDataset(m.structure, m.assetBase, m.custom);
    const t0 = performance.now();
    const out = await trainSweepRun(
      data,
      m.structure,
      m.live,
      m.steps,
      (step) => post({ type: 'progress', id: m.id, step }),
      () => yielding,
    );
    post({ type: 'result', id: m.id, ...out, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
