// How numbers read in the status line, the compare panels and the Angles panel (pure).

/** An angle in radians as degrees with one decimal ('—' before there is one). */
export const degrees = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '—' : `${((r * 180) / Math.PI).toFixed(1)}°`);

/** A fraction as a percentage with one decimal. */
export const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

/** A loss with three decimals ('—' before the first step or after a divergence). */
export const lossText = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
