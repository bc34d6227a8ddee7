import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { classifyDirection } from '../../geometry/regions';
import { classColor, type ThemeColors } from '../style/palette';
import { regionKey } from './regionUniforms';
import { landscapeClass } from './landscapeGlsl';
import { sampleLosses } from '../../losses/probe';
import { headModelOf } from '../../train/headModel';
import { lossPosition, LOSS_RAMP } from '../style/lossRamp';
import type { ViewState } from '../frame/viewState';

const RAMP = LOSS_RAMP.map((c) => new THREE.Color(c));

/** The landscape's colour of a loss (as the sphere's shader mixes it: linearly between the ramp's stops). */
function lossColor(loss: number, out: THREE.Color): THREE.Color {
  const t = lossPosition(loss) * (RAMP.length - 1);
  const i = Math.min(Math.floor(t), RAMP.length - 2);
  return out.copy(RAMP[i]!).lerp(RAMP[i + 1]!, t - i);
}

/** Angular samples around the ring: 0.25° each. */
const SAMPLES = 1440;
const INNER = 1.06;
const OUTER = 1.14;
const RAY_OUT = 1.2;
const RAY_HALF_WIDTH = 0.006;
const MAX_RAYS = 24;

/** The unit circle as a coloured ring: class arcs, grey margin gaps, and boundary rays. */
export function CircleRegions({
  vs,
  theme,
  showRegions,
  showMargins,
  landscape,
}: {
  vs: ViewState;
  theme: ThemeColors;
  showRegions: boolean;
  showMargins: boolean;
  /** The loss landscape of one class (or the hovered point's), drawn on the ring instead of the region colours. */
  landscape: { cls: number | 'hover' } | null;
}) {
  const ring = useMemo(() => {
    const g = new THREE.BufferGeometry();
    const pos = new Float32Array((SAMPLES + 1) * 2 * 3);
    const idx: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const a = 2 * i;
      idx.push(a, a + 1, a + 2, a + 1, a + 3, a + 2);
    }
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(pos.length), 3));
    g.setIndex(idx);
    return g;
  }, []);
  const rays = useMemo(() => {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(MAX_RAYS * 18), 3));
    return g;
  }, []);
  const ringMat = useMemo(() => new THREE.MeshBasicMaterial({ vertexColors: true, side: THREE.DoubleSide }), []);
  const rayMat = useMemo(() => new THREE.MeshBasicMaterial({ color: theme.line, side: THREE.DoubleSide }), [theme.line]);
  useEffect(() => () => [ring, rays, ringMat].forEach((o) => o.dispose()), [ring, rays, ringMat]);
  useEffect(() => () => rayMat.dispose(), [rayMat]);

  const scratch = useMemo(
    () => ({ cos: new Float64Array(12), base: new THREE.Color(), cls: new THREE.Color(), grey: new THREE.Color(), out: new THREE.Color() }),
    [],
  );

  const drawn = useRef('');
  useFrame(() => {
    const C = vs.info?.numClasses ?? 0;
    const r = vs.radius;
    // Recompute the 1,440 samples only when something they depend on changed.
    const cls = landscape ? landscapeClass(vs, landscape.cls) : -1;
    const key = `${vs.regions ? regionKey(vs.regions) : ''}|${Array.from(vs.wDirs).join(',')}|${r}|${showRegions}|${showMargins}|${theme.sphere}|${theme.margin}|${cls}|${cls >= 0 ? vs.serial : ''}`;
    if (key === drawn.current) return;
    drawn.current = key;
    const pos = ring.getAttribute('position') as THREE.BufferAttribute;
    const col = ring.getAttribute('color') as THREE.BufferAttribute;
    const P = pos.array as Float32Array;
    const K = col.array as Float32Array;
    scratch.base.set(theme.sphere);
    scratch.grey.set(theme.margin);
    const cos = scratch.cos.length >= C ? scratch.cos : (scratch.cos = new Float64Array(C));
    const rayPos = rays.getAttribute('position') as THREE.BufferAttribute;
    const R = rayPos.array as Float32Array;
    let rayCount = 0;
    let prevWinner = -1;
    // The landscape: each sample's loss for a feature of class `cls` at the features' typical norm, by the head itself.
    const f = vs.frame;
    let losses: Float64Array | null = null;
    if (cls >= 0 && f && vs.info?.dim === 2) {
      const xs = new Float32Array(2 * (SAMPLES + 1));
      for (let i = 0; i <= SAMPLES; i++)
        xs.set([Math.cos((2 * Math.PI * i) / SAMPLES) * vs.featureNorm, Math.sin((2 * Math.PI * i) / SAMPLES) * vs.featureNorm], 2 * i);
      losses = sampleLosses(f.spec, headModelOf(f, 2), xs, cls);
    }
    for (let i = 0; i <= SAMPLES; i++) {
      const a = (2 * Math.PI * i) / SAMPLES;
      const x = Math.cos(a);
      const y = Math.sin(a);
      P.set([x * r * INNER, y * r * INNER, 0, x * r * OUTER, y * r * OUTER, 0], 6 * i);
      let c = scratch.base;
      if (vs.regions && C > 0) {
        for (let j = 0; j < C; j++) cos[j] = x * vs.wDirs[3 * j]! + y * vs.wDirs[3 * j + 1]!;
        const { winner, secure } = classifyDirection(cos.subarray(0, C), vs.regions);
        if (losses) c = lossColor(losses[i]!, scratch.out);
        else if (showMargins && !secure) c = scratch.grey;
        else if (showRegions) c = scratch.out.copy(scratch.base).lerp(scratch.cls.set(classColor(winner)), 0.85);
        if (prevWinner >= 0 && winner !== prevWinner && rayCount < MAX_RAYS && C > 1) {
          // A boundary ray: a thin quad from the origin out past the ring.
          const nx = -y * RAY_HALF_WIDTH;
          const ny = x * RAY_HALF_WIDTH;
          const ox = x * r * RAY_OUT;
          const oy = y * r * RAY_OUT;
          R.set([nx, ny, 0, -nx, -ny, 0, ox + nx, oy + ny, 0, -nx, -ny, 0, ox - nx, oy - ny, 0, ox + nx, oy + ny, 0], 18 * rayCount);
          rayCount++;
        }
        prevWinner = winner;
      }
      c.toArray(K, 6 * i);
      c.toArray(K, 6 * i + 3);
    }
    pos.needsUpdate = true;
    col.needsUpdate = true;
    rays.setDrawRange(0, rayCount * 6);
    rayPos.needsUpdate = true;
  });

  return (
    <group>
      <mesh geometry={ring} material={ringMat} renderOrder={1} />
      <mesh geometry={rays} material={rayMat} renderOrder={1} position={[0, 0, -0.01]} />
    </group>
  );
}
