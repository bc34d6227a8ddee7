import type * as THREE from 'three';

/** What a label names: a class weight, a collapsed cluster's count, or the tour's cue. */
export type LabelKind = 'weight' | 'count' | 'cue';

/** A label on the board: its sprite, and what it labels (`tip`, in its parent's space: an arrowhead labels keep off). */
export interface BoardLabel {
  sprite: THREE.Sprite;
  kind: LabelKind;
  tip?: THREE.Vector3;
}

/**
 * The labels of one view (a canvas, or a compare panel), for LabelLayout: sprites register here
 * when made and leave when disposed. Their owners place them each frame; the layout then sizes
 * them in screen pixels and moves them apart and inside the panel.
 */
export class LabelBoard {
  readonly labels = new Set<BoardLabel>();

  /** Registers a label; returns its removal. */
  add(label: BoardLabel): () => void {
    this.labels.add(label);
    return () => this.labels.delete(label);
  }
}
