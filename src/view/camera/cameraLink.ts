// Linked cameras for compare mode: orbit one panel and every panel follows (no React, no WebGL).

/** A camera position shared by several canvases, with who moved it last and when someone last touched a view. */
export class CameraLink {
  /** The shared camera position (the cameras look at the origin). */
  readonly position: [number, number, number] = [0, 0, 0];
  /** Counts moves; 0: nobody has published yet. */
  version = 0;
  /** The panel that published the current position. */
  source = -1;
  /** performance.now() of the last drag in any panel (auto-rotation and the first framing wait for it). */
  lastInteraction = 0;
  private readonly listeners = new Map<() => void, number>();

  /** Panel `from` moved its camera to (x, y, z): the others (not the mover: no feedback loop) are asked to redraw. */
  publish(from: number, x: number, y: number, z: number): void {
    this.position[0] = x;
    this.position[1] = y;
    this.position[2] = z;
    this.version += 1;
    this.source = from;
    for (const [l, panel] of this.listeners) if (panel !== from) l();
  }

  /** Calls `onMove` when another panel than `panel` publishes; returns the unsubscribe. */
  subscribe(panel: number, onMove: () => void): () => void {
    this.listeners.set(onMove, panel);
    return () => this.listeners.delete(onMove);
  }
}
