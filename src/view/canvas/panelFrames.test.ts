import { describe, expect, it } from 'vitest';
import { PanelFrames } from './panelFrames';

/** One frame as the shared canvas runs it: every panel placed, then the clear, then the draws. */
function frame(f: PanelFrames, panels: { id: object; rect: string }[]) {
  for (const p of panels) f.place(p.id, p.rect);
  const cleared = f.takeClear();
  return { cleared, drawn: panels.filter((p) => f.takeDraw(p.id)).map((p) => p.rect) };
}

describe('PanelFrames', () => {
  const a = { id: {}, rect: 'a' };
  const b = { id: {}, rect: 'b' };

  it('draws every panel on a cleared canvas first, then only the panels that asked', () => {
    const f = new PanelFrames();
    f.add(a.id);
    f.add(b.id);
    expect(frame(f, [a, b])).toEqual({ cleared: true, drawn: ['a', 'b'] });
    expect(frame(f, [a, b])).toEqual({ cleared: false, drawn: [] });
    f.ask(b.id);
    expect(frame(f, [a, b])).toEqual({ cleared: false, drawn: ['b'] });
    expect(frame(f, [a, b])).toEqual({ cleared: false, drawn: [] });
  });

  it('a panel that moved, a panel gone or a canvas cleared by someone else draws them all again', () => {
    const f = new PanelFrames();
    f.add(a.id);
    f.add(b.id);
    frame(f, [a, b]);
    const moved = { id: b.id, rect: 'b2' };
    expect(frame(f, [a, moved])).toEqual({ cleared: true, drawn: ['a', 'b2'] });
    f.remove(moved.id);
    expect(frame(f, [a])).toEqual({ cleared: true, drawn: ['a'] });
    f.relayout();
    expect(frame(f, [a])).toEqual({ cleared: true, drawn: ['a'] });
    expect(frame(f, [a])).toEqual({ cleared: false, drawn: [] });
  });

  it('knows before a frame which panels it will draw', () => {
    const f = new PanelFrames();
    f.add(a.id);
    f.add(b.id);
    frame(f, [a, b]);
    f.ask(a.id);
    expect([f.due(a.id), f.due(b.id)]).toEqual([true, false]);
    frame(f, [a, b]);
    expect(f.due(a.id)).toBe(false);
  });

  it('ignores panels it does not know', () => {
    const f = new PanelFrames();
    const stranger = {};
    f.ask(stranger);
    f.place(stranger, 'x');
    expect(f.takeDraw(stranger)).toBe(false);
    expect(f.due(stranger)).toBe(false);
  });
});
