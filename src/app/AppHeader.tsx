// The page's header: the title, the share menu (links, presets, embed code, help) and the export
// menu (PNG, WebM, captions), which loads when first shown.
import { Suspense, lazy } from 'react';
import { ShareMenu } from '../ui/ShareMenu';
import type { CaptureRegistry } from '../view/canvas/capture';
import type { ThemeColors } from '../view/style/palette';
import type { useExportScene } from '../hooks/useExportScene';

const ExportMenu = lazy(() => import('../ui/ExportMenu').then((m) => ({ default: m.ExportMenu })));

interface Props {
  onPreset: (query: string) => void;
  onHelp: () => void;
  savePicture: () => Promise<string>;
  captures: CaptureRegistry;
  scene: ReturnType<typeof useExportScene>;
  caption: boolean;
  onCaption: (on: boolean) => void;
  colors: ThemeColors;
}

export function AppHeader({ onPreset, onHelp, savePicture, captures, scene, caption, onCaption, colors }: Props) {
  return (
    <header className="app-header">
      <h1>Hypersphere</h1>
      <p className="tagline">How margin losses shape features on the circle and the sphere</p>
      <ShareMenu onPreset={onPreset} onHelp={onHelp} savePicture={savePicture} />
      <Suspense fallback={null}>
        <ExportMenu registry={captures} scene={scene} caption={caption} onCaption={onCaption} colors={colors} />
      </Suspense>
    </header>
  );
}
