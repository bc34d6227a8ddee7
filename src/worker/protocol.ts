// The page ⇄ worker wire format: its types and constants. It imports only types, so the page never pulls in tfjs.
import type { CustomData } from '../data/csv';
import type { BackendName, LiveParams, StructuralConfig } from '../train/config';
import type { Frame, NamedTensor, RunInfo } from '../train/frame';
import type { RunCheckpoint } from '../train/checkpoint';

/** loading: building data/backend; running/paused: trainer alive; diverged: paused on NaN/Inf; error: no trainer. */
export type RunState = 'loading' | 'running' | 'paused' | 'diverged' | 'error';

/** Commands to the worker. Every message names its run; the worker ignores other runs' messages. */
export type ToWorker =
  | {
      type: 'init';
      runId: number;
      config: StructuralConfig;
      /** One model per entry (compare mode: 2–6), each its own loss settings on the same data, initialisation and batches. */
      models: LiveParams[];
      /** Start playing as soon as the run is ready. */
      play: boolean;
      /** Steps a second for the whole run (every model steps together); 0: as fast as it can. */
      pace: number;
      /** Base URL the static assets (the MNIST file) are served under. */
      assetBase: string;
      /** The user's data, when config.dataset is 'custom'. */
      custom?: CustomData;
      /** Resume every model from this checkpoint (a restart after the worker died), not from step 0. */
      resume?: RunCheckpoint;
    }
  /** New live settings for one model, or (model absent) for every model. */
  | { type: 'setParams'; runId: number; params: Partial<LiveParams>; model?: number }
  /** The run's pace, steps a second (0: full speed), from its next step. */
  | { type: 'pace'; runId: number; speed: number }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number; n: number }
  | { type: 'snapshotRate'; runId: number; hz: number }
  /** Asks for every model's learned tensors (a run file's final weights); the reply carries the same requestId. */
  | { type: 'weights'; runId: number; requestId: number }
  /** Asks for a checkpoint at the step the run stands now (the page is about to stop this worker: an embed hidden for long). */
  | { type: 'checkpointNow'; runId: number }
  /** Are you there? The page's watchdog asks a silent worker once before it calls it dead; answered between steps. */
  | { type: 'ping'; runId: number };

/** A model's snapshot and what it cost the worker, ms. */
export interface ModelFrame {
  model: number;
  frame: Frame;
  snapshotMs: number;
}

/** Reports from the worker, each tagged with the run it belongs to. */
export type FromWorker =
  | { type: 'ready'; runId: number; info: RunInfo; backend: BackendName; backendReport: string }
  /** One snapshot of every live model, taken at the same step (so the panels stay comparable). */
  | { type: 'frames'; runId: number; frames: ModelFrame[] }
  | { type: 'state'; runId: number; state: RunState; message?: string }
  /** One model diverged: it stops; the others go on (the run is 'diverged' once all have). */
  | { type: 'diverged'; runId: number; model: number; step: number; cause: string }
  | { type: 'error'; runId: number; message: string }
  | { type: 'weights'; runId: number; requestId: number; models: { step: number; tensors: NamedTensor[] }[] }
  /** Every model's whole state, about once a second while training: the page keeps the last to restart from. */
  | { type: 'checkpoint'; runId: number; checkpoint: RunCheckpoint }
  /** The answer to a ping: alive, between steps. */
  | { type: 'pong'; runId: number };

/** How often a running worker sends a checkpoint, ms: at most about this much training is lost when it dies. */
export const CHECKPOINT_MS = 1000;

/** Largest snapshot rate the worker honours (frames per second). */
export const MAX_SNAPSHOT_HZ = 30;
