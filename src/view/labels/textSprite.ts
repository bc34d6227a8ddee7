import * as THREE from 'three';

/** A coloured marker drawn before a label's text (a class's ● or ◆), edged so that a pale colour still shows. */
export interface LabelMark {
  glyph: string;
  color: string;
  edge: string;
}

/**
 * A text label as a sprite (a canvas texture): drawn by WebGL with the scene, so it obeys
 * visibility and needs no DOM portal. `height` is the label's height in world units, or, without
 * size attenuation, in units at distance 1 from a perspective camera (constant on screen). The
 * text is drawn in `color` on a halo of `outline`; a `mark` goes before it in its own colour.
 */
export function makeTextSprite(
  text: string,
  color: string,
  outline: string,
  height = 0.15,
  sizeAttenuation = true,
  mark?: LabelMark,
): THREE.Sprite {
  // Drawn near the size it shows at (a label is some 20–40 CSS px tall) times the device pixel
  // ratio, and sampled without mipmaps: a 96 px texture shrunk through mipmaps was blurred.
  const px = Math.round(48 * Math.min(3, Math.max(1, globalThis.devicePixelRatio || 1)));
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return new THREE.Sprite();
  const font = `700 ${px}px system-ui, sans-serif`;
  ctx.font = font;
  const markWidth = mark ? ctx.measureText(`${mark.glyph} `).width : 0;
  const width = Math.ceil(markWidth + ctx.measureText(text).width + px * 0.5);
  canvas.width = width;
  canvas.height = Math.ceil(px * 1.3);
  ctx.font = font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  const x0 = px * 0.25;
  const y = canvas.height / 2;
  ctx.lineWidth = px * 0.16;
  ctx.strokeStyle = outline;
  if (mark) ctx.strokeText(mark.glyph, x0, y);
  ctx.strokeText(text, x0 + markWidth, y);
  if (mark) {
    ctx.lineWidth = px * 0.05;
    ctx.strokeStyle = mark.edge;
    ctx.strokeText(mark.glyph, x0, y);
    ctx.fillStyle = mark.color;
    ctx.fillText(mark.glyph, x0, y);
  }
  ctx.fillStyle = color;
  ctx.fillText(text, x0 + markWidth, y);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.generateMipmaps = false;
  texture.minFilter = THREE.LinearFilter;
  const material = new THREE.SpriteMaterial({ map: texture, depthTest: false, transparent: true, sizeAttenuation });
  const sprite = new THREE.Sprite(material);
  sprite.scale.set((height * width) / canvas.height, height, 1);
  sprite.userData.aspect = width / canvas.height; // LabelLayout sizes it in screen pixels, keeping this
  sprite.userData.textShare = px / canvas.height; // the text's share of its height (the rest is halo)

  sprite.renderOrder = 10;
  return sprite;
}

/** Frees a sprite's texture and material. */
export function disposeSprite(s: THREE.Sprite): void {
  s.material.map?.dispose();
  s.material.dispose();
}
