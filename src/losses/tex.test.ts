import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { stackedTex, texLines } from './tex';
import { LOSS_KINDS, lossDef } from './registry';
import { defaultsFor } from '../params/urlCodec';

describe('texLines', () => {
  it('breaks after a top-level ", \\quad" and before a top-level " + ", never inside braces', () => {
    expect(texLines('L = \\frac{a + b}{c} + \\frac{d}{2}, \\quad k = 1,\\; m = 2')).toEqual([
      'L = \\frac{a + b}{c}',
      '+ \\frac{d}{2}',
      'k = 1',
      'm = 2',
    ]);
  });
  it('leaves a formula without a top-level break whole', () => {
    expect(texLines('L = -\\log \\frac{e^{a}}{e^{a} + \\sum_j e^{b}}')).toEqual(['L = -\\log \\frac{e^{a}}{e^{a} + \\sum_j e^{b}}']);
  });
  it('never breaks inside \\left … \\right, nor at a "+" inside brackets', () => {
    expect(texLines('z = s\\left(\\cos(a + b) - c\\right),\\qquad w = \\big[ a + b \\big]')).toEqual([
      'z = s\\left(\\cos(a + b) - c\\right)',
      'w = \\big[ a + b \\big]',
    ]);
  });
  it('counts escaped braces as text, not as groups', () => {
    expect(texLines('\\{ x \\}, \\quad y')).toEqual(['\\{ x \\}', 'y']);
  });
  it('stacks lines flush left, a comma ending each definition, a "+" line indented', () => {
    expect(stackedTex(['L = a', '+ b', 'k = 1'])).toBe('\\begin{aligned}&L = a \\\\ &\\qquad + b, \\\\ &k = 1\\end{aligned}');
  });
  it('every loss: its stacked form renders without a KaTeX error and keeps every symbol of the one line', () => {
    for (const kind of LOSS_KINDS) {
      const tex = lossDef(kind).view.tex({ ...defaultsFor(2), loss: kind } as never, 0.5);
      const lines = texLines(tex);
      const html = katex.renderToString(stackedTex(lines), { throwOnError: true, displayMode: true, strict: 'error' });
      expect(html, kind).toContain('katex');
      const letters = (s: string) => s.replace(/\\q?quad|\\;/g, '').replace(/[^A-Za-z0-9]/g, '').length;
      expect(letters(lines.join('')), kind).toBe(letters(tex));
    }
  });
});
