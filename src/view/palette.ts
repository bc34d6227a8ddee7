// Colours: a colour-blind-safe class palette of 12 (Okabe–Ito's 7 and 5 of Paul Tol's muted set).

/** Class colours, most distinct first. */
export const CLASS_COLORS = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#882255', // wine
  '#44AA99', // teal
  '#332288', // indigo
  '#999933', // olive
  '#F0E442', // yellow
  '#888888', // grey
] as const;

/** Colour of class j (the palette repeats past 12). */
export function classColor(j: number): string {
  return CLASS_COLORS[j % CLASS_COLORS.length]!;
}

export interface ThemeColors {
  background: string;
  foreground: string;
  /** Margin zones (features there would still be penalised). */
  margin: string;
  /** Boundary lines and the circle/sphere outline. */
  line: string;
  sphere: string;
}

export const THEMES: Record<'light' | 'dark', ThemeColors> = {
  light: { background: '#fbfbfd', foreground: '#1b1d23', margin: '#9a9aa2', line: '#2a2c33', sphere: '#e8e9ef' },
  dark: { background: '#111318', foreground: '#e9eaf0', margin: '#5c5e66', line: '#d8dae2', sphere: '#24262e' },
};
