import { useState } from 'preact/hooks';
import { Icon } from './icon';

/** The colour scheme: follow the system, or force light or dark. */
export type Theme = 'auto' | 'light' | 'dark';

const KEY = 'vajra-stream.theme';
const NEXT: Record<Theme, Theme> = { auto: 'dark', dark: 'light', light: 'auto' };
const LABEL: Record<Theme, string> = { auto: 'Theme: follows the system', dark: 'Theme: dark', light: 'Theme: light' };

/**
 * The stored theme (or `auto`).
 *
 * @example
 * ```ts
 * applyTheme(storedTheme());
 * ```
 */
export function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * Set `data-theme` on the document (absent for `auto`, so `prefers-color-scheme` decides).
 *
 * @example
 * ```ts
 * applyTheme('dark');
 * ```
 */
export function applyTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/**
 * A button cycling auto → dark → light, remembered on this device.
 *
 * @example
 * ```tsx
 * <ThemeToggle />
 * ```
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const cycle = (): void => {
    const next = NEXT[theme];
    setTheme(next);
    applyTheme(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page
    }
  };
  return (
    <button type="button" class="icon-button" onClick={cycle} aria-label={`${LABEL[theme]} (change)`} title={LABEL[theme]}>
      <Icon name={theme === 'auto' ? 'auto' : theme === 'dark' ? 'moon' : 'sun'} />
    </button>
  );
}
