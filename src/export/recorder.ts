// Records the view (or compare mode's grid) to WebM with MediaRecorder, captions burnt in.
import { composeTiles, type Tile } from './compose';

const FPS = 30;

/** The WebM types this browser records, best first ('' when it records none). */
export function webmType(): string {
  if (typeof MediaRecorder === 'undefined') return '';
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? '';
}

/**
 * Copies the live canvases into one 2-D canvas up to 30 times a second and records that canvas.
 * `tiles()` gives the current canvases and captions at each copy.
 */
export class Recorder {
  private readonly canvas = document.createElement('canvas');
  private readonly recorder: MediaRecorder;
  private readonly stream: MediaStream;
  private readonly chunks: Blob[] = [];
  private timer = 0;
  readonly startedAt = performance.now();

  private readonly tiles: () => Tile[];
  private readonly colors: { background: string; foreground: string };

  constructor(tiles: () => Tile[], colors: { background: string; foreground: string }) {
    this.tiles = tiles;
    this.colors = colors;
    const type = webmType();
    if (!type) throw new Error('this browser cannot record WebM video');
    this.draw();
    this.stream = this.canvas.captureStream(FPS);
    this.recorder = new MediaRecorder(this.stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.chunks.push(e.data);
    };
    this.recorder.start(500);
    this.timer = window.setInterval(() => this.draw(), 1000 / FPS);
  }

  private draw(): void {
    composeTiles(this.canvas, this.tiles(), 1, this.colors.background, this.colors.foreground);
  }

  /** Stops and gives the video. */
  stop(): Promise<Blob> {
    window.clearInterval(this.timer);
    return new Promise((resolve) => {
      this.recorder.onstop = () => {
        // The canvas stream's track keeps capturing until it is stopped itself.
        for (const track of this.stream.getTracks()) track.stop();
        resolve(new Blob(this.chunks, { type: 'video/webm' }));
      };
      this.recorder.stop();
    });
  }
}
