import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { MAX_CLASSES } from '../regions/regionUniforms';
import { THEMES, classColor, classShape } from './palette';

const dE = differenceCiede2000();
const VISION: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const col = (hex: string) => parse(hex)!;

describe('the class palette (WCAG 1.4.1: colour is never the only cue)', () => {
  it('any two classes of one shape differ by ≥ 10 in CIEDE2000, for normal vision and under each colour-vision deficiency', () => {
    let worst = Infinity;
    for (const [vision, see] of Object.entries(VISION)) {
      for (let a = 0; a < MAX_CLASSES; a++) {
        for (let b = a + 1; b < MAX_CLASSES; b++) {
          if (classShape(a) !== classShape(b)) continue;
          const d = dE(see(col(classColor(a))), see(col(classColor(b))));
          worst = Math.min(worst, d);
          expect(d, `${vision}: classes ${a + 1} and ${b + 1}`).toBeGreaterThanOrEqual(10);
        }
      }
    }
    // Okabe–Ito's seven reach about 11 (vermillion and orange under tritanopia): the bar is met, not by far.
    expect(worst).toBeLessThan(12);
  });
  it('two classes of one colour have different shapes, for the 12 classes the view draws', () => {
    for (let a = 0; a < MAX_CLASSES; a++)
      for (let b = a + 1; b < MAX_CLASSES; b++)
        if (classColor(a) === classColor(b)) expect(classShape(a), `${a + 1}, ${b + 1}`).not.toBe(classShape(b));
  });
  it("every class colour stands apart from each theme's background (≥ 10 under every vision)", () => {
    for (const [theme, t] of Object.entries(THEMES)) {
      for (const [vision, see] of Object.entries(VISION)) {
        for (let j = 0; j < MAX_CLASSES; j++)
          expect(dE(see(col(classColor(j))), see(col(t.background))), `${theme}, ${vision}, class ${j + 1}`).toBeGreaterThanOrEqual(10);
      }
    }
  });
});

describe('the labels drawn inside the canvas (WCAG 1.4.3: axe cannot see them)', () => {
  it("the weight labels' and the tour cue's text, the theme's ink on its halo, reach 4.5:1 in every theme", () => {
    for (const [theme, t] of Object.entries(THEMES)) {
      // WeightArrows and TourCue draw their text in t.foreground on a halo of t.background, over the view's t.background or t.sphere.
      for (const behind of [t.background, t.sphere])
        expect(wcagContrast(t.foreground, behind), `${theme}: ink on ${behind}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the points (WCAG 1.4.11: graphics 3:1 against what they sit on)', () => {
  it("a point's rim, the theme's line colour, stands 3:1 against the background and the sphere of every theme", () => {
    for (const [theme, t] of Object.entries(THEMES))
      for (const behind of [t.background, t.sphere])
        expect(wcagContrast(t.line, behind), `${theme}: rim on ${behind}`).toBeGreaterThanOrEqual(3);
  });
});
