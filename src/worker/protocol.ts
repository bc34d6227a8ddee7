// The page ⇄ worker wire format (types only, so the page never pulls in tfjs).
import type { CustomData } from '../data/csv';
import type { BackendName, LiveParams, StructuralConfig } from '../train/config';
import type { Frame, RunInfo } from '../train/frame';

/** loading: building data/backend; running/paused: trainer alive; diverged: paused on NaN/Inf; error: no trainer. */
export type RunState = 'loading' | 'running' | 'paused' | 'diverged' | 'error';

/** Commands to the worker. Every message names its run; the worker ignores other runs' messages. */
export type ToWorker =
  | {
      type: 'init';
      runId: number;
      config: StructuralConfig;
      params: LiveParams;
      /** Start playing as soon as the run is ready. */
      play: boolean;
      /** Base URL the static assets (the MNIST file) are served under. */
      assetBase: string;
      /** The user's data, when config.dataset is 'custom'. */
      custom?: CustomData;
    }
  | { type: 'setParams'; runId: number; params: Partial<LiveParams> }
  | { type: 'play'; runId: number }
  | { type: 'pause'; runId: number }
  | { type: 'step'; runId: number; n: number }
  | { type: 'snapshotRate'; runId: number; hz: number };

/** Reports from the worker, each tagged with the run it belongs to. */
export type FromWorker =
  | { type: 'ready'; runId: number; info: RunInfo; backend: BackendName; backendReport: string }
  | { type: 'frame'; runId: number; frame: Frame; snapshotMs: number }
  | { type: 'state'; runId: number; state: RunState; message?: string }
  | { type: 'diverged'; runId: number; step: number; cause: string }
  | { type: 'error'; runId: number; message: string };

/** Largest snapshot rate the worker honours (frames per second). */
export const MAX_SNAPSHOT_HZ = 30;
