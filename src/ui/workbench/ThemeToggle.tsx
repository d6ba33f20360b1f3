import { setTheme } from '../../store';
import { useTheme } from './theme';

/**
 * "Dark theme", pressed or not: switches between light and dark and remembers the choice, which
 * then wins over the system's. Settings has "Follow the system" to go back.
 */
export function ThemeToggle() {
  const dark = useTheme() === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      Dark theme
    </button>
  );
}
