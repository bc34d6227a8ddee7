import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { BoardLabel, LabelBoard, LabelKind } from './labelBoard';
import { layoutLabels, type LabelBox } from './labelLayout';
import { labelFontPx } from '../style/panelFit';
import { spriteScreenRect, spriteTextPx } from './spriteScreen';

/** A sprite's canvas is about this much taller than its text (its halo's room; textSprite.ts says exactly). */
const SPRITE_PER_TEXT = 1.3;
/** A label moved farther than this (in its own heights) from where it belongs gets a leader line. */
const LEADER_AFTER = 0.9;
const MAX_LEADERS = 64;

/** Text size of each kind of label, from the weight labels' size. */
const KIND_SIZE: Record<LabelKind, (px: number) => number> = {
  weight: (px) => px,
  cue: (px) => 0.9 * px,
  count: (px) => Math.max(12, 0.75 * px),
};

const world = new THREE.Vector3();
const ndc = new THREE.Vector3();
const end = new THREE.Vector3();

/** Whether an object and every parent above it are visible. */
function shown(o: THREE.Object3D | null): boolean {
  for (; o; o = o.parent) if (!o.visible) return false;
  return true;
}

interface Placed {
  label: BoardLabel;
  box: LabelBox;
  /** Where the box was before the layout, and the NDC depth to move it at. */
  x0: number;
  y0: number;
  z: number;
  /** The screen point it belongs to (its tip, or where it was placed), for a leader line. */
  ax: number;
  ay: number;
}

/**
 * Sizes the view's labels in screen pixels (a share of the panel's shorter side, never below
 * 14 px in a compare panel or 18 px in the single view; ×1.5 in the projector theme), keeps them
 * apart, off the arrowheads and inside the panel, and draws a leader line to a label moved far
 * from what it names. Runs after the labels' owners have placed them this frame (Scene mounts it
 * last). The same placement gives the same layout, so labels do not jitter while nothing moves.
 * For tests it writes, on the view's element, the smallest text height a weight label is drawn at
 * (`data-label-px`) and every label's box (`data-labels`, CSS px in the panel), both measured
 * from the sprites' final geometry through the camera, as the GPU will place them.
 */
export function LabelLayout({
  board,
  area,
  panel,
  factor,
  ink,
}: {
  board: LabelBoard;
  area: HTMLElement;
  panel: boolean;
  factor: number;
  ink: string;
}) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const leaders = useMemo(() => {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(MAX_LEADERS * 6), 3).setUsage(THREE.DynamicDrawUsage));
    geometry.setDrawRange(0, 0);
    const material = new THREE.LineBasicMaterial({ color: ink, depthTest: false, transparent: true, opacity: 0.8 });
    const lines = new THREE.LineSegments(geometry, material);
    lines.renderOrder = 9;
    lines.frustumCulled = false;
    return lines;
  }, [ink]);
  useEffect(
    () => () => {
      leaders.geometry.dispose();
      (leaders.material as THREE.Material).dispose();
    },
    [leaders],
  );

  useFrame(() => {
    const W = size.width;
    const H = size.height;
    const P = camera.projectionMatrix.elements;
    const perspective = 'isPerspectiveCamera' in camera;
    const weightPx = labelFontPx(W, H, panel, factor);
    const placed: Placed[] = [];
    const obstacles: LabelBox[] = [];
    for (const label of board.labels) {
      const s = label.sprite;
      if (!shown(s) || !s.parent) continue;
      s.getWorldPosition(world);
      const viewZ = ndc.copy(world).applyMatrix4(camera.matrixWorldInverse).z;
      const k = perspective && s.material.sizeAttenuation ? 1 / Math.max(1e-3, -viewZ) : 1;
      // Sized so that its projected text is the text size: the sprite is taller by its halo.
      const share = (s.userData.textShare as number | undefined) ?? 1 / SPRITE_PER_TEXT;
      const spritePx = KIND_SIZE[label.kind](weightPx) / share;
      const h = (2 * spritePx) / (P[5]! * k * H);
      s.scale.set(h * ((s.userData.aspect as number | undefined) ?? 1), h, 1);
      // Its box on screen: the height set just above; the width through the projection's x scale.
      const halfH = spritePx / 2;
      const halfW = (s.scale.x * P[0]! * k * W) / 4;
      world.project(camera);
      const sx = ((world.x + 1) * W) / 2;
      const sy = ((1 - world.y) * H) / 2;
      // The sprite's anchor (its `center`) need not be its middle: the box is.
      const x = sx + (0.5 - s.center.x) * 2 * halfW;
      const y = sy - (0.5 - s.center.y) * 2 * halfH;
      let ax = x;
      let ay = y;
      if (label.tip) {
        end.copy(label.tip);
        s.parent.localToWorld(end).project(camera);
        ax = ((end.x + 1) * W) / 2;
        ay = ((1 - end.y) * H) / 2;
        const r = 0.35 * spritePx;
        obstacles.push({ x: ax, y: ay, halfW: r, halfH: r, fixed: true });
      }
      placed.push({ label, box: { x, y, halfW, halfH }, x0: x, y0: y, z: world.z, ax, ay });
    }
    layoutLabels([...placed.map((p) => p.box), ...obstacles], W, H);

    const positions = leaders.geometry.getAttribute('position') as THREE.BufferAttribute;
    let segments = 0;
    for (const p of placed) {
      const { box, label } = p;
      const s = label.sprite;
      if (box.x !== p.x0 || box.y !== p.y0) {
        // Back to the sprite's own anchor, at its depth, in its parent's space.
        const sx = box.x - (0.5 - s.center.x) * 2 * box.halfW;
        const sy = box.y + (0.5 - s.center.y) * 2 * box.halfH;
        world.set((sx / W) * 2 - 1, 1 - (sy / H) * 2, p.z).unproject(camera);
        s.parent!.worldToLocal(world);
        s.position.copy(world);
      }
      const dx = box.x - p.ax;
      const dy = box.y - p.ay;
      const far = Math.hypot(box.x - p.x0, box.y - p.y0) > LEADER_AFTER * 2 * box.halfH;
      if (!far || segments >= MAX_LEADERS || (Math.abs(dx) <= box.halfW && Math.abs(dy) <= box.halfH)) continue;
      // From what it names to the nearest side of its box.
      const t = Math.min(box.halfW / Math.max(1e-6, Math.abs(dx)), box.halfH / Math.max(1e-6, Math.abs(dy)));
      const ex = box.x - dx * t;
      const ey = box.y - dy * t;
      world.set((p.ax / W) * 2 - 1, 1 - (p.ay / H) * 2, p.z).unproject(camera);
      end.set((ex / W) * 2 - 1, 1 - (ey / H) * 2, p.z).unproject(camera);
      positions.setXYZ(2 * segments, world.x, world.y, world.z);
      positions.setXYZ(2 * segments + 1, end.x, end.y, end.z);
      segments++;
    }
    leaders.geometry.setDrawRange(0, 2 * segments);
    if (segments > 0) positions.needsUpdate = true;
    leaders.visible = segments > 0;

    // For tests, what will be drawn: each sprite's rectangle projected from its final geometry and
    // the camera (spriteScreen.ts), and the smallest weight label's text height in it.
    const boxes: number[][] = [];
    let measured = Infinity;
    for (const { label } of placed) {
      const r = spriteScreenRect(label.sprite, camera, W, H);
      boxes.push([r.x0, r.y0, r.x1, r.y1].map((v) => Math.round(v * 10) / 10));
      if (label.kind === 'weight') measured = Math.min(measured, spriteTextPx(label.sprite, r));
    }
    const el = area.dataset;
    const px = Number.isFinite(measured) ? measured.toFixed(1) : '';
    if (el.labelPx !== px) el.labelPx = px;
    const json = JSON.stringify(boxes);
    if (el.labels !== json) el.labels = json;
    if (el.leaders !== String(segments)) el.leaders = String(segments);
  });
  return <primitive object={leaders} />;
}
