import { useFrame, useThree } from '@react-three/fiber';
import { useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { lossDef } from '../../losses/registry';
import { angleBetween, column } from '../../metrics/geometry';
import { probeFeature } from '../../losses/probe';
import { headModelOf } from '../../train/headModel';
import { colorIndex, labelsOf, type PointSet, type ViewState } from '../frame/viewState';

export interface HoverTarget {
  which: PointSet;
  index: number;
}

/** What a hovered point is: its class, θ to its class weight, its target logit and its loss now (held-out points: their class, nothing more). */
export function describePoint(vs: ViewState, h: HoverTarget): { label: number; thetaDeg: number; logit: number; loss: number } | null {
  const f = vs.frame;
  const info = vs.info;
  if (!f || !info || !vs.regions) return null;
  const x = f[h.which];
  const label = labelsOf(info, h.which)[h.index];
  if (label === undefined) return null;
  if (h.which === 'heldout') return { label: colorIndex(info, h.which, label), thetaDeg: NaN, logit: NaN, loss: NaN };
  const D = info.dim;
  const xi = x.subarray(h.index * D, h.index * D + D);
  const theta = angleBetween(xi, column(f.W, D, info.numClasses, label));
  const norm = Math.hypot(...xi);
  const { spec } = vs.regions;
  const def = lossDef(spec.kind);
  const logit = def.train.rawLogits
    ? norm * (vs.wNorms[label] ?? 1) * Math.cos(theta) + (f.bias[label] ?? 0)
    : def.view.targetLogit(spec, theta, norm);
  // Its own loss, by the head training runs (NaN for a loss trained on tfjs's tape).
  const loss = probeFeature(f.spec, headModelOf(f, D), xi, label)?.loss ?? NaN;
  return { label, thetaDeg: (theta * 180) / Math.PI, logit, loss };
}

const scratch = new THREE.Vector3();
const at = new Float32Array(3);

/**
 * Hover/tap read-out: returns the pointer handler for the points and, every frame, places the
 * DOM tip (outside the canvas) next to the hovered point and writes its text (never HTML).
 */
export function useHoverTip(vs: ViewState, tip: RefObject<HTMLDivElement | null>) {
  const target = useRef<HoverTarget | null>(null);
  const { camera, size, invalidate } = useThree();
  useFrame(() => {
    const el = tip.current;
    if (!el) return;
    const h = target.current;
    const d = h ? describePoint(vs, h) : null;
    if (!h || !d) {
      el.hidden = true;
      return;
    }
    const p = vs.pointAt(h.which, h.index, at);
    scratch.set(p[0]!, p[1]!, p[2]!).project(camera);
    const x = ((scratch.x + 1) / 2) * size.width;
    const y = ((1 - scratch.y) / 2) * size.height;
    el.hidden = false;
    el.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y - 20)}px)`;
    const text =
      h.which === 'heldout'
        ? `class ${d.label + 1} (held out: never trained on)`
        : `class ${d.label + 1}${h.which === 'test' ? ' (test)' : ''} · θ to W${d.label + 1}: ${d.thetaDeg.toFixed(1)}° · target logit ${d.logit.toFixed(2)}${Number.isFinite(d.loss) ? ` · ℓ ${d.loss.toPrecision(3)}` : ''}`;
    if (el.textContent !== text) el.textContent = text;
  });
  return (index: number | null, which: PointSet) => {
    if (index === null) {
      if (target.current?.which === which) target.current = null;
    } else {
      target.current = { which, index };
      const label = vs.info && which !== 'heldout' ? labelsOf(vs.info, which)[index] : undefined;
      if (label !== undefined) vs.hoverClass = label;
    }
    invalidate(); // the canvas draws on demand: place or hide the tip now
  };
}
