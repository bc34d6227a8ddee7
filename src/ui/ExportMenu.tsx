import { useEffect, useRef, useState } from 'react';
import type { Recorder } from '../export/recorder';
import type { CaptureRegistry } from '../view/canvas/capture';
import { savePng as savePicture, tilesOf, type ExportScene } from './savePng';

interface Props {
  registry: CaptureRegistry;
  /** The scene now (read when a picture is taken, so the step is current). */
  scene: () => ExportScene;
  caption: boolean;
  onCaption: (on: boolean) => void;
  colors: { background: string; foreground: string };
}

/** "Save PNG" (the view or the compare grid at 2×) and "Record" (WebM), both named after the loss and its parameters. */
export function ExportMenu({ registry, scene, caption, onCaption, colors }: Props) {
  const [recording, setRecording] = useState<Recorder | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [message, setMessage] = useState('');
  const latest = useRef({ scene, caption });
  latest.current = { scene, caption };

  useEffect(() => {
    if (!recording) return;
    const t = window.setInterval(() => setSeconds(Math.floor((performance.now() - recording.startedAt) / 1000)), 250);
    return () => window.clearInterval(t);
  }, [recording]);

  /** The live pixels a recording copies frame by frame. */
  const tilesNow = () => tilesOf(registry, latest.current.scene(), 1, latest.current.caption, true);

  const savePng = async () => setMessage(await savePicture(registry, scene(), caption, colors));

  const toggleRecord = async () => {
    const { download, fileName } = await import('../export/compose');
    if (recording) {
      setRecording(null);
      const blob = await recording.stop();
      download(blob, fileName(['hypersphere', ...scene().name], 'webm'));
      return;
    }
    const { Recorder } = await import('../export/recorder');
    try {
      setSeconds(0);
      setRecording(new Recorder(tilesNow, colors));
      setMessage('');
    } catch (e) {
      setMessage(`Recording is not available: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  return (
    <div className="export">
      <button type="button" onClick={() => void savePng()} title="Save the view (or every panel) as a PNG at twice its size">
        Save PNG
      </button>
      <button type="button" onClick={() => void toggleRecord()} aria-pressed={recording !== null} title="Record the view as WebM video">
        {recording ? `■ Stop (${seconds} s)` : '● Record'}
      </button>
      <label className="export-caption">
        <input type="checkbox" name="caption" checked={caption} onChange={(e) => onCaption(e.target.checked)} /> Caption
      </label>
      {message && (
        <span className="export-message" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
