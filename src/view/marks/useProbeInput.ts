// Pins and moves the probe: a click on the sphere (or circle) pins it there, a click on a point (within
// 8 px on screen) pins it at that point with the point's class; with the view focused, Shift + arrows move it 5° a press.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import * as THREE from 'three';
import { probeAngles, stepProbe } from '../../geometry/probe';
import { useAppStore } from '../../state/store';
import { labelsOf, type ViewState } from '../frame/viewState';

/** A press that moves less than this (px) is a click; more is a drag (the camera turns). */
const CLICK_PX = 5;

const ray = new THREE.Raycaster();
const sphere = new THREE.Sphere();
const plane = new THREE.Plane(new THREE.Vector3(0, 0, 1), 0);
const hit = new THREE.Vector3();

/** A point this close to a click (px, on screen) is clicked. */
const POINT_PX = 8;
const projected = new THREE.Vector3();

/** The training or test point drawn nearest a click, within POINT_PX, on the side of the sphere facing the camera. */
function nearestPoint(vs: ViewState, camera: THREE.Camera, r: DOMRect, cx: number, cy: number): { p: Float32Array; label: number } | null {
  if (!vs.info) return null;
  let best: { p: Float32Array; label: number } | null = null;
  let bestPx = POINT_PX;
  for (const which of ['train', 'test'] as const) {
    const pts = vs.points(which);
    const labels = labelsOf(vs.info, which);
    for (let i = 0; i < pts.length / 3; i++) {
      const p = pts.subarray(3 * i, 3 * i + 3);
      if (p[0]! * camera.position.x + p[1]! * camera.position.y + p[2]! * camera.position.z < 0) continue; // the far side
      projected.set(p[0]!, p[1]!, p[2]!).project(camera);
      const px = Math.hypot(r.left + ((projected.x + 1) / 2) * r.width - cx, r.top + ((1 - projected.y) / 2) * r.height - cy);
      if (px < bestPx && labels[i] !== undefined) {
        bestPx = px;
        best = { p, label: labels[i]! };
      }
    }
  }
  return best;
}

function pin(az: number, el: number, cls?: number) {
  useAppStore
    .getState()
    .replaceParams((p) => ({ ...p, probe: true, probeAz: az, probeEl: el, ...(cls !== undefined ? { probeClass: cls } : {}) }));
}

export function useProbeInput(vs: ViewState, area: HTMLElement, dim: 2 | 3) {
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    area.tabIndex = 0; // focusable in 2-D too (the 3-D view's keys turn the camera): Shift + arrows reach the probe
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY } : null;
    };
    const onUp = (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_PX) return;
      down = null;
      const r = area.getBoundingClientRect();
      const near = nearestPoint(vs, camera, r, e.clientX, e.clientY);
      if (near) {
        // On a point: its direction, and its class.
        const { az, el } = probeAngles([near.p[0]!, near.p[1]!, dim === 3 ? near.p[2]! : 0]);
        pin(az, el, near.label + 1);
        return;
      }
      ray.setFromCamera(new THREE.Vector2(((e.clientX - r.left) / r.width) * 2 - 1, 1 - ((e.clientY - r.top) / r.height) * 2), camera);
      const target =
        dim === 3 ? ray.ray.intersectSphere(sphere.set(new THREE.Vector3(), vs.radius), hit) : ray.ray.intersectPlane(plane, hit);
      if (!target || target.lengthSq() === 0) return;
      const { az, el } = probeAngles([target.x, target.y, dim === 3 ? target.z : 0]);
      pin(az, el, 0);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
      const { probeAz, probeEl } = useAppStore.getState().params;
      const next = stepProbe(probeAz, probeEl, e.key);
      if (!next || (dim === 2 && next.el !== probeEl)) return;
      e.preventDefault();
      e.stopPropagation();
      pin(next.az, dim === 2 ? probeEl : next.el);
    };
    area.addEventListener('pointerdown', onDown);
    area.addEventListener('pointerup', onUp);
    area.addEventListener('keydown', onKey);
    return () => {
      area.removeEventListener('pointerdown', onDown);
      area.removeEventListener('pointerup', onUp);
      area.removeEventListener('keydown', onKey);
    };
  }, [vs, area, camera, dim]);
}
