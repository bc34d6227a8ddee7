import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { nextScale } from './resolutionStep';

interface Props {
  /** Whether training runs (frames are drawn continuously and compete with it for the CPU). */
  running: boolean;
  /** The resolution scale in force, and its setter (1: the screen's pixel ratio). */
  scale: number;
  setScale: (s: number) => void;
}

const WINDOW_MS = 1000;
/** Assumed paused frame rate (a 60 Hz display) until one is measured. */
const DEFAULT_PAUSED_FPS = 60;

/**
 * The single view's adaptive resolution on a software renderer (nextScale): while training, the
 * internal resolution follows the frame rate against the rate measured while paused; paused, the
 * view is drawn at full resolution. Measured over one-second windows of continuously drawn frames.
 */
export function AdaptiveResolution({ running, scale, setScale }: Props) {
  const win = useRef({ start: 0, frames: 0, last: 0 });
  const pausedFps = useRef(DEFAULT_PAUSED_FPS);
  const current = useRef(scale);
  current.current = scale;

  useEffect(() => {
    win.current = { start: 0, frames: 0, last: 0 };
    if (!running && current.current !== 1) setScale(1);
  }, [running, setScale]);

  useFrame(() => {
    const now = performance.now();
    const w = win.current;
    // A gap of over 250 ms means the canvas was idle (drawing on demand): start a new window.
    if (w.start === 0 || now - w.last > 250) {
      win.current = { start: now, frames: 0, last: now };
      return;
    }
    w.frames++;
    w.last = now;
    if (now - w.start < WINDOW_MS) return;
    const fps = (w.frames * 1000) / (now - w.start);
    win.current = { start: now, frames: 0, last: now };
    if (!running) {
      pausedFps.current = 0.7 * pausedFps.current + 0.3 * fps;
      return;
    }
    const next = nextScale(current.current, fps, pausedFps.current);
    if (next !== current.current) setScale(next);
  });
  return null;
}
