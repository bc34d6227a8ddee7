// Vite plugin (build): react-three-fiber's <Canvas> calls extend(THREE) on `import * as THREE from
// 'three'`; this hands it the scene's own catalogue (threeCatalogue.ts) instead, so three.js is
// tree-shaken to the classes the app uses. It fails the build if R3F's code no longer matches.
import type { Plugin } from 'vite';

const R3F_ENTRY = /@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/;
const NAMESPACE_IMPORT = "import * as THREE from 'three';";

export function r3fCatalogue(catalogue: string): Plugin {
  return {
    name: 'hypersphere-r3f-catalogue',
    apply: 'build',
    transform(code, id) {
      if (!R3F_ENTRY.test(id)) return null;
      const uses = code.split(/\bTHREE\b/).length - 1;
      // The import, a comment's mention and the one extend(THREE): anything more and R3F reads THREE elsewhere.
      if (!code.includes(NAMESPACE_IMPORT) || !code.includes('extend(THREE)') || uses > 3)
        this.error(`react-three-fiber's Canvas changed (THREE used ${uses} times): update ${catalogue}'s plugin`);
      return { code: code.replace(NAMESPACE_IMPORT, `import { THREE_CATALOGUE as THREE } from ${JSON.stringify(catalogue)};`), map: null };
    },
  };
}
