import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type * as THREE from 'three';
import type { FrameSlot } from './frame/frameSlot';
import type { Params } from '../params/table';
import { CircleRegions } from './regions/CircleRegions';
import { FeaturePoints } from './marks/FeaturePoints';
import { ForceLines } from './marks/ForceLines';
import { ProbeMarker } from './marks/ProbeMarker';
import { useProbeInput } from './marks/useProbeInput';
import { useHoverTip } from './marks/HoverTip';
import { CenterMarkers, MeanDirections } from './marks/Markers';
import type { ThemeColors } from './style/palette';
import { SphereRegions } from './regions/SphereRegions';
import { regionShader } from './regions/regionUniforms';
import { useLandscape } from './regions/useLandscape';
import { lossDef, lossSpecOf } from '../losses/registry';
import { useCameraAim } from './camera/useCameraAim';
import type { CameraLink } from './camera/cameraLink';
import { useLinkedCamera } from './camera/useLinkedCamera';
import { useOrbit } from './camera/useOrbit';
import { useStepOrbit } from './camera/useStepOrbit';
import type { CameraMove } from './camera/cameraMoves';
import type { CaptureRegistry } from './canvas/capture';
import { useCapture } from './canvas/useCapture';
import type { CueAnchor } from './labels/cueAnchor';
import { TourCue } from './labels/TourCue';
import { ViewState } from './frame/viewState';
import { WeightArrows } from './marks/WeightArrows';
import { SubcenterArrows } from './marks/SubcenterArrows';
import { ClusterCounts } from './labels/ClusterCounts';
import { LabelBoard } from './labels/labelBoard';
import { LabelLayout } from './labels/LabelLayout';
import { fittedFov, viewHalf } from './style/panelFit';

/** Half-extent of the 2-D view's shorter side in world units: the circle fills 80 % of it (panelFit.ts); labels are kept inside by LabelLayout. */
const VIEW_HALF = viewHalf();
const IDLE_BEFORE_ROTATE_MS = 4000;

/** Keeps the orthographic 2-D camera fitted to the canvas (16:9, 4:3, portrait). */
function FitOrtho() {
  const { camera, size } = useThree();
  useEffect(() => {
    if (!('isOrthographicCamera' in camera)) return;
    camera.zoom = Math.min(size.width, size.height) / (2 * VIEW_HALF);
    camera.updateProjectionMatrix();
  }, [camera, size]);
  return null;
}

/** Keeps the 3-D camera's lens fitted to the panel: the sphere fills 80 % of its shorter side, in a wide panel or a tall one. */
function FitPerspective() {
  const { camera, size } = useThree();
  useLayoutEffect(() => {
    if (!('isPerspectiveCamera' in camera)) return;
    const c = camera as THREE.PerspectiveCamera;
    c.fov = fittedFov(size.width, size.height);
    c.aspect = size.width / size.height;
    c.updateProjectionMatrix();
  }, [camera, size]);
  return null;
}

/** What the view draws from: the frame slot, the parameters and the theme. */
export interface ViewProps {
  slot: RefObject<FrameSlot>;
  params: Params;
  theme: ThemeColors;
  dim: 2 | 3;
  classes: number;
  reducedMotion: boolean;
  /** The lecture tour's "notice this" cue, drawn on the view. */
  cue?: { anchor: CueAnchor; label: string };
  /** Compare mode: the cameras of every panel turn together; panel 0 leads (first framing, auto-rotation). */
  link?: CameraLink;
  panel?: number;
  /** Where "Save PNG" and "Record" find this canvas, and under which panel index. */
  capture?: CaptureRegistry;
  captureId?: number;
  /** Whether the page is seen (an embed on a slide not shown is not): shown again, it draws a frame. */
  shown?: boolean;
}

interface Props extends ViewProps {
  /** Filled with the camera's step moves, for the view's orbit buttons. */
  stepOrbit?: RefObject<((move: CameraMove) => void) | null>;
  running: boolean;
  /** A software renderer: cheaper drawing where it does not change the picture. */
  lowPower: boolean;
  tip: RefObject<HTMLDivElement | null>;
  /** The element the picture fills, where its pointer and keys arrive and its frames are counted: the canvas, or a panel's rectangle of a shared one. */
  area?: HTMLElement;
}

/** Everything drawn on the canvas, fed from the frame slot inside useFrame. */
export function Scene({
  slot,
  params,
  theme,
  dim,
  classes,
  reducedMotion,
  tip,
  lowPower,
  cue,
  link,
  panel = 0,
  running,
  capture,
  captureId,
  stepOrbit,
  area: areaProp,
  shown = true,
}: Props) {
  const vs = useMemo(() => new ViewState(), []);
  const board = useMemo(() => new LabelBoard(), []);
  // Compare mode's panels draw each frame once; under reduced motion the points jump to each frame too.
  vs.smooth = link === undefined && !reducedMotion;
  const own = useRef({ lastInteraction: 0 });
  // Linked panels share the time of the last drag: none auto-rotates against a user turning another.
  const touched = link ?? own.current;
  const leads = panel === 0;
  const show = new Set<string>(params.show);

  // The canvas draws on demand: a new frame from the trainer asks for one, and so does anything
  // still moving below (points easing toward the last frame, the camera's first framing,
  // auto-rotation). When nothing moves, nothing is drawn and the page uses no CPU.
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const area = areaProp ?? gl.domElement;
  useEffect(() => {
    const s = slot.current;
    s.notify = () => invalidate();
    invalidate();
    return () => {
      if (s.notify) s.notify = undefined;
    };
  }, [slot, invalidate]);
  // Shown again (a slide come back to), the picture draws: the canvas may have missed a change
  // of size or theme meanwhile, and its frame count starts again from that showing.
  useEffect(() => {
    if (shown) invalidate();
  }, [shown, invalidate]);
  const marked = useRef(false);
  useFrame(() => {
    vs.update(slot.current, params, performance.now());
    if (!marked.current) {
      marked.current = true;
      performance.mark('hypersphere:first-frame'); // read by npm run bench
    }
  }, -1);
  const touch = useCallback(() => (touched.lastInteraction = performance.now()), [touched]);
  const orbit = useOrbit(area, {
    enableRotate: dim === 3,
    minDistance: 1.5,
    maxDistance: 8,
    autoRotateSpeed: 0.6,
    onStart: touch,
    onEnd: touch,
  });
  const aim = useCameraAim(vs, dim === 3 && leads, () => touched.lastInteraction > 0, orbit.moved, reducedMotion);
  useStepOrbit(area, dim === 3, orbit.controls, touch, stepOrbit);
  useFrame(() => {
    const now = performance.now();
    const idle = now - touched.lastInteraction > IDLE_BEFORE_ROTATE_MS;
    // Compare mode turns its panels only while paused: four views redrawn every frame cost a weak
    // laptop its training speed, and a still camera makes the panels easier to compare.
    const rotating = dim === 3 && leads && params.rotate && !reducedMotion && !aim.aiming() && !(link && running);
    orbit.controls.autoRotate = rotating && idle;
    // Linked panels swing toward the first framing only as new frames arrive (no frames of their own).
    if (vs.moving || (aim.swinging() && !link) || rotating) invalidate();
    // For tests and the bench: frames drawn, and whether the picture has come to rest (nothing moves
    // until a new frame or the user's hand moves it: the points eased in, the camera still).
    const moving = vs.moving || (aim.swinging() && !link) || (rotating && idle);
    const el = area.dataset;
    // A panel of a shared canvas counts the frames it is drawn in itself (PanelPortal).
    if (area === gl.domElement) el.frames = String(Number(el.frames ?? 0) + 1);
    const settled = moving || !vs.frame ? '0' : '1';
    if (el.settled !== settled) el.settled = settled;
    // The margin drawn: the one the frame shown was trained with (data-margin, for tests).
    const spec = vs.frame?.spec;
    const margin = spec ? lossDef(spec.kind).train.effectiveMargin(spec).toFixed(4) : '';
    if (el.margin !== margin) el.margin = margin;
  });

  useLinkedCamera(dim === 3 ? link : undefined, panel, orbit.moved);
  useCapture(capture, captureId ?? panel, area);
  const onHover = useHoverTip(vs, tip);
  const spec = lossSpecOf(params, { ramp: 1, lambda: NaN });
  const landscape = useLandscape(vs, area, params.landscape, spec);
  useProbeInput(vs, area, dim);

  return (
    <>
      {dim === 2 ? <FitOrtho /> : <FitPerspective />}
      {dim === 3 ? (
        <SphereRegions
          vs={vs}
          theme={theme}
          showRegions={show.has('regions')}
          showMargins={show.has('margins')}
          classes={classes}
          shader={regionShader(spec)}
          lowPower={lowPower}
          compact={link !== undefined}
          running={running}
          landscape={landscape}
        />
      ) : (
        <CircleRegions vs={vs} theme={theme} showRegions={show.has('regions')} showMargins={show.has('margins')} landscape={landscape} />
      )}
      <FeaturePoints vs={vs} which="train" edge={theme.line} markColor={theme.foreground} sizeScale={theme.sizes.point} onHover={onHover} />
      {params.forces && <ForceLines vs={vs} color={theme.foreground} width={2.2 * theme.sizes.arrow} area={area} />}
      {params.probe && (
        <ProbeMarker
          vs={vs}
          az={params.probeAz}
          el={params.probeEl}
          cls={params.probeClass}
          dim={dim}
          ink={theme.foreground}
          outline={theme.background}
          width={2.6 * theme.sizes.arrow}
          area={area}
        />
      )}
      {show.has('test') && <FeaturePoints vs={vs} which="test" edge={theme.line} sizeScale={theme.sizes.point} onHover={onHover} />}
      {params.showHeldout && (
        <FeaturePoints vs={vs} which="heldout" edge={theme.foreground} sizeScale={theme.sizes.point} onHover={onHover} />
      )}
      {show.has('weights') && (
        <WeightArrows
          vs={vs}
          classes={classes}
          dim={dim}
          outline={theme.background}
          ink={theme.foreground}
          sizes={theme.sizes}
          board={board}
        />
      )}
      {show.has('weights') && <SubcenterArrows vs={vs} dim={dim} thickness={theme.sizes.arrow} />}
      {dim === 2 && <ClusterCounts vs={vs} classes={classes} ink={theme.foreground} outline={theme.background} board={board} />}
      {show.has('means') && <MeanDirections vs={vs} classes={classes} />}
      {(show.has('centers') || lossDef(params.loss).train.centerRate !== undefined) && <CenterMarkers vs={vs} classes={classes} />}
      {cue && (
        <TourCue
          vs={vs}
          anchor={cue.anchor}
          label={cue.label}
          color={theme.foreground}
          outline={theme.background}
          dim={dim}
          board={board}
        />
      )}
      {/* Last: its frame runs after the labels' owners have placed them (remounted when an owner mounts). */}
      <LabelLayout
        key={`${show.has('weights')}|${cue?.label ?? ''}|${dim}`}
        board={board}
        area={area}
        panel={link !== undefined}
        factor={theme.sizes.label}
        ink={theme.foreground}
      />
    </>
  );
}
