import { PerformanceMonitor } from '@react-three/drei';
import type { ReactNode, RefObject } from 'react';

/**
 * Supersampling's guard: calls `drop` (back to the screen's pixel ratio, without recreating the
 * context) when the frame rate stays under 50 fps while `measuring` (training: a canvas drawing on
 * demand while paused or idle has no frame rate to judge).
 */
export function SupersampleMonitor({ measuring, drop, children }: { measuring: RefObject<boolean>; drop: () => void; children: ReactNode }) {
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
