import { useAppStore } from '../store/useAppStore.ts';
import { useMediaQuery } from './useMediaQuery.ts';

/** The theme in effect: the user's choice, or the system's when they made none. */
export function useEffectiveTheme(): 'light' | 'dark' {
  const preference = useAppStore((s) => s.themePreference);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  if (preference !== 'system') return preference;
  return systemDark ? 'dark' : 'light';
}
