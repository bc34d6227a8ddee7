/// <reference lib="webworker" />
// Owns TensorFlow.js: builds the run, trains in a loop that yields between steps, streams frames.
import type { Dataset } from '../data/datasets';
import type { BackendName, LiveParams, StructuralConfig } from '../train/config';
import type { Frame } from '../train/frame';
import { Trainer } from '../train/trainer';
import { pickBackend } from './backends';
import { loadDataset } from './loadDataset';
import { MAX_SNAPSHOT_HZ, type FromWorker, type RunState, type ToWorker } from './protocol';
import { frameProblem, isToWorker } from './validate';

declare const self: DedicatedWorkerGlobalScope;

interface Run {
  id: number;
  trainer?: Trainer;
  /** Live params received before the trainer existed. */
  params: LiveParams;
  playing: boolean;
  pendingSteps: number;
  snapshotHz: number;
  lastFrameAt: number;
  /** Cost of the last snapshot: frames are spaced so snapshots take ≤ 25 % of the time. */
  snapshotMs: number;
  nextStepAt: number;
  state: RunState;
}

let run: Run | undefined;
let tickScheduled = false;
const ticker = new MessageChannel();
/** Auto-measurements per model shape, so a reset with the same shape does not re-measure. */
const backendCache = new Map<string, { backend: BackendName; report: string }>();
/**
 * Measurements run one at a time: two runs started in quick succession (a preset or a tour step
 * changes the data and resets) would otherwise switch tfjs backends under each other's timing,
 * and one of them would wrongly find WASM unavailable.
 */
let measuring: Promise<unknown> = Promise.resolve();

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function setState(r: Run, state: RunState, message?: string): void {
  r.state = state;
  post({ type: 'state', runId: r.id, state, ...(message ? { message } : {}) });
}

/** Yield to the event loop (so commands are handled) and come back at once: no 4 ms clamp. */
function schedule(): void {
  if (tickScheduled) return;
  tickScheduled = true;
  ticker.port2.postMessage(null);
}

function emitFrame(r: Run): Frame | undefined {
  if (!r.trainer) return undefined;
  const t0 = performance.now();
  const frame = r.trainer.snapshot();
  r.snapshotMs = performance.now() - t0;
  r.lastFrameAt = performance.now();
  const problem = frameProblem(frame);
  if (problem) {
    r.playing = false;
    r.pendingSteps = 0;
    post({ type: 'diverged', runId: r.id, step: frame.step, cause: problem });
    setState(r, 'diverged', `diverged at step ${frame.step}: ${problem}. Reset to recover, or lower the learning rate, m or s.`);
    return undefined;
  }
  const transfer = [frame.train.buffer, frame.test.buffer, frame.W.buffer, frame.bias.buffer, frame.centers.buffer];
  post({ type: 'frame', runId: r.id, frame, snapshotMs: r.snapshotMs }, transfer as Transferable[]);
  return frame;
}

function tick(): void {
  tickScheduled = false;
  const r = run;
  if (!r?.trainer || (!r.playing && r.pendingSteps === 0)) return;
  const now = performance.now();
  const speed = r.params.speed;
  if (r.playing && speed > 0 && now < r.nextStepAt) {
    setTimeout(schedule, r.nextStepAt - now);
    return;
  }
  try {
    r.trainer.trainStep();
  } catch (err) {
    r.playing = false;
    setState(r, 'error', `training failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (speed > 0) r.nextStepAt = Math.max(now, r.nextStepAt) + 1000 / speed;
  const manual = r.pendingSteps > 0;
  if (manual) r.pendingSteps -= 1;
  const interval = Math.max(1000 / r.snapshotHz, 4 * r.snapshotMs);
  if ((manual && r.pendingSteps === 0) || performance.now() - r.lastFrameAt >= interval) emitFrame(r);
  if (r.playing || r.pendingSteps > 0) schedule();
}
ticker.port1.onmessage = tick;

function modelKey(cfg: StructuralConfig, data: Dataset, batch: number): string {
  return JSON.stringify([data.inputDim, data.numClasses, cfg.dim, cfg.hidden, cfg.depth, batch, cfg.backend]);
}

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  run?.trainer?.dispose();
  const r: Run = {
    id: msg.runId,
    params: msg.params,
    playing: msg.play,
    pendingSteps: 0,
    snapshotHz: MAX_SNAPSHOT_HZ,
    lastFrameAt: 0,
    snapshotMs: 0,
    nextStepAt: 0,
    state: 'loading',
  };
  run = r;
  setState(r, 'loading');
  try {
    const data = await loadDataset(msg.config, msg.assetBase, msg.custom);
    if (run !== r) return;
    const build = () => new Trainer(data, msg.config, r.params);
    const key = modelKey(msg.config, data, r.params.batch);
    const turn = measuring.then(async () => backendCache.get(key) ?? (run === r ? await pickBackend(msg.config.backend, build) : undefined));
    measuring = turn.catch(() => undefined);
    const pick = await turn;
    if (run !== r || !pick) return;
    backendCache.set(key, pick);
    r.trainer = build();
    post({ type: 'ready', runId: r.id, info: r.trainer.info, backend: pick.backend, backendReport: pick.report });
    emitFrame(r);
    setState(r, r.playing ? 'running' : 'paused');
    if (r.playing) schedule();
  } catch (err) {
    if (run !== r) return;
    setState(r, 'error', `could not start training: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function handle(msg: ToWorker): void {
  if (msg.type === 'init') {
    void init(msg);
    return;
  }
  const r = run;
  if (!r || msg.runId !== r.id) return; // a command for a run that was reset: drop it
  switch (msg.type) {
    case 'setParams':
      r.params = { ...r.params, ...msg.params };
      r.trainer?.setParams(msg.params);
      if (r.trainer && !r.playing) emitFrame(r); // paused: show what the new settings draw
      break;
    case 'play':
      if (r.state === 'diverged' || r.state === 'error') break;
      r.playing = true;
      if (r.trainer) {
        setState(r, 'running');
        schedule();
      }
      break;
    case 'pause':
      r.playing = false;
      // The frame first: the page then reports "paused" with the step it paused at.
      if (r.trainer) emitFrame(r);
      if (r.trainer && r.state !== 'diverged') setState(r, 'paused');
      break;
    case 'step':
      if (r.state === 'diverged' || r.state === 'error') break;
      r.playing = false;
      r.pendingSteps += Math.max(1, Math.min(10_000, Math.floor(msg.n)));
      if (r.trainer) {
        setState(r, 'paused');
        schedule();
      }
      break;
    case 'snapshotRate':
      r.snapshotHz = Math.max(1, Math.min(MAX_SNAPSHOT_HZ, msg.hz));
      break;
    default: {
      const never: never = msg;
      console.warn('hypersphere worker: unknown command', never);
    }
  }
}

self.onmessage = (e: MessageEvent<unknown>) => {
  if (!isToWorker(e.data)) {
    console.warn('hypersphere worker: ignored a malformed message', e.data);
    return;
  }
  handle(e.data);
};
