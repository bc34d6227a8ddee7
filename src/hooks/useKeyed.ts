import { useRef } from 'react';

/**
 * A value kept while `deps` (any number of them) stay the same, element by element (Object.is):
 * useMemo for a dependency list whose length varies (one frame per compare panel) or for a value
 * described by a key string (a chart's options). `factory` runs when a dependency changes.
 */
export function useKeyed<T>(factory: () => T, deps: readonly unknown[]): T {
  const kept = useRef<{ deps: readonly unknown[]; value: T } | null>(null);
  const prev = kept.current;
  if (!prev || prev.deps.length !== deps.length || prev.deps.some((d, i) => !Object.is(d, deps[i]))) {
    kept.current = { deps, value: factory() };
  }
  return kept.current!.value;
}
