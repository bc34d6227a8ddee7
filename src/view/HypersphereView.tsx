import { PerformanceMonitor } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { memo, useCallback, useRef, useState } from 'react';
import { AdaptiveResolution } from './AdaptiveResolution';
import { Scene, type ViewProps } from './Scene';
import { useViewName } from './useViewName';
import { OrbitButtons } from './OrbitButtons';
import type { CameraMove } from './cameraMoves';
import { detectSoftwareRenderer } from '../env/renderer';
import { hasWebGL } from './webgl';


/**
 * The canvas: a perspective, orbitable sphere in 3-D, an orthographic circle in 2-D. Antialiasing
 * turns itself off when the frame rate stays below 50 fps; a lost WebGL context is remounted when
 * the browser restores it; no WebGL at all gets a message.
 */
export const HypersphereView = memo(function HypersphereView({ slot, params, theme, dim, classes, reducedMotion, running, cue, link, panel, capture, captureId }: ViewProps & { running: boolean }) {
  // Frame rates measured while the canvas draws on demand (paused, idle) say nothing of its speed.
  const measuring = useRef(running);
  measuring.current = running;
  const [webgl] = useState(hasWebGL);
  // Antialiasing by supersampling: render at 2× (or the screen's own ratio when higher) and let
  // the browser average it down. It turns off, without recreating the context, when the frame
  // rate stays under 50 fps while training: the pixel ratio drops to the screen's. A software
  // renderer (no GPU: every pixel costs CPU that training needs) starts without it.
  const screenDpr = window.devicePixelRatio || 1;
  const [software] = useState(() => (webgl ? detectSoftwareRenderer() : undefined));
  const [dpr, setDpr] = useState(software ? screenDpr : Math.max(2, screenDpr));
  const [softScale, setSoftScale] = useState(1);
  const antialias = dpr > screenDpr;
  const [generation, setGeneration] = useState(0);
  const [lost, setLost] = useState(false);
  const tip = useRef<HTMLDivElement>(null);
  const { canvasRef, nameCanvas } = useViewName(params, classes, dim, slot, panel);
  const stepOrbit = useRef<((move: CameraMove) => void) | null>(null);

  const onCreated = useCallback(({ gl }: { gl: { domElement: HTMLCanvasElement } }) => {
    const el = gl.domElement;
    el.addEventListener('webglcontextlost', (e) => {
      // A canvas being unmounted (R3F forces its context loss) is not a loss to report.
      if (!el.isConnected) return;
      e.preventDefault(); // allow the browser to restore it
      setLost(true);
    });
    el.addEventListener('webglcontextrestored', () => {
      setLost(false);
      setGeneration((g) => g + 1);
    });
    el.dataset.ready = '1';
    // The picture, named for a screen reader (the name follows the run: useViewName).
    el.setAttribute('role', 'img');
    canvasRef.current = el;
    nameCanvas();
  }, [canvasRef, nameCanvas]);

  if (!webgl) {
    return (
      <div className="view-fallback" role="alert">
        This browser has no WebGL, so the sphere cannot be drawn. Training still runs: the numbers below are live.
        Try a current Chrome, Firefox or Safari, or enable hardware acceleration.
      </div>
    );
  }
  const camera3 = { position: [1.2, 1.0, 4.0] as [number, number, number], fov: 40, near: 0.05, far: 50 };
  const camera2 = { position: [0, 0, 5] as [number, number, number], zoom: 100, near: 0.1, far: 50 };
  return (
    <div className="view" data-dim={dim} data-antialias={antialias ? '1' : '0'} data-renderer={software ? 'software' : 'gpu'} data-resolution={software ? softScale : 1}>
      <Canvas
        key={`${dim}-${generation}`}
        orthographic={dim === 2}
        camera={dim === 2 ? camera2 : camera3}
        dpr={software && !link ? dpr * softScale : dpr}
        frameloop="demand"
        gl={{ antialias: false, alpha: false, powerPreference: 'high-performance' }}
        onCreated={onCreated}
      >
        <color attach="background" args={[theme.background]} />
        {/* Compare panels draw once per frame, not continuously: there is no frame rate to adapt to. */}
        {software && !link && <AdaptiveResolution running={running} scale={softScale} setScale={setSoftScale} />}
        <PerformanceMonitor
          bounds={() => [50, 1000]}
          ms={400}
          iterations={10}
          threshold={0.8}
          flipflops={1}
          onDecline={() => {
            if (measuring.current) setDpr(screenDpr);
          }}
        >
          <Scene slot={slot} params={params} theme={theme} dim={dim} classes={classes} reducedMotion={reducedMotion} tip={tip} lowPower={software !== undefined} cue={cue} link={link} panel={panel} running={running} capture={capture} captureId={captureId} stepOrbit={stepOrbit} />
        </PerformanceMonitor>
      </Canvas>
      <div ref={tip} className="hover-tip" data-testid="hover-tip" hidden />
      {dim === 3 && !link && <OrbitButtons apply={stepOrbit} />}
      {lost && <div className="view-overlay">The graphics context was lost; restoring…</div>}
    </div>
  );
});
