// Snapshots of the canvases for "Save PNG" and "Record": a registry the page reads, filled by each view.
import type { RootState } from '@react-three/fiber';
import type * as THREE from 'three';

/** Draws a canvas's scene once more at `scale` device pixels per CSS pixel; returns a copy. */
export type CaptureFn = (scale: number) => HTMLCanvasElement;

/** The views on the page, by panel (0 in the single view), in the order the page shows them. */
export class CaptureRegistry {
  private readonly views = new Map<number, { capture: CaptureFn; canvas: HTMLCanvasElement }>();

  register(panel: number, capture: CaptureFn, canvas: HTMLCanvasElement): () => void {
    this.views.set(panel, { capture, canvas });
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

  /** The live canvas of a panel (what a recording copies frame by frame). */
  canvas(panel: number): HTMLCanvasElement | undefined {
    return this.views.get(panel)?.canvas;
  }
}

/**
 * A capture function for an R3F root: renders its scene at `scale` (point sizes follow the pixel
 * ratio), copies the pixels in the same task (the drawing buffer is not preserved), restores the
 * canvas and asks for a normal frame.
 */
export function captureRoot(get: () => RootState): CaptureFn {
  return (scale) => {
    const { gl, scene, camera, size, invalidate } = get();
    const previous = gl.getPixelRatio();
    const setRatio = (r: number) => {
      scene.traverse((o) => {
        const u = ((o as THREE.Mesh).material as THREE.ShaderMaterial | undefined)?.uniforms?.uPixelRatio;
        if (u) u.value = r;
      });
      gl.setPixelRatio(r);
      gl.setSize(size.width, size.height, false);
    };
    setRatio(scale);
    gl.render(scene, camera);
    const out = document.createElement('canvas');
    out.width = gl.domElement.width;
    out.height = gl.domElement.height;
    out.getContext('2d')?.drawImage(gl.domElement, 0, 0);
    setRatio(previous);
    invalidate();
    return out;
  };
}
