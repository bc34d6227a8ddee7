export const PYTHON_NEEDS: string[];
export const PYTHON_CANDIDATES: string[];
export function findPython(): string | undefined;
export const PYTHON_MISSING: string;
