import { useRef, useState } from 'react';
import { download, fileName } from '../export/compose';
import { MAX_RUN_FILE_BYTES, parseRunFile, type RunFile } from '../export/runFile';

interface Props {
  /** The current run as a file (asks the worker for the final weights). */
  makeFile: () => Promise<RunFile>;
  /** Name words for the file (the loss and its parameters). */
  name: () => string[];
  /** Restores a file's parameters and shows its curves beside the live ones. */
  onImport: (file: RunFile) => void;
  /** The loaded file's title, when one is shown. */
  loaded?: string;
  /** Saves the run as a PyTorch notebook or script; says what it saved. */
  takeHome: (format: 'ipynb' | 'py') => Promise<{ text: string; error: boolean }>;
}

/** Export the run as JSON (parameters, seed, metric history, final weights), import one back, or take it home as PyTorch. */
export function RunFilePanel({ makeFile, name, onImport, loaded, takeHome }: Props) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (format: 'ipynb' | 'py') => {
    setSaving(true);
    setMessage(await takeHome(format));
    setSaving(false);
  };
  const input = useRef<HTMLInputElement>(null);
  const exportRun = async () => {
    const file = await makeFile();
    download(new Blob([JSON.stringify(file)], { type: 'application/json' }), fileName(['hypersphere-run', ...name()], 'json'));
  };
  const importRun = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_RUN_FILE_BYTES)
      return setMessage({
        text: `${f.name} was not loaded: it is larger than ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB. Nothing changed.`,
        error: true,
      });
    const r = parseRunFile(await f.text());
    if ('error' in r) return setMessage({ text: `${f.name} was not loaded: ${r.error}. Nothing changed.`, error: true });
    onImport(r.file);
    setMessage({
      text: `Loaded ${f.name} (saved ${r.file.savedAt.slice(0, 16).replace('T', ' ')}): its settings run again; its curves are drawn in grey.`,
      error: false,
    });
  };
  return (
    <section aria-labelledby="sec-runfile">
      <h2 id="sec-runfile">Run file</h2>
      <div className="runfile">
        <button type="button" onClick={() => void exportRun()} title="Parameters, seed, metric history and final weights as JSON">
          Export run
        </button>
        <label className="button-like">
          Import run…
          <input
            ref={input}
            type="file"
            name="runfile"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => void importRun(e.target.files?.[0]).finally(() => input.current && (input.current.value = ''))}
          />
        </label>
      </div>
      <h3 className="takehome-title">Take it home</h3>
      <p className="muted small">The run you watched, as PyTorch: the same data, initialisation and batches, step for step.</p>
      <div className="runfile">
        <button
          type="button"
          disabled={saving}
          onClick={() => void save('ipynb')}
          title="A Jupyter notebook that trains this run in PyTorch (Colab: upload it)"
        >
          PyTorch notebook (.ipynb)
        </button>
        <button type="button" disabled={saving} onClick={() => void save('py')} title="The same cells as a Python script">
          Python script (.py)
        </button>
      </div>
      {loaded && <p className="muted small">Shown beside this run: {loaded}</p>}
      {message && (
        <p
          className={message.error ? 'notice notice-warn' : 'muted small'}
          role={message.error ? 'alert' : undefined}
          data-testid="runfile-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
