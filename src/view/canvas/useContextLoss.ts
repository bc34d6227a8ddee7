import { useCallback, useState } from 'react';

/**
 * A canvas's WebGL context, lost and restored: `lost` while it is gone, `generation` counts the
 * restorations (key the Canvas on it: the scene is built again on the new context), and `watch`
 * listens on a new canvas. A canvas being unmounted (R3F forces its context loss) is no loss.
 */
export function useContextLoss(): { lost: boolean; generation: number; watch: (canvas: HTMLCanvasElement) => void } {
  const [generation, setGeneration] = useState(0);
  const [lost, setLost] = useState(false);
  const watch = useCallback((el: HTMLCanvasElement) => {
    el.addEventListener('webglcontextlost', (e) => {
      if (!el.isConnected) return;
      e.preventDefault(); // allow the browser to restore it
      setLost(true);
    });
    el.addEventListener('webglcontextrestored', () => {
      setLost(false);
      setGeneration((g) => g + 1);
    });
  }, []);
  return { lost, generation, watch };
}
