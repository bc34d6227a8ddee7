import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { ThemeColors } from '../style/palette';
import { makeRegionUniforms, regionGlsl, regionKey, setRegionUniforms, type RegionShader } from './regionUniforms';
import type { ViewState } from '../frame/viewState';
import { landscapeClass, landscapeGlsl, type LandscapeShader } from './landscapeGlsl';
import { makeLandscapeUniforms, setLandscapeUniforms } from './landscapeUniforms';

/** The region map is baked into an equirectangular texture this size, matching SphereGeometry's UVs. */
const BAKE_W = 512;
const BAKE_H = 256;
/** Re-bake at most this often while training, and only when W or the loss moved visibly. */
const MAX_BAKE_HZ = 8;
/** On a software renderer the bake is a CPU cost per pixel: at most this often. */
const LOW_POWER_BAKE_HZ = 3;
const MOVE_EPS = 1e-4; // ≈ 0.8° of rotation in a weight direction (1 − cos)

const bakeVertex = /* glsl */ `
  varying vec2 vUv;
  void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }
`;

/** Region colours (or the loss landscape), pale margin zones and boundary lines for every direction of the equirect map. */
function bakeFragment(classes: number, shader: RegionShader, regions: boolean, margins: boolean, land: LandscapeShader | null): string {
  return /* glsl */ `
  ${regionGlsl(classes, shader)}
  ${land ? landscapeGlsl(land) : ''}
  #define SHOW_LANDSCAPE ${land ? 1 : 0}
  #define SHOW_REGIONS ${regions && !land ? 1 : 0}
  #define SHOW_MARGINS ${margins && !land ? 1 : 0}
  #define SHOW_LINES ${regions || margins || land ? 1 : 0}
  #define SHOW_CAPS ${shader.caps && margins ? 1 : 0}
  uniform vec3 uBase, uMarginColor, uLine;
  varying vec2 vUv;
  void main() {
    // SphereGeometry: u → φ = 2πu, v = 1 − uv.y → θ = πv; n = (−cos φ sin θ, cos θ, sin φ sin θ).
    float phi = 2.0 * PI * vUv.x;
    float theta = PI * (1.0 - vUv.y);
    vec3 n = vec3(-cos(phi) * sin(theta), cos(theta), sin(phi) * sin(theta));
    vec3 col = uBase;
  #if SHOW_LANDSCAPE
    // The loss a feature of the chosen class would incur here, in place of the region colours.
    col = landscapeColor(n);
  #endif
  #if SHOW_LINES
    vec3 classCol;
    vec2 k = classify(n, classCol);
    #if SHOW_REGIONS
      col = mix(uBase, classCol, 0.62);
    #endif
    #if SHOW_MARGINS
      // A margin zone keeps a pale wash of its region's class, greyed: visible as a band along
      // every boundary without outweighing the regions it separates.
      if (k.x < 0.5) col = mix(mix(uBase, classCol, SHOW_REGIONS == 1 ? 0.2 : 0.0), uMarginColor, 0.35);
    #endif
    #if NUM_CLASSES > 1
      // Boundary lines about 1.2° wide (k.y is the angle to the nearest boundary).
      col = mix(col, uLine, 0.85 * (1.0 - smoothstep(0.008, 0.013, k.y)));
    #endif
  #endif
  #if SHOW_CAPS && !SHOW_LANDSCAPE
    // Each class's own cap edge, a ring in its colour, darkened: where the caps overlap, both rings show.
    float capAngle = acos(clamp(uLoss.x, -1.0, 1.0));
    for (int j = 0; j < NUM_CLASSES; j++) {
      float d = abs(acos(clamp(dot(n, uW[j]), -1.0, 1.0)) - capAngle);
      col = mix(col, uColor[j] * 0.7, 0.9 * (1.0 - smoothstep(0.007, 0.013, d)));
    }
  #endif
    // Stored in the output's sRGB encoding: the sphere drawn each frame then needs no conversion per pixel.
    gl_FragColor = sRGBTransferOETF(vec4(col, 1.0));
  }
`;
}

const sphereVertex = /* glsl */ `
  varying vec2 vUv;
  varying float vShade;
  void main() {
    vUv = uv;
    // The shading, per vertex and in the sRGB encoding the baked map is stored in (≈ shade^(1/2.2)).
    float facing = clamp(normalize(normalMatrix * normal).z, 0.0, 1.0);
    vShade = pow(0.72 + 0.28 * facing, 1.0 / 2.2);
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }
`;

const sphereFragment = /* glsl */ `
  uniform sampler2D uMap;
  uniform float uOpacity;
  varying vec2 vUv;
  varying float vShade;
  void main() {
    // The map is already sRGB-encoded (bakeFragment): one lookup and a multiply a pixel.
    gl_FragColor = vec4(texture2D(uMap, vUv).rgb * vShade, uOpacity);
  }
`;

interface Props {
  vs: ViewState;
  theme: ThemeColors;
  showRegions: boolean;
  showMargins: boolean;
  classes: number;
  /** The loss's shader variant (regionShader). */
  shader: RegionShader;
  /** A software renderer: bake less often. */
  lowPower: boolean;
  /** A small view among several (compare mode): a half-size map, baked half as often. */
  compact?: boolean;
  /** Training: new frames keep coming, and the next one bakes what had to wait. */
  running: boolean;
  /** The loss landscape of one class (or of the hovered point's), drawn instead of the region colours (null: off). */
  landscape: { shader: LandscapeShader; key: string; cls: number | 'hover' } | null;
}

/** Whether the region model or weights moved enough since the last bake to redraw the map. */
function changed(prev: { w: Float32Array; key: string }, w: Float32Array, key: string): boolean {
  if (key !== prev.key || w.length !== prev.w.length) return true;
  for (let j = 0; j + 2 < w.length; j += 3) {
    const dot = w[j]! * prev.w[j]! + w[j + 1]! * prev.w[j + 1]! + w[j + 2]! * prev.w[j + 2]!;
    if (1 - dot > MOVE_EPS) return true;
  }
  return false;
}

/**
 * The unit sphere coloured by the class whose weight is nearest in angle, margin zones grey,
 * boundaries drawn. The map is baked into a texture only when the weights or the loss move
 * (≤ 8 Hz), so drawing the sphere each frame costs one texture lookup per pixel.
 */
export function SphereRegions({
  vs,
  theme,
  showRegions,
  showMargins,
  classes,
  shader,
  lowPower,
  compact = false,
  running,
  landscape,
}: Props) {
  const bakeHz = (lowPower ? LOW_POWER_BAKE_HZ : MAX_BAKE_HZ) / (compact ? 2 : 1);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const mesh = useRef<THREE.Mesh>(null);
  const uniforms = useMemo(() => ({ ...makeRegionUniforms(), ...makeLandscapeUniforms() }), []);
  // The landscape's shader costs a software renderer several times the regions': its smooth colours
  // bake at half the size there.
  const coarse = lowPower && landscape !== null;
  const target = useMemo(() => {
    const k = (compact ? 2 : 1) * (coarse ? 2 : 1);
    const t = new THREE.WebGLRenderTarget(BAKE_W / k, BAKE_H / k, { depthBuffer: false, generateMipmaps: false });
    t.texture.wrapS = THREE.RepeatWrapping;
    t.texture.minFilter = THREE.LinearFilter;
    t.texture.colorSpace = THREE.NoColorSpace;
    return t;
  }, [compact, coarse]);
  const { raw, margin, caps } = shader;
  const land = landscape?.shader ?? null;
  const bake = useMemo(() => {
    const material = new THREE.ShaderMaterial({
      vertexShader: bakeVertex,
      fragmentShader: bakeFragment(classes, { raw, margin, caps }, showRegions, showMargins, land),
      uniforms,
      depthTest: false,
      depthWrite: false,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), material);
    const scene = new THREE.Scene();
    scene.add(quad);
    return { scene, quad, material, camera: new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1) };
  }, [uniforms, classes, raw, margin, caps, showRegions, showMargins, land]);
  const material = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader: sphereVertex,
        fragmentShader: sphereFragment,
        uniforms: { uMap: { value: target.texture }, uOpacity: { value: 0.8 } },
        transparent: true,
        depthWrite: false,
      }),
    [target],
  );
  // Software renderers pay for every vertex on the CPU: a coarser mesh, the same texture.
  const geometry = useMemo(() => (lowPower ? new THREE.SphereGeometry(1, 48, 32) : new THREE.SphereGeometry(1, 128, 96)), [lowPower]);
  const last = useRef({ w: new Float32Array(0), key: '', at: 0 });
  /** A frame asked for when a bake had to wait for its turn. */
  const retry = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(retry.current), []);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => target.dispose(), [target]);
  useEffect(
    () => () => {
      bake.material.dispose();
      bake.quad.geometry.dispose();
    },
    [bake],
  );
  useEffect(() => {
    uniforms.uBase.value.set(theme.sphere);
    uniforms.uMarginColor.value.set(theme.margin);
    uniforms.uLine.value.set(theme.line);
    last.current.key = ''; // force a re-bake, on a frame drawn after this change
    invalidate();
  }, [theme, uniforms, bake, invalidate]);

  useFrame(() => {
    mesh.current?.scale.setScalar(vs.radius * 0.985);
    const C = vs.info?.numClasses ?? 0;
    const r = vs.regions;
    if (!r || C === 0 || vs.wDirs.length < 3 * Math.min(C, classes)) return;
    const now = performance.now();
    // The landscape follows every frame (its W, norms and bias) and the class shown.
    const cls = landscapeClass(vs, landscape?.cls ?? 0);
    const key = `${regionKey(r, true)}${landscape ? `|${landscape.key}|${cls}|${vs.serial}` : ''}`;
    if (!changed(last.current, vs.wDirs, key)) return;
    // Too soon after the last bake. While training the next frame bakes it; paused, come back for
    // it (the canvas draws on demand: a stale map would stay, e.g. after regions are switched off).
    const wait = 1000 / bakeHz - (now - last.current.at);
    if (wait > 0) {
      if (!running && retry.current === undefined)
        retry.current = window.setTimeout(() => ((retry.current = undefined), invalidate()), wait);
      return;
    }
    setRegionUniforms(uniforms, r, vs.wDirs, C);
    if (landscape && vs.frame && vs.info) setLandscapeUniforms(uniforms, vs.frame, vs.info.dim, vs.featureNorm, cls);
    const prev = gl.getRenderTarget();
    gl.setRenderTarget(target);
    gl.render(bake.scene, bake.camera);
    gl.setRenderTarget(prev);
    last.current = { w: Float32Array.from(vs.wDirs), key, at: now };
  });

  // Drawn after the points (which write depth): it veils the far hemisphere, not the near one.
  return <mesh ref={mesh} geometry={geometry} material={material} renderOrder={2} />;
}
