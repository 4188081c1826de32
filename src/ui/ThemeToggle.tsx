import { appStore } from '../store/useAppStore.ts';
import { useEffectiveTheme } from './useEffectiveTheme.ts';

/** Switches between the light and the dark theme (the system's setting until the first switch). */
export function ThemeToggle() {
  const theme = useEffectiveTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn-icon"
      data-testid="theme-toggle"
      data-theme={theme}
      aria-label={`Switch to the ${next} theme`}
      title={`Switch to the ${next} theme`}
      onClick={() => appStore.getState().toggleTheme(theme)}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
