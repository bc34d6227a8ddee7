import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Presence } from '../client/presenceGate';
import type { CaptureRegistry } from '../view/canvas/capture';

/**
 * The stage's picture as an image: the single view drawn once more, or compare mode's shared
 * canvas (which keeps its pixels). Undefined when there is nothing to copy (a canvas of no size).
 */
function pictureOf(stage: HTMLElement, captures: CaptureRegistry): HTMLCanvasElement | undefined {
  const shared = stage.querySelector<HTMLCanvasElement>('.shared-canvas canvas');
  if (!shared) {
    const view = stage.querySelector<HTMLCanvasElement>('.view canvas');
    if (!view?.width || !view.height || !stage.clientWidth || !stage.clientHeight) return undefined;
    return captures.capture(0, Math.min(2, window.devicePixelRatio || 1));
  }
  if (!shared.width || !shared.height) return undefined;
  const out = document.createElement('canvas');
  out.width = shared.width;
  out.height = shared.height;
  out.getContext('2d')?.drawImage(shared, 0, 0);
  return out;
}

/**
 * An embed's last picture, kept while it is hidden: taken as it is hidden (its canvas still
 * there), shown while it holds no canvas (asleep, or in reveal.js's overview), and until the
 * canvas made when it is shown again has drawn. A blob: URL, revoked when replaced.
 */
export function usePoster(
  stage: RefObject<HTMLElement | null>,
  presence: Presence,
  canvas: boolean,
  captures: CaptureRegistry,
): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const [covering, setCovering] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const el = stage.current;
    if (presence !== 'hidden' || !el || !el.querySelector('canvas[data-ready="1"]')) return;
    let live = true;
    let picture: HTMLCanvasElement | undefined;
    try {
      picture = pictureOf(el, captures);
    } catch (err) {
      // A lost context, a canvas being resized: no poster this time, the last one stays.
      console.warn('hypersphere: no picture of the hidden view', err);
    }
    if (picture && picture.width > 0 && picture.height > 0)
      picture.toBlob((blob) => {
        if (!live || !blob) return;
        if (current.current) URL.revokeObjectURL(current.current);
        current.current = URL.createObjectURL(blob);
        setUrl(current.current);
      });
    return () => {
      live = false;
    };
  }, [presence, stage, captures]);

  // Without a canvas the poster covers; with a new one, until it has drawn (two frames after it is made).
  useEffect(() => {
    if (!canvas) return setCovering(true);
    let frame = 0;
    let drawn = 0;
    let looks = 0;
    const look = () => {
      const ready = stage.current?.querySelector('canvas[data-ready="1"]');
      // Drawn (or, after about 5 s, given up on: no WebGL): the canvas shows.
      if ((ready && ++drawn >= 2) || ++looks > 300) return setCovering(false);
      frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [canvas, stage]);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  return covering ? url : null;
}
