import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { SHAPE_GLYPHS, classColor, classShape, type ThemeColors } from '../style/palette';
import type { LabelBoard } from '../labels/labelBoard';
import { disposeSprite, makeTextSprite } from '../labels/textSprite';
import type { ViewState } from '../frame/viewState';

const UP = new THREE.Vector3(0, 1, 0);
/**
 * An arrow's length in sphere radii: with the sphere filling 80 % of a panel (panelFit.ts), an
 * arrow at 1.2 stays inside it from any side, leaning toward the camera too (it reaches 97 % of
 * the half-height at worst); at 1.25 its head was cut.
 */
const ARROW_LENGTH = 1.2;
const scratchDir = new THREE.Vector3();

/** One class weight: a shaft and a cone from the origin along ŵ_j, with its label. */
type Sizes = ThemeColors['sizes'];

function Arrow({
  vs,
  j,
  length,
  dim,
  outline,
  ink,
  sizes,
  board,
}: {
  vs: ViewState;
  j: number;
  length: number;
  dim: 2 | 3;
  outline: string;
  ink: string;
  sizes: Sizes;
  board: LabelBoard;
}) {
  const group = useRef<THREE.Group>(null);
  const color = classColor(j);
  // The text in the theme's ink (a pale class colour would fail text contrast); the class's marker,
  // its colour and shape, before it.
  // Its size on screen is LabelLayout's (panelFit.ts): the height here is only the first frame's.
  const label = useMemo(() => {
    const mark = { glyph: SHAPE_GLYPHS[classShape(j)], color, edge: ink };
    return dim === 3
      ? makeTextSprite(`W${j + 1}`, ink, outline, 0.034, false, mark)
      : makeTextSprite(`W${j + 1}`, ink, outline, 0.16, true, mark);
  }, [j, color, outline, ink, dim]);
  const tip = useMemo(() => new THREE.Vector3(), []);
  useEffect(() => {
    const remove = board.add({ sprite: label, kind: 'weight', tip });
    return () => {
      remove();
      disposeSprite(label);
    };
  }, [label, board, tip]);
  const t = sizes.arrow;
  const shaftGeo = useMemo(() => new THREE.CylinderGeometry(0.014 * t, 0.014 * t, 1, 12).translate(0, 0.5, 0), [t]);
  const headGeo = useMemo(() => new THREE.ConeGeometry(0.05 * Math.sqrt(t), 0.14, 20).translate(0, -0.07, 0), [t]);
  useEffect(() => () => [shaftGeo, headGeo].forEach((g) => g.dispose()), [shaftGeo, headGeo]);
  const head = useRef<THREE.Mesh>(null);
  const shaft = useRef<THREE.Mesh>(null);

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const visible = j < (vs.info?.numClasses ?? 0);
    g.visible = visible;
    if (!visible) return;
    scratchDir.set(vs.wDirs[3 * j] ?? 0, vs.wDirs[3 * j + 1] ?? 0, dim === 3 ? (vs.wDirs[3 * j + 2] ?? 0) : 0).normalize();
    g.quaternion.setFromUnitVectors(UP, scratchDir);
    const L = length * vs.radius;
    shaft.current?.scale.set(1, L - 0.13, 1);
    head.current?.position.set(0, L, 0);
    label.position.set(0, L + 0.13, 0);
    tip.set(0, L, 0);
  });

  return (
    <group ref={group}>
      {/* Each part has an outline in the theme's ink (its back faces, enlarged): a yellow or sky-blue
          arrow keeps a 3:1 edge on any background (WCAG 1.4.11). */}
      <mesh ref={shaft} geometry={shaftGeo} renderOrder={1}>
        <meshBasicMaterial color={color} />
        <mesh geometry={shaftGeo} scale={[1.6, 1, 1.6]} renderOrder={1}>
          <meshBasicMaterial color={ink} side={THREE.BackSide} />
        </mesh>
      </mesh>
      <mesh ref={head} geometry={headGeo} renderOrder={1}>
        <meshBasicMaterial color={color} />
        <mesh geometry={headGeo} scale={[1.22, 1.12, 1.22]} position={[0, 0.012, 0]} renderOrder={1}>
          <meshBasicMaterial color={ink} side={THREE.BackSide} />
        </mesh>
      </mesh>
      <primitive object={label} />
    </group>
  );
}

/** Arrows for every class weight W_j, normalised (direction is what the cosine losses use). */
export function WeightArrows({
  vs,
  classes,
  dim,
  outline,
  ink,
  sizes,
  board,
}: {
  vs: ViewState;
  classes: number;
  dim: 2 | 3;
  outline: string;
  ink: string;
  sizes: Sizes;
  board: LabelBoard;
}) {
  return (
    <group>
      {Array.from({ length: classes }, (_, j) => (
        <Arrow key={j} vs={vs} j={j} length={ARROW_LENGTH} dim={dim} outline={outline} ink={ink} sizes={sizes} board={board} />
      ))}
    </group>
  );
}
