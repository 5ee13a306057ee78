import { useEffect, useState } from 'preact/hooks';

const effective = (): 'light' | 'dark' => {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'light' || forced === 'dark') return forced;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

/**
 * The colour scheme the page shows now (the theme toggle's choice, or the system's), kept current.
 *
 * @example
 * ```ts
 * const scheme = useColorScheme(); // 'dark'
 * ```
 */
export function useColorScheme(): 'light' | 'dark' {
  const [scheme, setScheme] = useState(effective);
  useEffect(() => {
    const update = (): void => setScheme(effective());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return scheme;
}
