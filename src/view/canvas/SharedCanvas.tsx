import { Canvas } from '@react-three/fiber';
import { SupersampleMonitor, useSupersampling } from './SupersampleMonitor';
import { useCallback, type ReactNode, type RefObject } from 'react';
import { usePageRateScale } from './usePageRateScale';
import { useContextLoss } from './useContextLoss';

interface Props {
  /** The element holding the panels: pointer events are taken from it, and the canvas covers it. */
  eventSource: RefObject<HTMLElement | null>;
  /** Whether training runs (a frame rate measured while the canvas draws on demand says nothing). */
  running: boolean;
  /** A software renderer (no GPU): no supersampling. */
  software: boolean;
  children: ReactNode;
}

/**
 * One WebGL canvas behind all of compare mode's panels: each panel draws into its own rectangle
 * of it (PanelPortal), so the page composites one canvas per frame instead of one per panel. Its
 * transparent pixels show the page between the panels. It keeps its pixels between frames, so a
 * frame draws only the panels that changed (PanelFrames). A lost context is remounted when the
 * browser restores it. Supersampling, as in the single view, turns off under 50 fps; a software
 * renderer trades resolution for the page's frame rate while training (usePageRateScale).
 */
export function SharedCanvas({ eventSource, running, software, children }: Props) {
  const supersampling = useSupersampling(software, running);
  const { lost, generation, watch } = useContextLoss();
  const scale = usePageRateScale(software, running);

  const onCreated = useCallback(
    ({ gl }: { gl: { domElement: HTMLCanvasElement } }) => {
      const el = gl.domElement;
      watch(el);
      el.dataset.ready = '1';
      el.setAttribute('aria-hidden', 'true'); // each panel's element names its picture
    },
    [watch],
  );

  return (
    <>
      <Canvas
        key={generation}
        className="shared-canvas"
        data-renderer={software ? 'software' : 'gpu'}
        data-resolution={scale}
        eventSource={eventSource}
        dpr={supersampling.dpr * scale}
        frameloop="demand"
        gl={{ antialias: false, alpha: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
        style={{ position: 'absolute', inset: 0, pointerEvents: 'none', zIndex: 1 }}
        onCreated={onCreated}
      >
        <SupersampleMonitor supersampling={supersampling}>{children}</SupersampleMonitor>
      </Canvas>
      {lost && <div className="view-overlay">The graphics context was lost; restoring…</div>}
    </>
  );
}
