// Where the probe stands: its azimuth and elevation (degrees, the URL's) as a unit direction in the
// feature space the view draws (2-D: the circle's angle), and back; the keys that move it.

const RAD = Math.PI / 180;

/** The unit direction of azimuth `az` and elevation `el` (degrees): (cos el cos az, cos el sin az, sin el); 2-D: (cos az, sin az). */
export function probeDirection(az: number, el: number, dim: 2 | 3): number[] {
  if (dim === 2) return [Math.cos(az * RAD), Math.sin(az * RAD)];
  return [Math.cos(el * RAD) * Math.cos(az * RAD), Math.cos(el * RAD) * Math.sin(az * RAD), Math.sin(el * RAD)];
}

/** Azimuth and elevation (degrees, to 0.5°) of a direction (any length; 2-D: z = 0). */
export function probeAngles(v: readonly number[]): { az: number; el: number } {
  const [x = 0, y = 0, z = 0] = v;
  const half = (a: number) => Math.round(a * 2) / 2;
  return { az: half(Math.atan2(y, x) / RAD), el: half(Math.atan2(z, Math.hypot(x, y)) / RAD) };
}

/** One key's move of the probe, degrees a press (Shift + arrows): left/right turn the azimuth, up/down the elevation. */
export const PROBE_STEP = 5;

export function stepProbe(az: number, el: number, key: string): { az: number; el: number } | null {
  const wrap = (a: number) => ((((a + 180) % 360) + 360) % 360) - 180;
  switch (key) {
    case 'ArrowLeft':
      return { az: wrap(az - PROBE_STEP), el };
    case 'ArrowRight':
      return { az: wrap(az + PROBE_STEP), el };
    case 'ArrowUp':
      return { az, el: Math.min(90, el + PROBE_STEP) };
    case 'ArrowDown':
      return { az, el: Math.max(-90, el - PROBE_STEP) };
    default:
      return null;
  }
}
