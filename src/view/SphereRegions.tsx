import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { ThemeColors } from './palette';
import { REGION_GLSL, makeRegionUniforms, setRegionUniforms } from './regionUniforms';
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

const fragmentShader = /* glsl */ `
  ${REGION_GLSL}
  uniform float uShowRegions, uShowMargins, uOpacity;
  uniform vec3 uBase, uMarginColor, uLine;
  varying vec3 vDir;
  varying vec3 vNormalView;
  void main() {
    vec3 n = normalize(vDir);
    vec4 k = classify(n);
    vec3 col = uBase;
    if (uShowRegions > 0.5 && uC > 0) col = mix(uBase, classColorAt(int(k.x + 0.5)), 0.5);
    if (uShowMargins > 0.5 && k.y < 0.5) col = mix(uBase, uMarginColor, 0.9);
    // Decision boundaries: where the best two scores meet, about 2.5 px wide whatever the zoom.
    float gap = k.z - k.w;
    float w = fwidth(gap);
    float line = uC > 1 ? 1.0 - smoothstep(1.2 * w, 2.5 * w, gap) : 0.0;
    col = mix(col, uLine, 0.85 * line);
    float shade = 0.72 + 0.28 * clamp(vNormalView.z, 0.0, 1.0);
    gl_FragColor = vec4(col * shade, uOpacity);
  }
`;

interface Props {
  vs: ViewState;
  theme: ThemeColors;
  showRegions: boolean;
  showMargins: boolean;
}

/** The unit sphere, coloured by the class whose weight is nearest in angle, margin zones grey. */
export function SphereRegions({ vs, theme, showRegions, showMargins }: Props) {
  const mesh = useRef<THREE.Mesh>(null);
  const uniforms = useMemo(() => makeRegionUniforms(), []);
  const material = useMemo(
    () => new THREE.ShaderMaterial({ vertexShader, fragmentShader, uniforms, transparent: true, depthWrite: false }),
    [uniforms],
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
    uniforms.uShowRegions.value = showRegions ? 1 : 0;
    uniforms.uShowMargins.value = showMargins ? 1 : 0;
    const C = vs.info?.numClasses ?? 0;
    if (vs.regions && C > 0) setRegionUniforms(uniforms, vs.regions, vs.wDirs, C);
    else uniforms.uC.value = 0;
    mesh.current?.scale.setScalar(vs.radius * 0.985);
  });

  return <mesh ref={mesh} geometry={geometry} material={material} renderOrder={1} />;
}
