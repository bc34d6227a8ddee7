// TeX building blocks for the losses' formulas (pure strings).

/** A number as the formula shows it: at most `digits` decimals, no trailing zeros. */
export const texNumber = (v: number, digits = 2): string => Number(v.toFixed(digits)).toString();

/** The general form −log(e^{t} / (e^{t} + Σ_{j≠y} e^{o_j})) with a target term t and others o. */
export function crossEntropyTex(target: string, other: string): string {
  return `L = -\\frac{1}{N}\\sum_{i=1}^{N} \\log \\frac{e^{${target}}}{e^{${target}} + \\sum_{j \\neq y_i} e^{${other}}}`;
}

/** The cross-entropy with its target logit named z_i and defined on a line of its own: the narrow form of a long target. */
export function namedTargetLines(target: string, other: string): string[] {
  return [crossEntropyTex('z_i', other), `z_i = ${target}`];
}

/** The raw-logit softmax form, W_yᵀx + b_y. */
export const RAW_SOFTMAX_TEX = crossEntropyTex('W_{y_i}^{\\top} x_i + b_{y_i}', 'W_j^{\\top} x_i + b_j');

/** The cosine form with scale s and a target term (cos θ_y with its margin). */
export function cosineTex(s: number, target: string): string {
  const sc = texNumber(s, 1);
  return crossEntropyTex(`${sc}${target}`, `${sc}\\cos\\theta_j`);
}

/** Where a formula may break: after a top-level ", \quad" (or "\qquad", "\;") between definitions, and before a top-level " + " (a regulariser). */
const BREAKS = [/^,\s*\\qquad\s*/, /^,\s*\\quad\s*/, /^,\s*\\;\s*/, /^\s\+\s/];

/**
 * A one-line formula cut into lines at its top level (outside every brace): after each ", \quad"
 * between a loss and its definitions, and before each " + " that adds a term to the loss (outside
 * brackets, before the first definition). A line
 * after a "+" keeps it at its start. Pure: the side panel stacks the lines when the one line is
 * wider than its box.
 */
export function texLines(tex: string): string[] {
  const lines: string[] = [];
  let depth = 0; // braces and \left … \right: a line never breaks inside them
  let parens = 0; // ( and [: a term inside them is not a term of the loss
  let defined = false; // past the loss, in its definitions: a "+" there is not a term of the loss
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      const word = /^\\(left|right|[{}])/.exec(tex.slice(i));
      if (word?.[1] === 'left') depth++;
      if (word?.[1] === 'right') depth--;
      i += word ? word[0].length : 1; // a delimiter after \left or \right is not a bracket of the text
      i--;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '(' || c === '[') parens++;
    else if (c === ')' || c === ']') parens--;
    if (depth !== 0 || i === 0) continue;
    const rest = tex.slice(i);
    const hit = BREAKS.map((re) => re.exec(rest)).find((m) => m !== null);
    if (!hit) continue;
    const plus = hit[0].includes('+');
    if (plus && (parens !== 0 || defined)) continue;
    lines.push(tex.slice(start, i).trim());
    defined ||= !plus;
    start = plus ? i + 1 : i + hit[0].length;
    i += hit[0].length - 1;
  }
  lines.push(tex.slice(start).trim());
  return lines.filter((l) => l !== '');
}

/** Lines stacked flush left, a continued term ("+ …") indented under the line it continues. */
export function stackedTex(lines: readonly string[]): string {
  const rows = lines.map((l, i) => {
    const end = i < lines.length - 1 && !lines[i + 1]!.startsWith('+') ? ',' : '';
    return `&${l.startsWith('+') ? '\\qquad ' : ''}${l}${end}`;
  });
  return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}
