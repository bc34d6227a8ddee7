import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { ThemeColors } from './palette';
import { FALLBACK_CODE, KIND_CODE, makeRegionUniforms, regionGlsl, setRegionUniforms } from './regionUniforms';
import type { ViewState } from './viewState';

const vertexShader = /* glsl */ `
  varying vec3 vDir;
  varying vec3 vNormalView;
  void main() {
    vDir = normalize(position);
    vNormalView = normalize(normalMatrix * normal);
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }
`;

/** The sphere's fragment shader for C classes, a loss and a fallback (see regionGlsl). */
function fragmentShader(classes: number, kind: number, fallback: number, regions: boolean, margins: boolean): string {
  return /* glsl */ `
  ${regionGlsl(classes, kind, fallback)}
  #define SHOW_REGIONS ${regions ? 1 : 0}
  #define SHOW_MARGINS ${margins ? 1 : 0}
  uniform float uOpacity;
  uniform vec3 uBase, uMarginColor, uLine;
  varying vec3 vDir;
  varying vec3 vNormalView;
  void main() {
    vec3 col = uBase;
  #if SHOW_REGIONS || SHOW_MARGINS
    vec3 classCol;
    vec2 k = classify(normalize(vDir), classCol);
    #if SHOW_REGIONS
      col = mix(uBase, classCol, 0.5);
    #endif
    #if SHOW_MARGINS
      if (k.x < 0.5) col = mix(uBase, uMarginColor, 0.9);
    #endif
    #if NUM_CLASSES > 1
      // Decision boundaries: where the best two scores meet, about 2.5 px wide at any zoom.
      float w = fwidth(k.y);
      col = mix(col, uLine, 0.85 * (1.0 - smoothstep(1.2 * w, 2.5 * w, k.y)));
    #endif
  #endif
    float shade = 0.72 + 0.28 * clamp(vNormalView.z, 0.0, 1.0);
    gl_FragColor = vec4(col * shade, uOpacity);
    #include <colorspace_fragment>
  }
`;
}

interface Props {
  vs: ViewState;
  theme: ThemeColors;
  showRegions: boolean;
  showMargins: boolean;
  classes: number;
  loss: keyof typeof KIND_CODE;
  fallback: keyof typeof FALLBACK_CODE;
}

/** The unit sphere, coloured by the class whose weight is nearest in angle, margin zones grey. */
export function SphereRegions({ vs, theme, showRegions, showMargins, classes, loss, fallback }: Props) {
  const mesh = useRef<THREE.Mesh>(null);
  const uniforms = useMemo(() => makeRegionUniforms(), []);
  const kind = KIND_CODE[loss];
  const fb = FALLBACK_CODE[fallback];
  const material = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader,
        fragmentShader: fragmentShader(classes, kind, fb, showRegions, showMargins),
        uniforms,
        transparent: true,
        depthWrite: false,
      }),
    [uniforms, classes, kind, fb, showRegions, showMargins],
  );
  const geometry = useMemo(() => new THREE.SphereGeometry(1, 128, 96), []);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => {
    uniforms.uBase.value.set(theme.sphere);
    uniforms.uMarginColor.value.set(theme.margin);
    uniforms.uLine.value.set(theme.line);
  }, [theme, uniforms]);

  useFrame(() => {
    const C = vs.info?.numClasses ?? 0;
    if (vs.regions && C > 0 && vs.wDirs.length >= 3 * Math.min(C, classes)) setRegionUniforms(uniforms, vs.regions, vs.wDirs, C);
    mesh.current?.scale.setScalar(vs.radius * 0.985);
  });

  // Drawn after the points (which write depth): it veils the far hemisphere, not the near one.
  return <mesh ref={mesh} geometry={geometry} material={material} renderOrder={2} />;
}
