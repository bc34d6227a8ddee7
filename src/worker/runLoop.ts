// The training run loop (pure of the worker's globals): builds runs, trains in yielding rounds, streams frames.
import type { CustomData } from '../data/csv';
import type { Dataset } from '../data/datasets';
import type { BackendChoice, BackendName, StructuralConfig } from '../train/config';
import { Trainer } from '../train/trainer';
import { CHECKPOINT_MS, MAX_SNAPSHOT_HZ, type FromWorker, type RunState, type ToWorker } from './protocol';
import { alive, ready, type Run } from './run';
import { postCheckpoint, postFrames } from './runPosts';

/**
 * Several models (compare mode): each frame is drawn once, not eased, in every panel's canvas, so
 * fewer frames leave the page its frame rate (measured by `npm run bench -- compare`).
 */
const COMPARE_SNAPSHOT_HZ = 8;

/** What the loop needs from its host: the worker's postMessage, time, a way to yield, the data and the backend. */
export interface RunLoopHost {
  post(msg: FromWorker, transfer?: Transferable[]): void;
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  /** Calls `fn` soon, after the event loop has handled pending commands (no 4 ms clamp). */
  yieldThen(fn: () => void): void;
  loadDataset(config: StructuralConfig, assetBase: string, custom?: CustomData): Promise<Dataset>;
  pickBackend(choice: BackendChoice, build: () => Trainer): Promise<{ backend: BackendName; report: string }>;
}

/**
 * The worker's run loop: builds a run (data, backend, one Trainer per model), trains in rounds
 * that yield between steps, paces them, streams frames and answers commands. Its host wires it
 * to the worker (trainer.worker.ts) or to a test.
 */
export function createRunLoop(host: RunLoopHost): { handle(msg: ToWorker): void } {
  const { post, now } = host;
  let run: Run | undefined;
  let tickScheduled = false;
  /** Auto-measurements per model shape, so a reset with the same shape does not re-measure. */
  const backendCache = new Map<string, { backend: BackendName; report: string }>();
  /**
   * Measurements run one at a time: two runs started in quick succession (a preset or a tour step
   * changes the data and resets) would otherwise switch tfjs backends under each other's timing,
   * and one of them would wrongly find WASM unavailable.
   */
  let measuring: Promise<unknown> = Promise.resolve();

  function setState(r: Run, state: RunState, message?: string): void {
    r.state = state;
    post({ type: 'state', runId: r.id, state, ...(message ? { message } : {}) });
  }

  /** Yield to the event loop (so commands are handled) and come back at once: no 4 ms clamp. */
  function schedule(): void {
    if (tickScheduled) return;
    tickScheduled = true;
    host.yieldThen(tick);
  }

  const emitFrames = (r: Run) => postFrames(r, host, setState);
  const emitCheckpoint = (r: Run) => postCheckpoint(r, host);

  /** One round: every live model takes one step (so all stand at the same step count). */
  function tick(): void {
    tickScheduled = false;
    const r = run;
    if (!r || !ready(r) || (!r.playing && r.pendingSteps === 0)) return;
    const t = now();
    const speed = r.pace;
    if (r.playing && speed > 0 && t < r.nextStepAt) {
      host.setTimeout(schedule, r.nextStepAt - t);
      return;
    }
    try {
      for (const m of alive(r)) m.trainer!.trainStep();
    } catch (err) {
      r.playing = false;
      setState(r, 'error', `training failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (speed > 0) r.nextStepAt = Math.max(t, r.nextStepAt) + 1000 / speed;
    const manual = r.pendingSteps > 0;
    if (manual) r.pendingSteps -= 1;
    const interval = Math.max(1000 / r.snapshotHz, 4 * r.snapshotMs);
    const checkpoint = now() - r.lastCheckpointAt >= CHECKPOINT_MS;
    // A checkpoint goes with a frame of its step: the page never resumes past a step it was shown.
    if ((manual && r.pendingSteps === 0) || checkpoint || now() - r.lastFrameAt >= interval) emitFrames(r);
    if (checkpoint) emitCheckpoint(r);
    if ((r.playing || r.pendingSteps > 0) && alive(r).length > 0) schedule();
  }

  function modelKey(cfg: StructuralConfig, data: Dataset, batch: number): string {
    return JSON.stringify([data.inputDim, data.numClasses, cfg.dim, cfg.hidden, cfg.depth, batch, cfg.backend]);
  }

  function dispose(r: Run | undefined): void {
    for (const m of r?.models ?? []) m.trainer?.dispose();
  }

  async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
    dispose(run);
    const r: Run = {
      id: msg.runId,
      models: msg.models.map((params) => ({ params, diverged: false })),
      playing: msg.play,
      pace: msg.pace,
      pendingSteps: 0,
      snapshotHz: msg.models.length > 1 ? COMPARE_SNAPSHOT_HZ : MAX_SNAPSHOT_HZ,
      lastFrameAt: 0,
      snapshotMs: 0,
      nextStepAt: 0,
      lastCheckpointAt: 0,
      state: 'loading',
    };
    run = r;
    setState(r, 'loading');
    try {
      const data = await host.loadDataset(msg.config, msg.assetBase, msg.custom);
      if (run !== r) return;
      const first = r.models[0]!;
      const build = () => new Trainer(data, msg.config, first.params);
      const key = modelKey(msg.config, data, first.params.batch);
      const turn = measuring.then(
        async () => backendCache.get(key) ?? (run === r ? await host.pickBackend(msg.config.backend, build) : undefined),
      );
      measuring = turn.catch(() => undefined);
      const pick = await turn;
      if (run !== r || !pick) return;
      backendCache.set(key, pick);
      // The same seed gives every model the same initial weights and the same batch order.
      for (const m of r.models) m.trainer = new Trainer(data, msg.config, m.params);
      msg.resume?.models.forEach((cp, i) => {
        const m = r.models[i];
        if (!m?.trainer) return;
        m.trainer.restore(cp);
        m.diverged = cp.diverged;
      });
      r.lastCheckpointAt = now();
      post({ type: 'ready', runId: r.id, info: first.trainer!.info, backend: pick.backend, backendReport: pick.report });
      emitFrames(r);
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
      case 'setParams': {
        const targets = msg.model === undefined ? r.models : r.models.slice(msg.model, msg.model + 1);
        for (const m of targets) {
          m.params = { ...m.params, ...msg.params };
          m.trainer?.setParams(msg.params);
        }
        if (ready(r) && !r.playing) emitFrames(r); // paused: show what the new settings draw
        break;
      }
      case 'pace':
        r.pace = msg.speed;
        // A faster pace takes effect now, not after the wait the slower one set.
        r.nextStepAt = Math.min(r.nextStepAt, now() + (msg.speed > 0 ? 1000 / msg.speed : 0));
        if (ready(r) && r.playing) schedule();
        break;
      case 'play':
        if (r.state === 'diverged' || r.state === 'error') break;
        r.playing = true;
        if (ready(r)) {
          setState(r, 'running');
          schedule();
        }
        break;
      case 'pause':
        r.playing = false;
        // The frame first: the page then reports "paused" with the step it paused at.
        if (ready(r)) emitFrames(r);
        if (ready(r) && r.state !== 'diverged') setState(r, 'paused');
        break;
      case 'step':
        if (r.state === 'diverged' || r.state === 'error') break;
        r.playing = false;
        r.pendingSteps += Math.max(1, Math.min(10_000, Math.floor(msg.n)));
        if (ready(r)) {
          setState(r, 'paused');
          schedule();
        }
        break;
      case 'weights': {
        const models = r.models.map((m) => ({ step: m.trainer?.step ?? 0, tensors: m.trainer?.weights() ?? [] }));
        post(
          { type: 'weights', runId: r.id, requestId: msg.requestId, models },
          models.flatMap((m) => m.tensors.map((t) => t.values.buffer as ArrayBuffer)),
        );
        break;
      }
      case 'ping':
        post({ type: 'pong', runId: r.id });
        break;
      case 'checkpointNow':
        if (ready(r)) emitCheckpoint(r);
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

  return { handle };
}
