import { describe, expect, it } from 'vitest';
import { keepInside, labelOverlaps, layoutLabels, separateLabels, type LabelBox } from './labelLayout';

const box = (x: number, y: number, fixed = false): LabelBox => ({ x, y, halfW: 20, halfH: 8, fixed });
const inside = (b: LabelBox, w: number, h: number) => b.x - b.halfW >= 0 && b.x + b.halfW <= w && b.y - b.halfH >= 0 && b.y + b.halfH <= h;

describe('label layout', () => {
  it('two overlapping labels move apart by half the overlap each, along the shorter axis', () => {
    const boxes = [box(100, 100), box(110, 104)];
    expect(separateLabels(boxes, 1, 0)).toBe(1);
    // Overlap in y: 16 − 4 = 12 (less than x's 30): each moves 6.
    expect(boxes.map((b) => b.y)).toEqual([94, 110]);
    expect(boxes.map((b) => b.x)).toEqual([100, 110]);
  });
  it('a label moves all the way off a fixed obstacle, which stays put', () => {
    const boxes = [box(100, 100, true), box(100, 110)];
    separateLabels(boxes, 1, 0);
    expect(boxes[0]).toMatchObject({ x: 100, y: 100 });
    expect(boxes[1]!.y).toBe(116);
  });
  it('keeps labels inside the panel, a margin from each edge; an obstacle is left where it is', () => {
    const boxes = [box(5, 5), box(300, 200), box(-50, 50, true)];
    keepInside(boxes, 200, 100, 2);
    expect(boxes[0]).toMatchObject({ x: 22, y: 10 });
    expect(boxes[1]).toMatchObject({ x: 178, y: 90 });
    expect(boxes[2]).toMatchObject({ x: -50, y: 50 });
  });
  it('crowded at an edge: labels end inside and apart', () => {
    // Four labels pushed against the right edge of a 200 × 120 panel, on top of each other.
    const boxes = [box(210, 60), box(212, 62), box(214, 58), box(205, 60), box(190, 60, true)];
    expect(layoutLabels(boxes, 200, 120)).toBe(0);
    for (const b of boxes.slice(0, 4)) expect(inside(b, 200, 120)).toBe(true);
    expect(labelOverlaps(boxes)).toEqual([]);
  });
  it('a label wedged between an arrowhead, a neighbour and the top edge: the labels end apart (the arrowhead gives way)', () => {
    const boxes = [box(100, 10), box(110, 14), box(105, 30, true), box(90, 28, true), box(120, 26, true)];
    expect(layoutLabels(boxes, 200, 60)).toBe(0);
    expect(labelOverlaps(boxes)).toEqual([]);
    for (const b of boxes.slice(0, 2)) expect(inside(b, 200, 60)).toBe(true);
  });
  it('is deterministic: the same input gives the same layout (labels do not jitter while nothing moves)', () => {
    const make = () => [box(100, 100), box(100, 100), box(102, 99), box(98, 101)];
    const a = make();
    const b = make();
    layoutLabels(a, 300, 200);
    layoutLabels(b, 300, 200);
    expect(a).toEqual(b);
  });
});
