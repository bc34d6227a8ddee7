// The cells as a Jupyter notebook (nbformat 4) and as a Python script (percent cells, which VS Code
// and Jupytext read as cells): the same cells in the same order (pure).
import type { Cell } from './cells';

/** Source as nbformat stores it: lines, each with its newline but the last. */
const lines = (s: string) =>
  s
    .replace(/\n$/, '')
    .split('\n')
    .map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));

export function toIpynb(cells: readonly Cell[]): string {
  const nb = {
    cells: cells.map((c) =>
      c.kind === 'markdown'
        ? { cell_type: 'markdown', metadata: {}, source: lines(c.source) }
        : { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: lines(c.source) },
    ),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

export function toScript(cells: readonly Cell[]): string {
  return (
    cells
      .map((c) =>
        c.kind === 'markdown'
          ? `# %% [markdown]\n${c.source
              .split('\n')
              .map((l) => (l ? `# ${l}` : '#'))
              .join('\n')}`
          : `# %%\n${c.source.trimEnd()}`,
      )
      .join('\n\n\n') + '\n'
  );
}
