// The three.js classes the scene's JSX names (<mesh>, <group>, <instancedMesh>, <points>,
// <meshBasicMaterial>, <color>): react-three-fiber's catalogue. R3F's <Canvas> registers the whole
// THREE namespace by default, which keeps all of three.js in the bundle; the build hands it this
// instead (src/build/threeCatalogue.ts), so the rest is tree-shaken. A JSX element not listed here
// fails on first draw ("… is not part of the THREE namespace"): threeCatalogue.test.ts reads the
// source for every three.js element it names.
import { Color, Group, InstancedMesh, Mesh, MeshBasicMaterial, Points } from 'three';

export const THREE_CATALOGUE = { Color, Group, InstancedMesh, Mesh, MeshBasicMaterial, Points };
