// Snapshots of the views for "Save PNG" and "Record": a registry the page reads, filled by each view.
import type { RootState } from '@react-three/fiber';
import type * as THREE from 'three';
import type { Tile } from '../../export/compose';
import { redrawPanels } from './panelFrames';

/** Draws a view's scene once more at `scale` device pixels per CSS pixel; returns a copy. */
export type CaptureFn = (scale: number) => HTMLCanvasElement;

/** A view's live pixels, for a recording to copy frame by frame: its canvas, and its rectangle there when it shares one. */
export type LiveFn = () => Pick<Tile, 'image' | 'source'>;

/** The views on the page, by panel (0 in the single view), in the order the page shows them. */
export class CaptureRegistry {
  private readonly views = new Map<number, { capture: CaptureFn; live: LiveFn }>();

  register(panel: number, capture: CaptureFn, live: LiveFn): () => void {
    this.views.set(panel, { capture, live });
    return () => {
      if (this.views.get(panel)?.capture === capture) this.views.delete(panel);
    };
  }

  /** Panels with a view, ascending. */
  panels(): number[] {
    return [...this.views.keys()].sort((a, b) => a - b);
  }

  capture(panel: number, scale: number): HTMLCanvasElement | undefined {
    return this.views.get(panel)?.capture(scale);
  }

  /** The live pixels of a panel (what a recording copies frame by frame). */
  live(panel: number): Pick<Tile, 'image' | 'source'> | undefined {
    return this.views.get(panel)?.live();
  }
}

/** Sets the pixel ratio of the renderer and of the scene's point sizes (which follow it). */
function setPixelRatio(gl: THREE.WebGLRenderer, scene: THREE.Scene, ratio: number): void {
  scene.traverse((o) => {
    const u = ((o as THREE.Mesh).material as THREE.ShaderMaterial | undefined)?.uniforms?.uPixelRatio;
    if (u) u.value = ratio;
  });
  const canvas = gl.domElement;
  gl.setPixelRatio(ratio);
  gl.setSize(canvas.clientWidth, canvas.clientHeight, false);
}

/**
 * A capture function for an R3F root or portal: renders its scene at `scale` into the canvas's
 * lower-left corner, `area`'s size (the whole canvas in the single view; a panel's rectangle of
 * the shared canvas in compare mode), copies those pixels in the same task (the drawing buffer is
 * not preserved), restores the canvas and asks for a normal frame.
 */
export function captureView(get: () => RootState, area: HTMLElement): CaptureFn {
  return (scale) => {
    const { gl, scene, camera, invalidate } = get();
    const canvas = gl.domElement;
    const previous = gl.getPixelRatio();
    const w = area.clientWidth;
    const h = area.clientHeight;
    setPixelRatio(gl, scene, scale);
    gl.setViewport(0, 0, w, h);
    gl.setScissor(0, 0, w, h);
    gl.setScissorTest(true);
    gl.render(scene, camera);
    gl.setScissorTest(false);
    const out = document.createElement('canvas');
    out.width = Math.min(canvas.width, Math.round(w * scale));
    out.height = Math.min(canvas.height, Math.round(h * scale));
    out.getContext('2d')?.drawImage(canvas, 0, canvas.height - out.height, out.width, out.height, 0, 0, out.width, out.height);
    setPixelRatio(gl, scene, previous); // setSize restores the whole canvas's viewport too
    redrawPanels(canvas); // resizing cleared a shared canvas: every panel draws again
    invalidate();
    return out;
  };
}

/** The live pixels of `area` in `canvas`: the whole canvas, or the rectangle of it that `area` covers. */
export function liveView(canvas: HTMLCanvasElement, area: HTMLElement): LiveFn {
  if (area === canvas) return () => ({ image: canvas });
  return () => {
    const c = canvas.getBoundingClientRect();
    const r = area.getBoundingClientRect();
    const k = c.width > 0 ? canvas.width / c.width : 1;
    return { image: canvas, source: { x: (r.left - c.left) * k, y: (r.top - c.top) * k, width: r.width * k, height: r.height * k } };
  };
}
