// Colours and marker shapes: Okabe–Ito's seven colours (black left out: it is the ink), and a second
// shape for classes 8–14, so that colour is never the only cue (WCAG 1.4.1). palette.test.ts checks
// with culori that any two classes of one shape stay ≥ 10 apart in CIEDE2000 for normal vision and
// under simulated protanopia, deuteranopia and tritanopia, and apart from each theme's background.

/** Class colours, most distinct first. */
export const CLASS_COLORS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/** The marker shapes, in order of use: classes 1–7 are discs, 8–14 diamonds (then it repeats). */
export const CLASS_SHAPES = ['disc', 'diamond'] as const;
export type ClassShape = (typeof CLASS_SHAPES)[number];

/** A glyph of each shape, for text (weight labels, tables, legends). */
export const SHAPE_GLYPHS: Record<ClassShape, string> = { disc: '●', diamond: '◆' };

/** Colour of class j. */
export function classColor(j: number): string {
  return CLASS_COLORS[j % CLASS_COLORS.length]!;
}

/** Marker shape of class j (its index in CLASS_SHAPES for the shader). */
export function classShapeIndex(j: number): number {
  return Math.floor(j / CLASS_COLORS.length) % CLASS_SHAPES.length;
}

export function classShape(j: number): ClassShape {
  return CLASS_SHAPES[classShapeIndex(j)]!;
}

export interface ThemeColors {
  background: string;
  foreground: string;
  /** Margin zones (features there would still be penalised). */
  margin: string;
  /** Boundary lines and the circle/sphere outline. */
  line: string;
  sphere: string;
  /** Size factors of what the view draws: points, arrows' thickness and labels (the projector theme enlarges them). */
  sizes: { point: number; arrow: number; label: number };
}

export type ThemeName = 'light' | 'dark' | 'projector';

const NORMAL_SIZES = { point: 1, arrow: 1, label: 1 };

export const THEMES: Record<ThemeName, ThemeColors> = {
  light: { background: '#fbfbfd', foreground: '#1b1d23', margin: '#9a9aa2', line: '#2a2c33', sphere: '#e8e9ef', sizes: NORMAL_SIZES },
  dark: { background: '#111318', foreground: '#e9eaf0', margin: '#5c5e66', line: '#d8dae2', sphere: '#24262e', sizes: NORMAL_SIZES },
  // The back of a lecture hall: white and black, larger points, thicker arrows, larger labels.
  projector: {
    background: '#ffffff',
    foreground: '#000000',
    margin: '#8a8a8a',
    line: '#000000',
    sphere: '#eeeeee',
    sizes: { point: 1.7, arrow: 1.9, label: 1.5 },
  },
};
