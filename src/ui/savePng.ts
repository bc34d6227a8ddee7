// "Save PNG": the view, or every compare panel, drawn at a scale and composed into one picture.
import type { CaptureRegistry } from '../view/canvas/capture';
import type { Tile } from '../export/compose';

/** What a picture shows: each panel's index and caption, and the words its file is named with. */
export interface ExportScene {
  panels: { panel: number; caption: string }[];
  name: string[];
}

/** Each panel's pixels (drawn again at `scale`, or `live` as they are), captioned or not. */
export function tilesOf(
  registry: CaptureRegistry,
  scene: ExportScene,
  scale: number,
  caption: boolean,
  live = false,
): (Tile & { caption: string })[] {
  return scene.panels.flatMap(({ panel, caption: text }) => {
    const shot = live ? undefined : registry.capture(panel, scale);
    const pixels = live ? registry.live(panel) : shot && { image: shot };
    return pixels ? [{ ...pixels, caption: caption ? text : '' }] : [];
  });
}

/** PNG scale: twice the view's CSS size. */
export const PNG_SCALE = 2;

/** The file a picture of `scene` is saved as. */
export async function pngName(scene: ExportScene): Promise<string> {
  const { fileName } = await import('../export/compose');
  return fileName(['hypersphere', ...scene.name], 'png');
}

/** Saves the picture as `name` (by default named after the scene); resolves to '' or what went wrong. */
export async function savePng(
  registry: CaptureRegistry,
  scene: ExportScene,
  caption: boolean,
  colors: { background: string; foreground: string },
  name?: string,
): Promise<string> {
  const { composeTiles, download } = await import('../export/compose');
  const tiles = tilesOf(registry, scene, PNG_SCALE, caption);
  if (tiles.length === 0) return 'Nothing to save yet: the view has not drawn.';
  const out = composeTiles(document.createElement('canvas'), tiles, PNG_SCALE, colors.background, colors.foreground);
  const file = name ?? (await pngName(scene));
  return new Promise((resolve) =>
    out.toBlob((blob) => {
      if (blob) download(blob, file);
      resolve(blob ? '' : 'The picture could not be encoded.');
    }, 'image/png'),
  );
}
