import { useFrame, useThree } from '@react-three/fiber';
import { useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { lossDef } from '../losses/registry';
import { angleBetween, column } from '../metrics/geometry';
import type { ViewState } from './viewState';

export interface HoverTarget {
  which: 'train' | 'test';
  index: number;
}

/** What a hovered point is: its class, θ to its class weight and its target logit now. */
export function describePoint(vs: ViewState, h: HoverTarget): { label: number; thetaDeg: number; logit: number } | null {
  const f = vs.frame;
  const info = vs.info;
  if (!f || !info || !vs.regions) return null;
  const labels = h.which === 'train' ? info.trainLabels : info.testLabels;
  const x = h.which === 'train' ? f.train : f.test;
  const label = labels[h.index];
  if (label === undefined) return null;
  const D = info.dim;
  const xi = x.subarray(h.index * D, h.index * D + D);
  const theta = angleBetween(xi, column(f.W, D, info.numClasses, label));
  const norm = Math.hypot(...xi);
  const { spec } = vs.regions;
  const def = lossDef(spec.kind);
  const logit = def.rawLogits ? norm * (vs.wNorms[label] ?? 1) * Math.cos(theta) + (f.bias[label] ?? 0) : def.targetLogit(spec, theta, norm);
  return { label, thetaDeg: (theta * 180) / Math.PI, logit };
}

const scratch = new THREE.Vector3();

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
    const pos = h.which === 'train' ? vs.train : vs.test;
    scratch.set(pos[3 * h.index] ?? 0, pos[3 * h.index + 1] ?? 0, pos[3 * h.index + 2] ?? 0).project(camera);
    const x = ((scratch.x + 1) / 2) * size.width;
    const y = ((1 - scratch.y) / 2) * size.height;
    el.hidden = false;
    el.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y - 20)}px)`;
    const text = `class ${d.label + 1}${h.which === 'test' ? ' (test)' : ''} · θ to W${d.label + 1}: ${d.thetaDeg.toFixed(1)}° · target logit ${d.logit.toFixed(2)}`;
    if (el.textContent !== text) el.textContent = text;
  });
  return (index: number | null, which: 'train' | 'test') => {
    if (index === null) {
      if (target.current?.which === which) target.current = null;
    } else target.current = { which, index };
    invalidate(); // the canvas draws on demand: place or hide the tip now
  };
}
