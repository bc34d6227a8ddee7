import { useEffect, useState } from 'react';
import { THEMES, type ThemeColors, type ThemeName } from '../view/style/palette';

function useMediaQuery(query: string): boolean {
  const [match, setMatch] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMatch(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return match;
}

/** The resolved theme (auto follows the system's light or dark) and the user's motion preference. */
export function useTheme(choice: 'auto' | ThemeName): { name: ThemeName; colors: ThemeColors; reducedMotion: boolean } {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const name = choice === 'auto' ? (prefersDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = name;
  }, [name]);
  return { name, colors: THEMES[name], reducedMotion };
}
