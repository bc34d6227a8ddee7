// What a run posts to the page: its frames (a model whose frame holds NaN/Inf stops there) and its
// checkpoints, their buffers transferred (pure of the worker's globals; runLoop.ts calls them).
import type { FromWorker, ModelFrame, RunState } from './protocol';
import { frameProblem } from './validate';
import { alive, type Run } from './run';

/** What posting needs of the loop's host. */
interface Poster {
  post(msg: FromWorker, transfer?: Transferable[]): void;
  now(): number;
}

/** Snapshots every live model and posts its frame; a model whose frame holds NaN/Inf stops there. */
export function postFrames(r: Run, host: Poster, setState: (r: Run, state: RunState, message?: string) => void): void {
  const { post, now } = host;
  const t0 = now();
  const frames: ModelFrame[] = [];
  const transfer: ArrayBuffer[] = [];
  r.models.forEach((m, i) => {
    if (!m.trainer || m.diverged) return;
    const s0 = now();
    const frame = m.trainer.snapshot();
    const snapshotMs = now() - s0;
    const problem = frameProblem(frame);
    if (problem) {
      m.diverged = true;
      post({ type: 'diverged', runId: r.id, model: i, step: frame.step, cause: problem });
      const which = r.models.length > 1 ? `panel ${i + 1} (${m.params.loss}) ` : '';
      const message = `${which}diverged at step ${frame.step}: ${problem}. Reset to recover, or lower the learning rate, m or s.`;
      if (alive(r).length === 0) {
        r.playing = false;
        r.pendingSteps = 0;
        setState(r, 'diverged', message);
      } else setState(r, r.state, message);
      return;
    }
    frames.push({ model: i, frame, snapshotMs });
    const v = frame.verification;
    transfer.push(
      ...([
        frame.train.buffer,
        frame.test.buffer,
        frame.heldout.buffer,
        frame.forces.buffer,
        frame.W.buffer,
        frame.bias.buffer,
        frame.centers.buffer,
        ...(frame.subcenters ? [frame.subcenters.W.buffer, frame.subcenters.dominant.buffer] : []),
        ...(v ? [v.same.buffer, v.diff.buffer] : []),
      ] as ArrayBuffer[]),
    );
  });
  if (frames.length) post({ type: 'frames', runId: r.id, frames }, transfer);
  r.snapshotMs = now() - t0;
  r.lastFrameAt = now();
}

/** Every model's state, posted for the page to keep (a restart resumes from it). */
export function postCheckpoint(r: Run, host: Poster): void {
  const { post, now } = host;
  const models = r.models.map((m) => m.trainer!.checkpoint(m.diverged));
  const transfer = models.flatMap((m) => [
    ...m.weights.map((w) => w.values.buffer),
    ...m.optimizer.slots.map((v) => v.buffer),
    m.sampler.order.buffer,
  ]) as ArrayBuffer[];
  post({ type: 'checkpoint', runId: r.id, checkpoint: { step: models[0]?.step ?? 0, models } }, transfer);
  r.lastCheckpointAt = now();
}
