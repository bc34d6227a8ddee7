import { PerformanceMonitor } from '@react-three/drei';
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';

/** A canvas's supersampling: its pixel ratio, whether that is above the screen's, and what its monitor needs. */
export interface Supersampling {
  dpr: number;
  antialias: boolean;
  measuring: RefObject<boolean>;
  drop: () => void;
}

/**
 * Antialiasing by supersampling: render at 2× (or the screen's own ratio when higher) and let the
 * browser average it down; a software renderer (no GPU: every pixel costs CPU that training
 * needs) starts without it. `running`: frame rates measured while the canvas draws on demand
 * (paused, idle) say nothing of its speed.
 */
export function useSupersampling(software: boolean, running: boolean): Supersampling {
  const measuring = useRef(running);
  measuring.current = running;
  const screenDpr = window.devicePixelRatio || 1;
  const [dpr, setDpr] = useState(software ? screenDpr : Math.max(2, screenDpr));
  const drop = useCallback(() => setDpr(screenDpr), [screenDpr]);
  return { dpr, antialias: dpr > screenDpr, measuring, drop };
}

/**
 * Supersampling's guard: drops to the screen's pixel ratio (without recreating the context) when
 * the frame rate stays under 50 fps while measuring (training).
 */
export function SupersampleMonitor({
  supersampling: { measuring, drop },
  children,
}: {
  supersampling: Supersampling;
  children: ReactNode;
}) {
  return (
    <PerformanceMonitor
      bounds={() => [50, 1000]}
      ms={400}
      iterations={10}
      threshold={0.8}
      flipflops={1}
      onDecline={() => {
        if (measuring.current) drop();
      }}
    >
      {children}
    </PerformanceMonitor>
  );
}
