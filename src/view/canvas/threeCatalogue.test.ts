import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { THREE_CATALOGUE } from './threeCatalogue';

/** Every .tsx file under a folder. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe("react-three-fiber's catalogue", () => {
  it('holds every three.js class the source names as a JSX element (the build gives R3F nothing else)', () => {
    const src = resolve(import.meta.dirname, '..');
    const tags = new Set(tsxFiles(src).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<([a-z][A-Za-z]*)[\s/>]/g)].map((m) => m[1]!)));
    const threeClasses = [...tags].map((t) => t[0]!.toUpperCase() + t.slice(1)).filter((name) => Object.hasOwn(THREE, name));
    expect(threeClasses.length).toBeGreaterThan(3); // the scan sees the scene's elements
    expect(threeClasses.filter((name) => !Object.hasOwn(THREE_CATALOGUE, name))).toEqual([]);
  });
});
