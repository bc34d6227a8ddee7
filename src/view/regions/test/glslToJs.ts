// Runs the scalar part of a shader as JavaScript: the contract tests hold the GLSL the view compiles
// to the plain-number code it mirrors. It reads the subset that code is written in: float and int
// scalars, uniform vectors' .x–.w, arrays indexed in loops, if/else, ?:, and GLSL's built-ins below.

const BUILTINS = {
  PI: Math.PI,
  max: Math.max,
  min: Math.min,
  exp: Math.exp,
  log: Math.log,
  pow: Math.pow,
  abs: Math.abs,
  sqrt: Math.sqrt,
  acos: Math.acos,
  cos: Math.cos,
  sin: Math.sin,
  floor: Math.floor,
  mod: (a: number, b: number) => a - b * Math.floor(a / b),
  clamp: (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v)),
};

/** The functions of `src` as JavaScript, with `scope` (uniforms, defines) in reach; returns the function named `entry`. */
export function glslToJs(src: string, entry: string, scope: Record<string, unknown>): (...args: unknown[]) => number {
  const js = src
    .replace(/\/\/.*$/gm, '')
    .replace(/^\s*(#define|uniform)\b.*$/gm, '')
    .replace(/\b(?:float|int|bool|vec[234]|void)\s+(\w+)\s*\(([^)]*)\)\s*\{/g, (_all, name: string, params: string) => {
      const names = params
        .split(',')
        .map((p) =>
          p
            .trim()
            .split(/\s+/)[1]
            ?.replace(/\[.*\]$/, ''),
        )
        .filter(Boolean);
      return `function ${name}(${names.join(', ')}) {`;
    })
    .replace(/\b(?:float|int|bool)\s+(?=[A-Za-z_])/g, 'let ');
  const names = [...Object.keys(BUILTINS), ...Object.keys(scope)];
  const make = new Function(...names, `${js}\nreturn ${entry};`) as (...v: unknown[]) => (...args: unknown[]) => number;
  return make(...Object.values(BUILTINS), ...Object.values(scope));
}
