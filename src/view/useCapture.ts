import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { captureRoot, type CaptureRegistry } from './capture';

/** Registers this canvas with the page's capture registry (Save PNG, Record) as panel `panel`. */
export function useCapture(registry: CaptureRegistry | undefined, panel: number): void {
  const get = useThree((s) => s.get);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => registry?.register(panel, captureRoot(get), canvas), [registry, panel, get, canvas]);
}
