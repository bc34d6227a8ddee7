// One run of a sweep, trained from scratch and measured: the page's Trainer, data and metrics (tfjs side).
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/datasets';
import type { SweepMetric } from '../metrics/sweepAggregate';
import type { LiveParams, StructuralConfig } from '../train/config';
import { Trainer } from '../train/trainer';

const DEG = 180 / Math.PI;
/** Progress is reported this often (steps). */
const PROGRESS_EVERY = 50;

/** What a finished run measured: the closed-set metrics always, the open-set ones with held-out identities. */
export function runMetrics(trainer: Trainer): Partial<Record<SweepMetric, number>> {
  const f = trainer.snapshot({ forces: false });
  const out: Partial<Record<SweepMetric, number>> = {
    testAccuracy: f.metrics.testAccuracy,
    trainSpread: f.metrics.intraClassAngle * DEG,
    marginMedian: f.metrics.marginMedian * DEG,
  };
  const v = f.verification;
  if (v) Object.assign(out, { tarAtFar1e2: v.tarAtFar1e2, eer: v.eer, rank1: v.rank1 });
  return out;
}

/** Waits `ms`; 0 lets the message queue run without the 4 ms a nested timer is held to. */
function pause(ms: number): Promise<void> {
  if (ms > 0) return new Promise((done) => setTimeout(done, ms));
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(0);
  });
}

/** Steps trained between two looks at the message queue (and, when yielding, a pause). */
const CHUNK = 25;

/**
 * Trains `steps` steps from scratch on `data` and measures the result; the trainer's tensors are
 * all freed (the count before and after is returned, for the leak check). It trains in chunks:
 * between them it lets messages in, and while `yieldFor()` is true (the main run is training)
 * it rests three times as long as the chunk took, leaving the main run and the view the CPU.
 */
export async function trainSweepRun(
  data: Dataset,
  structure: StructuralConfig,
  live: LiveParams,
  steps: number,
  onProgress?: (step: number) => void,
  yieldFor: () => boolean = () => false,
): Promise<{ metrics: Partial<Record<SweepMetric, number>>; tensorsBefore: number; tensorsAfter: number }> {
  const tensorsBefore = tf.memory().numTensors;
  const trainer = new Trainer(data, structure, live);
  let metrics: Partial<Record<SweepMetric, number>>;
  try {
    for (let i = 1; i <= steps;) {
      const t0 = performance.now();
      for (const end = Math.min(steps, i + CHUNK - 1); i <= end; i++) {
        trainer.trainStep();
        if (i % PROGRESS_EVERY === 0) onProgress?.(i);
      }
      const rest = yieldFor() ? 3 * (performance.now() - t0) : 0;
      await pause(rest);
    }
    metrics = runMetrics(trainer);
  } finally {
    trainer.dispose();
  }
  return { metrics, tensorsBefore, tensorsAfter: tf.memory().numTensors };
}
