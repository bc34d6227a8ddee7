// Which panels of a shared canvas to draw in a frame (no React, no WebGL). The canvas keeps its
// pixels between frames, so a panel is drawn again only when it asked to be; every panel is drawn
// again, on a cleared canvas, when the layout changed or something else cleared the canvas.

interface Entry {
  dirty: boolean;
  /** The layout it was last drawn in. */
  layout: number;
  /** Its rectangle, as last placed. */
  rect: string;
}

export class PanelFrames {
  private layout = 0;
  private cleared = -1;
  private readonly panels = new Map<object, Entry>();

  /** A panel appears: it is drawn, and the others again (the grid moved). */
  add(id: object): void {
    this.panels.set(id, { dirty: true, layout: -1, rect: '' });
    this.relayout();
  }

  /** A panel goes: the canvas is cleared of it, the others drawn again. */
  remove(id: object): void {
    this.panels.delete(id);
    this.relayout();
  }

  /** A panel's picture changed: draw it in the coming frame. */
  ask(id: object): void {
    const p = this.panels.get(id);
    if (p) p.dirty = true;
  }

  /** Something cleared or moved the canvas's pixels: draw every panel again. */
  relayout(): void {
    this.layout++;
  }

  /** Whether panel `id` will be drawn in the coming frame, as far as is known now (before it is placed). */
  due(id: object): boolean {
    const p = this.panels.get(id);
    return p !== undefined && (p.dirty || p.layout !== this.layout);
  }

  /** Before any panel draws in a frame: where a panel is now (any key of its rectangle and of the canvas's size). */
  place(id: object, rect: string): void {
    const p = this.panels.get(id);
    if (!p || p.rect === rect) return;
    p.rect = rect;
    this.relayout();
  }

  /** Whether the canvas is to be cleared before this frame's panels are drawn (once per layout). */
  takeClear(): boolean {
    if (this.cleared === this.layout) return false;
    this.cleared = this.layout;
    return true;
  }

  /** Whether panel `id` is to be drawn in this frame; it counts as drawn from now on. */
  takeDraw(id: object): boolean {
    const p = this.panels.get(id);
    if (!p) return false;
    const due = p.dirty || p.layout !== this.layout;
    p.dirty = false;
    p.layout = this.layout;
    return due;
  }
}

const byCanvas = new WeakMap<HTMLCanvasElement, PanelFrames>();

/** The bookkeeping of a shared canvas's panels (made on first use). */
export function panelFramesOf(canvas: HTMLCanvasElement): PanelFrames {
  let f = byCanvas.get(canvas);
  if (!f) byCanvas.set(canvas, (f = new PanelFrames()));
  return f;
}

/**
 * Whether the scene `id` drawn on `canvas` is drawn in this frame for a reason of its own: always
 * on a canvas of its own; on a shared one, when it asked for the frame. What moves a little with
 * every frame drawn (the first framing) moves only in its own frames, as on a canvas of its own.
 */
export function ownFrame(canvas: HTMLCanvasElement, id: object): boolean {
  const f = byCanvas.get(canvas);
  return f === undefined || f.due(id);
}

/** Draw every panel of `canvas` again, if it is shared (after a capture has resized and so cleared it). */
export function redrawPanels(canvas: HTMLCanvasElement): void {
  byCanvas.get(canvas)?.relayout();
}
