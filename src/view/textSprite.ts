import * as THREE from 'three';

/**
 * A text label as a sprite (a canvas texture): drawn by WebGL with the scene, so it obeys
 * visibility and needs no DOM portal. `height` is the label's height in world units, or, without
 * size attenuation, in units at distance 1 from a perspective camera (constant on screen).
 */
export function makeTextSprite(text: string, color: string, outline: string, height = 0.15, sizeAttenuation = true): THREE.Sprite {
  const px = 96;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return new THREE.Sprite();
  ctx.font = `700 ${px}px system-ui, sans-serif`;
  const width = Math.ceil(ctx.measureText(text).width + px * 0.5);
  canvas.width = width;
  canvas.height = Math.ceil(px * 1.3);
  ctx.font = `700 ${px}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = px * 0.16;
  ctx.strokeStyle = outline;
  ctx.lineJoin = 'round';
  ctx.strokeText(text, width / 2, canvas.height / 2);
  ctx.fillStyle = color;
  ctx.fillText(text, width / 2, canvas.height / 2);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.anisotropy = 4;
  const material = new THREE.SpriteMaterial({ map: texture, depthTest: false, transparent: true, sizeAttenuation });
  const sprite = new THREE.Sprite(material);
  sprite.scale.set((height * width) / canvas.height, height, 1);
  sprite.renderOrder = 10;
  return sprite;
}

/** Frees a sprite's texture and material. */
export function disposeSprite(s: THREE.Sprite): void {
  s.material.map?.dispose();
  s.material.dispose();
}
