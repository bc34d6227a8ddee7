import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import type { LossSpec } from '../../losses/registry';
import type { ViewState } from '../frame/viewState';
import { landscapeClass, landscapeShader, type LandscapeShader } from './landscapeGlsl';

/**
 * The landscape a view draws from its `landscape=` setting ('off', 'hover' or a class 1–12) and the
 * loss: its shader variant (and that variant as a string), its class, or null. For tests the area carries `data-landscape-class`
 * (1-based, the class drawn now; empty when none is).
 */
export function useLandscape(vs: ViewState, area: HTMLElement, choice: string, spec: LossSpec) {
  const shader = choice === 'off' ? null : landscapeShader(spec);
  const key = shader ? JSON.stringify(shader) : '';
  const cls: number | 'hover' = choice === 'hover' ? 'hover' : Number(choice) - 1;
  // One shader object per variant (a new class reuses it: the sphere recompiles only for a new variant).
  const stable = useMemo(() => (key ? (JSON.parse(key) as LandscapeShader) : null), [key]);
  const landscape = useMemo(() => (stable ? { shader: stable, key, cls } : null), [stable, key, cls]);
  useFrame(() => {
    const shown = landscape ? String(landscapeClass(vs, landscape.cls) + 1) : '';
    if (area.dataset.landscapeClass !== shown) area.dataset.landscapeClass = shown;
  });
  return landscape;
}
