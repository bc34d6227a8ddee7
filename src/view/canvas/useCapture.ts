import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { captureView, liveView, type CaptureRegistry } from './capture';

/** Registers this view (its canvas, or its panel's rectangle `area` of a shared one) with the page's capture registry as panel `panel`. */
export function useCapture(registry: CaptureRegistry | undefined, panel: number, area: HTMLElement): void {
  const get = useThree((s) => s.get);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => registry?.register(panel, captureView(get, area), liveView(canvas, area)), [registry, panel, get, canvas, area]);
}
