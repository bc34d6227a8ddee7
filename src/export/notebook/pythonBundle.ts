// Python files into one notebook: each file's imports hoisted into the first cell (the project's own
// imports dropped: their code is in the notebook above), its comments and code kept verbatim.

/** The project's own packages: imported as modules in python/, defined in the notebook's cells. */
const OWN = /^(?:from\s+(?:\.|losses|toydata|training)\S*\s+import|import\s+(?:losses|toydata|training)\b)/;
const IMPORT = /^(?:import\s|from\s+\S+\s+import\s)/;

export interface PythonFile {
  /** Its `import …` / `from … import …` lines, the project's own left out. */
  imports: string[];
  /** Everything else, as written. */
  body: string;
}

/** A file's imports apart from its code (a multi-line import in parentheses stays whole). */
export function splitImports(source: string): PythonFile {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const imports: string[] = [];
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!IMPORT.test(line)) {
      body.push(line);
      continue;
    }
    let statement = line;
    while (statement.includes('(') && !statement.includes(')') && i + 1 < lines.length) statement += '\n' + lines[++i]!;
    if (!OWN.test(statement)) imports.push(statement);
  }
  // The blank lines an import block leaves, collapsed.
  return {
    imports,
    body:
      body
        .join('\n')
        .replace(/\n{3,}/g, '\n\n\n')
        .trim() + '\n',
  };
}

/** Python's import order: `import x` lines first, then `from x import …`, each sorted, without repeats. */
export function importBlock(files: readonly PythonFile[]): string {
  const all = [...new Set(files.flatMap((f) => f.imports))];
  const plain = all.filter((l) => l.startsWith('import ')).sort();
  const from = all.filter((l) => l.startsWith('from ')).sort();
  return [...plain, ...from].join('\n');
}

/** The names a file takes from the project's sibling modules (`from .name import …`), in order. */
export function siblingModules(source: string): string[] {
  return [...source.matchAll(/^from \.(\w+) import/gm)].map((m) => m[1]!);
}
