import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { pointScale } from '../style/panelFit';
import { classColor, classShapeIndex } from '../style/palette';
import { colorIndex, labelsOf, type PointSet, type ViewState } from '../frame/viewState';

const vertexShader = /* glsl */ `
  attribute vec3 fromPos;
  attribute vec3 color;
  attribute float mark;
  attribute float shape;
  uniform float uSize;
  uniform float uPixelRatio;
  uniform float uEase;
  uniform float uRadius;
  uniform float uOnSphere;
  varying vec3 vColor;
  varying float vMark;
  varying float vShape;
  varying float vAa;
  void main() {
    // Colours arrive already in the output's sRGB encoding (set on the CPU): a software renderer
    // pays for every per-pixel conversion, and the mix of a rim over a 8-pixel disc looks the same.
    vColor = color;
    vMark = mark;
    vShape = shape;
    // The easing between two frames, on the GPU: \`position\` is the last frame's, fromPos where
    // the point was drawn when it arrived; on the sphere the mix is put back on it.
    vec3 p = mix(fromPos, position, uEase);
    float n = length(p);
    if (uOnSphere > 0.5 && n > 1e-9) p *= uRadius / n;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
    gl_PointSize = uSize * uPixelRatio;
    // One pixel of the marker in its own coordinates (−1…1): the edges' anti-aliasing width,
    // what fwidth(r) gives, without screen-space derivatives per pixel.
    vAa = 2.0 / max(1.0, gl_PointSize);
  }
`;

const fragmentShader = /* glsl */ `
  uniform float uHollow;
  uniform vec3 uEdge;
  uniform vec3 uMarkColor;
  varying vec3 vColor;
  varying float vMark;
  varying float vShape;
  varying float vAa;
  void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    // The marker's shape as a distance: a disc, or a diamond (classes 8–14) of the same width.
    float r = vShape > 0.5 ? abs(p.x) + abs(p.y) : length(p);
    float aa = vAa;
    float disc = 1.0 - smoothstep(1.0 - aa, 1.0, r);
    if (disc <= 0.0) discard;
    // A thin dark rim keeps overlapping points readable; hollow points are rings: test points a
    // thick ring, held-out classes (uHollow 2) a thinner ring inside a dark rim, larger.
    float inner = uHollow > 1.5 ? 0.55 : 0.62;
    float ring = smoothstep(inner - aa, inner, r);
    // The rim is the theme's line colour (dark on the light theme, light on the dark one): a yellow or
    // sky-blue point keeps a 3:1 edge against any background (WCAG 1.4.11).
    float rim = uHollow > 1.5 ? smoothstep(0.82, 0.9, r) : 0.8 * smoothstep(0.74, 0.86, r);
    vec3 col = mix(vColor, uEdge, rim);
    // A marked point (CurricularFace: it has a hard negative) carries a dark centre: a shape, not a colour.
    if (vMark > 0.5) col = mix(col, uMarkColor, 1.0 - smoothstep(0.38 - aa, 0.38, r));
    float alpha = uHollow > 0.5 ? disc * ring : disc;
    if (alpha < 0.02) discard;
    gl_FragColor = vec4(col, alpha);
  }
`;

/** Point size in CSS pixels: large for a lecture hall, smaller as the cloud gets dense. */
export function pointSize(n: number): number {
  return n <= 1500 ? 9 : n <= 5000 ? 7 : n <= 12000 ? 5 : 4;
}

const origin = new THREE.Vector3();
const HOLLOW: Record<PointSet, number> = { train: 0, test: 1, heldout: 2 };
const SIZE: Record<PointSet, number> = { train: 1, test: 1.15, heldout: 1.5 };

interface Props {
  vs: ViewState;
  which: PointSet;
  edge: string;
  /** The colour of the centre dot on marked points (the training points with a hard negative). */
  markColor?: string;
  /** A factor on the point size (the projector theme's). */
  sizeScale?: number;
  onHover?: (index: number | null, which: PointSet, e: ThreeEvent<PointerEvent> | null) => void;
}

/**
 * Every feature of one point set as round points in its class colour. Colours and shapes are
 * uploaded once a run; positions once a frame arrives (two buffers); the easing between frames is
 * one uniform a draw.
 */
export function FeaturePoints({ vs, which, edge, markColor = '#000000', sizeScale = 1, onHover }: Props) {
  const ref = useRef<THREE.Points>(null);
  const seen = useRef({ version: -1, count: -1, labels: null as Int32Array | null, marks: null as Uint8Array | null });
  const geometry = useMemo(() => new THREE.BufferGeometry(), []);
  const bound = useMemo(() => new THREE.Sphere(), []);
  const material = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader,
        fragmentShader,
        transparent: true,
        depthWrite: true,
        uniforms: {
          uSize: { value: 8 },
          uPixelRatio: { value: 1 },
          uEase: { value: 1 },
          uRadius: { value: 1 },
          uOnSphere: { value: 1 },
          uHollow: { value: HOLLOW[which] },
          uEdge: { value: new THREE.Color(edge).convertLinearToSRGB() },
          uMarkColor: { value: new THREE.Color(markColor).convertLinearToSRGB() },
        },
      }),
    [which, edge, markColor],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);

  useFrame((state) => {
    const info = vs.info;
    const labels = info && labelsOf(info, which);
    const pos = vs.to[which];
    if (!info || !labels || pos.length !== labels.length * 3) return;
    const s = seen.current;
    if (s.labels !== labels || s.count !== labels.length) {
      // A new run: fresh buffers sized to it, colours from the labels.
      geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(pos.length), 3).setUsage(THREE.DynamicDrawUsage));
      geometry.setAttribute('fromPos', new THREE.BufferAttribute(new Float32Array(pos.length), 3).setUsage(THREE.DynamicDrawUsage));
      const colors = new Float32Array(pos.length);
      const c = new THREE.Color();
      labels.forEach((y, i) => {
        c.set(classColor(colorIndex(info, which, y)))
          .convertLinearToSRGB()
          .toArray(colors, 3 * i);
      });
      geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
      geometry.setAttribute(
        'shape',
        new THREE.BufferAttribute(
          Float32Array.from(labels, (y) => classShapeIndex(colorIndex(info, which, y))),
          1,
        ),
      );
      geometry.setAttribute('mark', new THREE.BufferAttribute(new Float32Array(labels.length), 1).setUsage(THREE.DynamicDrawUsage));
      s.marks = null;
      s.labels = labels;
      s.count = labels.length;
      s.version = -1;
    }
    // Smaller in a small compare panel, larger on a large screen (panelFit.ts).
    material.uniforms.uSize!.value = pointSize(labels.length) * SIZE[which] * sizeScale * pointScale(state.size.width, state.size.height);
    material.uniforms.uPixelRatio!.value = state.gl.getPixelRatio();
    material.uniforms.uEase!.value = vs.ease;
    material.uniforms.uRadius!.value = vs.radius;
    material.uniforms.uOnSphere!.value = vs.onSphere ? 1 : 0;
    const marks = which === 'train' ? vs.hard : null;
    if (marks !== s.marks) {
      const attr = geometry.getAttribute('mark') as THREE.BufferAttribute;
      const a = attr.array as Float32Array;
      for (let i = 0; i < a.length; i++) a[i] = marks?.[i] ?? 0;
      attr.needsUpdate = true;
      s.marks = marks;
    }
    if (s.version !== vs.version) {
      // The raycaster (hover) reads \`position\`: the last frame's, at most one frame's move ahead of the drawing.
      for (const [name, values] of [
        ['position', pos],
        ['fromPos', vs.from[which]],
      ] as const) {
        const attr = geometry.getAttribute(name) as THREE.BufferAttribute;
        (attr.array as Float32Array).set(values);
        attr.needsUpdate = true;
      }
      // Every point lies within the reference radius (raw mode: within its fitted scale), so a
      // fixed bound serves raycasting without an O(n) pass per frame.
      geometry.boundingSphere = bound.set(origin, Math.max(1.05, vs.radius * 1.6));
      s.version = vs.version;
    }
  });

  return (
    <points
      ref={ref}
      geometry={geometry}
      material={material}
      renderOrder={which === 'train' ? 0 : which === 'test' ? 1 : 2}
      onPointerMove={onHover ? (e) => onHover(e.index ?? null, which, e) : undefined}
      onPointerOut={onHover ? () => onHover(null, which, null) : undefined}
    />
  );
}
