// What every page shares: the header with the language switcher, the screen-reader announcer and
// re-rendering on a language change.
import { h, replace } from './dom';
import { languageSwitcher, onLanguageChange, startI18n, t, type TextKey } from './i18n';

export interface Chrome {
  main: HTMLElement;
  heading: HTMLHeadingElement;
  announce(text: string): void;
}

/** The page's title is a key of the participant catalog, or a function for pages with their own catalog. */
export function mountChrome(title: TextKey | (() => string), render: () => void): Chrome {
  startI18n();
  const app = document.getElementById('app')!;
  const heading = h('h1', { id: 'page-title' });
  const main = h('main', { id: 'main', tabindex: -1, 'aria-labelledby': 'page-title' });
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'announcer' });
  const skip = h('a', { class: 'skip', href: '#main' }, t('page.skip'));
  replace(app, skip, h('header', { class: 'top' }, heading, languageSwitcher()), main, announcer);
  const setTitle = () => {
    document.title = typeof title === 'function' ? title() : t(title);
    skip.textContent = t('page.skip');
  };
  setTitle();
  onLanguageChange(() => { setTitle(); render(); });
  return {
    main,
    heading,
    announce(text: string) {
      // Clearing first makes a screen reader announce the same text twice in a row too.
      announcer.textContent = '';
      setTimeout(() => { announcer.textContent = text; }, 50);
    },
  };
}
