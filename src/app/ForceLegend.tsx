import { useEffect, useState, type RefObject } from 'react';
import { FORCE_SCALE, FORCE_FILL } from '../view/marks/ForceLines';

/** The force the legend's bar stands for. */
const REFERENCE = 0.1;

/**
 * The forces' scale, under the picture: a bar as long as a force of 0.1 on a point's direction is
 * drawn (one scale for every panel). The bar follows the panels' size.
 */
export function ForceLegend({ stage }: { stage: RefObject<HTMLDivElement | null> }) {
  const [px, setPx] = useState(0);
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const measure = () => {
      const panel = el.querySelector<HTMLElement>('[data-frames]') ?? el;
      const r = panel.getBoundingClientRect();
      setPx(REFERENCE * FORCE_SCALE * FORCE_FILL * Math.min(r.width, r.height));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [stage]);
  return (
    <p className="force-legend" data-testid="force-legend" data-bar-px={px.toFixed(1)}>
      Force on each point, −∂ℓ/∂x̂: <span className="force-bar" style={{ width: `${px}px` }} aria-hidden="true" /> = {REFERENCE}
    </p>
  );
}
