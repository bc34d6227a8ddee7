// Which WebGL renderer this browser has: a software rasterizer (SwiftShader, llvmpipe…) draws on
// the CPU, so it gets a lighter drawing path and is never timed as a training backend.

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The software renderer's name when the WebGL renderer string names one, else undefined. */
export function softwareRendererName(renderer: string): string | undefined {
  return SOFTWARE.exec(renderer)?.[0];
}

interface CanvasLike {
  getContext(id: 'webgl2' | 'webgl'): unknown;
}

/** A page's canvas where there is no OffscreenCanvas (this file is typed for a worker too, which has no `document`). */
function pageCanvas(): CanvasLike | undefined {
  return (globalThis as { document?: { createElement(tag: 'canvas'): CanvasLike } }).document?.createElement('canvas');
}

/**
 * The WebGL renderer's name when it is a software rasterizer, else undefined (also when there
 * is no WebGL). Works in a page and in a worker (OffscreenCanvas); checked once per call.
 */
export function detectSoftwareRenderer(): string | undefined {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : pageCanvas();
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl') ?? null) as WebGLRenderingContext | null;
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return softwareRendererName(name);
  } catch {
    return undefined;
  }
}
