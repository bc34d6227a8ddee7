import { Canvas } from '@react-three/fiber';
import type * as THREE from 'three';
import { POINT_PICK } from './style/panelFit';
import { SupersampleMonitor, useSupersampling } from './canvas/SupersampleMonitor';
import { memo, useCallback, useRef, useState } from 'react';
import { AdaptiveResolution } from './canvas/AdaptiveResolution';
import { Scene, type ViewProps } from './Scene';
import { useViewName } from './useViewName';
import { OrbitButtons } from './camera/OrbitButtons';
import type { CameraMove } from './camera/cameraMoves';
import { detectSoftwareRenderer } from '../env/renderer';
import { hasWebGL } from './canvas/webgl';
import { NoWebGL } from './canvas/NoWebGL';
import { useContextLoss } from './canvas/useContextLoss';

/**
 * The single view's canvas (compare mode's panels share one: SharedCanvas): a perspective, orbitable sphere in 3-D, an orthographic circle in 2-D. Antialiasing
 * turns itself off when the frame rate stays below 50 fps; a lost WebGL context is remounted when
 * the browser restores it; no WebGL at all gets a message. Without `canvas` (an embed hidden for
 * long) it holds no canvas, and so no WebGL context.
 */
export const HypersphereView = memo(function HypersphereView({
  slot,
  params,
  theme,
  dim,
  classes,
  reducedMotion,
  running,
  cue,
  capture,
  captureId,
  canvas = true,
  shown = true,
}: Omit<ViewProps, 'link' | 'panel'> & { running: boolean; canvas?: boolean }) {
  const [webgl] = useState(hasWebGL);
  const [software] = useState(() => (webgl ? detectSoftwareRenderer() : undefined));
  // Supersampled, unless the renderer is software or the frame rate stays under 50 fps while training.
  const supersampling = useSupersampling(software !== undefined, running);
  const { dpr, antialias } = supersampling;
  const [softScale, setSoftScale] = useState(1);
  const { lost, generation, watch } = useContextLoss();
  const tip = useRef<HTMLDivElement>(null);
  const { target: named, nameNow } = useViewName(params, classes, dim, slot);
  const stepOrbit = useRef<((move: CameraMove) => void) | null>(null);

  const onCreated = useCallback(
    ({ gl }: { gl: { domElement: HTMLCanvasElement } }) => {
      const el = gl.domElement;
      watch(el);
      el.dataset.ready = '1';
      // The picture, named for a screen reader (the name follows the run: useViewName).
      el.setAttribute('role', 'img');
      named.current = el;
      nameNow();
    },
    [named, nameNow, watch],
  );

  if (!webgl) return <NoWebGL />;
  const camera3 = { position: [1.2, 1.0, 4.0] as [number, number, number], fov: 40, near: 0.05, far: 50 };
  const camera2 = { position: [0, 0, 5] as [number, number, number], zoom: 100, near: 0.1, far: 50 };
  return (
    <div
      className="view"
      data-dim={dim}
      data-antialias={antialias ? '1' : '0'}
      data-renderer={software ? 'software' : 'gpu'}
      data-resolution={software ? softScale : 1}
    >
      {canvas && (
        <Canvas
          key={`${dim}-${generation}`}
          orthographic={dim === 2}
          camera={dim === 2 ? camera2 : camera3}
          dpr={software ? dpr * softScale : dpr}
          frameloop="demand"
          gl={{ antialias: false, alpha: false, powerPreference: 'high-performance' }}
          onCreated={onCreated}
          raycaster={{ params: { Points: { threshold: POINT_PICK } } as THREE.RaycasterParameters }}
        >
          <color attach="background" args={[theme.background]} />
          {software && <AdaptiveResolution running={running} scale={softScale} setScale={setSoftScale} />}
          <SupersampleMonitor supersampling={supersampling}>
            <Scene
              slot={slot}
              params={params}
              theme={theme}
              dim={dim}
              classes={classes}
              reducedMotion={reducedMotion}
              tip={tip}
              lowPower={software !== undefined}
              cue={cue}
              running={running}
              capture={capture}
              captureId={captureId}
              stepOrbit={stepOrbit}
              shown={shown}
            />
          </SupersampleMonitor>
        </Canvas>
      )}
      <div ref={tip} className="hover-tip" data-testid="hover-tip" hidden />
      {dim === 3 && <OrbitButtons apply={stepOrbit} />}
      {lost && <div className="view-overlay">The graphics context was lost; restoring…</div>}
    </div>
  );
});
