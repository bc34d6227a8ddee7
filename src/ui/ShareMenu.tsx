import { useState } from 'react';
import { PRESETS } from '../params/presets';

/** The embed snippet for the current state: the same query with embed=1. */
export function embedSnippet(href: string): string {
  const url = new URL(href);
  url.searchParams.set('embed', '1');
  const src = url.toString().replace(/%2C/g, ',');
  return `<iframe src="${src}" width="960" height="540" style="border:0" allow="fullscreen" title="Hypersphere: margin losses on the sphere"></iframe>`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Presets menu, "Copy link" and "Copy embed code". */
export function ShareMenu({ onPreset, onHelp }: { onPreset: (query: string) => void; onHelp: () => void }) {
  const [copied, setCopied] = useState('');
  const flash = (what: string, ok: boolean) => {
    setCopied(ok ? `${what} copied` : `Copy failed: select the address bar instead`);
    window.setTimeout(() => setCopied(''), 2000);
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
      <button type="button" onClick={async () => flash('Embed code', await copy(embedSnippet(window.location.href)))}>
        Copy embed code
      </button>
      <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      <span className="copied" aria-live="polite">
        {copied}
      </span>
    </div>
  );
}
