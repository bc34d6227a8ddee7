import { useEffect, useRef, useState } from 'react';
import { EMBED_HOSTS, embedSnippet, type EmbedHost } from '../export/embedSnippets';

interface Props {
  /** Puts text on the clipboard; resolves to whether it could. */
  copy: (text: string) => Promise<boolean>;
  /** Says what was copied (or that it failed). */
  flash: (what: string, ok: boolean) => void;
  /** Saves the view as a PNG; resolves to its file name, or '' when there was nothing to save. */
  savePicture: () => Promise<string>;
}

/**
 * "Copy embed code": a choice of host (a web page, reveal.js, Quarto, Slidev, Jupyter, a Markdown
 * link with a picture), each given the snippet it takes (export/embedSnippets.ts). The Markdown
 * choice also saves the PNG its snippet names.
 */
export function EmbedMenu({ copy, flash, savePicture }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && e.target !== toggle.current) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const choose = async (host: EmbedHost, label: string) => {
    setOpen(false);
    toggle.current?.focus();
    const picture = host === 'markdown' ? await savePicture() : '';
    if (host === 'markdown' && !picture) return flash('Picture', false);
    flash(`${label} code`, await copy(embedSnippet(host, window.location.href, picture || undefined)));
  };

  return (
    <div className="embed-menu">
      <button type="button" ref={toggle} aria-expanded={open} aria-controls="embed-hosts" onClick={() => setOpen((o) => !o)}>
        Copy embed code
      </button>
      {open && (
        <div id="embed-hosts" className="embed-hosts" role="group" aria-label="Embed code for" ref={list}>
          {EMBED_HOSTS.map(({ host, label, hint }) => (
            <button key={host} type="button" data-host={host} onClick={() => void choose(host, label)}>
              <span className="embed-host">{label}</span>
              <span className="embed-hint">{hint}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
