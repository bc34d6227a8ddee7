import { useEffect, useRef, useState } from 'react';
import { PRESETS } from '../params/presets';
import { EmbedMenu } from './EmbedMenu';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface Props {
  onPreset: (query: string) => void;
  onHelp: () => void;
  /** Saves the view as a PNG; resolves to its file name ('' when there was nothing to save). */
  savePicture: () => Promise<string>;
}

/** Presets menu, "Copy link" and "Copy embed code" (for the host it goes in: EmbedMenu). */
export function ShareMenu({ onPreset, onHelp, savePicture }: Props) {
  const [copied, setCopied] = useState('');
  // One message at a time: a new one restarts the clock (an earlier message's timer would clear it).
  const clearing = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(clearing.current), []);
  const flash = (what: string, ok: boolean) => {
    setCopied(
      ok
        ? `${what} copied`
        : what === 'Picture'
          ? 'Nothing to save yet: the view has not drawn'
          : `Copy failed: select the address bar instead`,
    );
    window.clearTimeout(clearing.current);
    clearing.current = window.setTimeout(() => setCopied(''), 2000);
  };
  const groups = [...new Set(PRESETS.map((p) => p.group))];
  return (
    <div className="share">
      <label className="visually-hidden" htmlFor="preset">
        Preset
      </label>
      <select
        id="preset"
        value=""
        onChange={(e) => {
          const p = PRESETS.find((x) => x.id === e.target.value);
          if (p) onPreset(p.query);
        }}
      >
        <option value="">Presets…</option>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {PRESETS.filter((p) => p.group === g).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="button" onClick={async () => flash('Link', await copy(window.location.href))}>
        Copy link
      </button>
      <EmbedMenu copy={copy} flash={flash} savePicture={savePicture} />
      <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      <span className="copied" aria-live="polite">
        {copied}
      </span>
    </div>
  );
}
