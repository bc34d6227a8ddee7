import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';

interface Props {
  /** Whether training runs (frames are drawn continuously and compete with it for the CPU). */
  running: boolean;
  /** The resolution scale in force, and its setter (1: the screen's pixel ratio). */
  scale: number;
  setScale: (s: number) => void;
}

const WINDOW_MS = 1000;
const MIN_SCALE = 0.5;
/** Keep at least this share of the frame rate the view reaches when nothing trains. */
const TARGET_SHARE = 0.9;
/** Assumed paused frame rate (a 60 Hz display) until one is measured. */
const DEFAULT_PAUSED_FPS = 60;

/**
 * A software renderer draws every pixel on the CPU that training also needs. While training,
 * this lowers the internal resolution (down to half) whenever the frame rate falls under 90 % of
 * the rate measured while paused, and raises it again when there is room; paused, the view is
 * drawn at full resolution. Measured over one-second windows of continuously drawn frames.
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
    const target = TARGET_SHARE * pausedFps.current;
    const s = current.current;
    if (fps < target && s > MIN_SCALE) setScale(Math.max(MIN_SCALE, Math.round((s - 0.1) * 100) / 100));
    else if (fps > 1.08 * target && s < 1) setScale(Math.min(1, Math.round((s + 0.05) * 100) / 100));
  });
  return null;
}
