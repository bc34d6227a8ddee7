import { useEffect, useRef, useState } from 'react';
import { nextScale } from './resolutionStep';

const WINDOW_MS = 1000;
/** The page's frame rate paused until one is measured (a 60 Hz display). */
const DEFAULT_IDLE_FPS = 60;

/**
 * Compare mode's adaptive resolution on a software renderer (nextScale). Its panels draw on
 * demand, a few times a second, so the signal is the page's own frame rate (requestAnimationFrame
 * over one-second windows): while training it is held at 90 % of the rate measured while paused,
 * by drawing the shared canvas at a lower resolution (down to half); paused, at full resolution.
 * Returns the scale (1: the screen's pixel ratio); always 1 when not `enabled`.
 */
export function usePageRateScale(enabled: boolean, running: boolean): number {
  const [scale, setScale] = useState(1);
  const idleFps = useRef(DEFAULT_IDLE_FPS);
  const current = useRef(scale);
  current.current = scale;
  useEffect(() => {
    if (!enabled) return;
    if (!running) setScale(1);
    let raf = 0;
    let start = 0;
    let frames = 0;
    const tick = (now: number) => {
      raf = requestAnimationFrame(tick);
      if (start === 0) start = now;
      frames++;
      if (now - start < WINDOW_MS) return;
      const fps = (frames * 1000) / (now - start);
      start = now;
      frames = 0;
      if (!running) idleFps.current = 0.7 * idleFps.current + 0.3 * fps;
      else {
        const next = nextScale(current.current, fps, idleFps.current);
        if (next !== current.current) setScale(next);
      }
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [enabled, running]);
  return enabled ? scale : 1;
}
