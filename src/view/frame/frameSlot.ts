// The hand-off between the trainer's hook and the view: the latest frame, read every animation frame.
import type { Frame, RunInfo } from '../../train/frame';

/** The latest frame with the run facts it belongs to; read by the view every animation frame. */
export interface FrameSlot {
  frame: Frame | null;
  info: RunInfo | null;
  /** performance.now() when the frame arrived, for interpolation. */
  receivedAt: number;
  /** Counts frames, so a reader can tell a new one from the last. */
  serial: number;
  /** Set by the view: called when the slot changes, so a canvas that draws on demand redraws. */
  notify?: () => void;
}
