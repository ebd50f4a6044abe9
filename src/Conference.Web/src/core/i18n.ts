// Interface texts come from one JSON file per language (same keys, checked by a test); the
// conference's own texts come from the organizer's per-language translations, falling back to the
// conference's first language. Dates and times are formatted by Intl in the chosen language.
import az from '../i18n/az.json';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import tr from '../i18n/tr.json';
import { h } from './dom';

export const languages = ['az', 'en', 'tr', 'ru'] as const;
export type Language = (typeof languages)[number];
export type TextKey = keyof typeof en;

/** Each language's name in itself: a person finds their own language whatever the page shows. */
export const languageNames: Record<Language, string> = { az: 'Azərbaycanca', en: 'English', tr: 'Türkçe', ru: 'Русский' };

const catalogs: Record<Language, Record<TextKey, string>> = { az, en, tr, ru };
const storageKey = 'conference.language';

export function chooseLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((languages as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

let current: Language = chooseLanguage(
  typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey),
  typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
const listeners = new Set<() => void>();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return fill(catalogs[current][key] ?? catalogs.en[key] ?? key, params);
}

/**
 * The text function of a page's own catalogs (the consoles', the contributor page's), kept apart from the
 * participant pages' catalog so their bundle does not carry them; English where a language lacks a text.
 */
export function catalogTexts<K extends string>(own: Record<Language, Record<K, string>>): (key: K, params?: Record<string, string | number>) => string {
  return (key, params = {}) => fill(own[current][key] ?? own.en[key] ?? key, params);
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

type Translated = { title?: string | null; slogan?: string | null; translations?: Record<string, { title?: string | null; slogan?: string | null }> | null };

/** The organizer's text in the viewer's language, or the conference's own (its first language). */
export function localized(item: Translated, field: 'title' | 'slogan'): string {
  return item.translations?.[current]?.[field] || item[field] || '';
}

export function formatTime(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

export function formatDate(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(current, { dateStyle: 'full', timeZone }).format(ms);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(current).format(value);
}

/** A minutes figure ("3 min", "3 dəq."): Chromium's reduced ICU lacks unit names for some of our languages. */
export function formatMinutes(ms: number): string {
  return t('live.minutes', { count: formatNumber(Math.max(1, Math.round(Math.abs(ms) / 60_000))) });
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The language switcher: a labelled select, so it works by keyboard and screen reader. */
export function languageSwitcher(): HTMLElement {
  const select = h('select', { id: 'language', 'data-testid': 'language' },
    ...languages.map(lang => h('option', { value: lang, lang, selected: lang === current }, languageNames[lang])));
  select.addEventListener('change', () => setLanguage(select.value as Language));
  const label = h('label', { for: 'language', class: 'language-label' }, t('language.label'));
  onLanguageChange(() => { label.textContent = t('language.label'); select.value = current; });
  return h('div', { class: 'language' }, label, select);
}

/** Sets the document's language and applies the first translation pass. */
export function startI18n(): void {
  document.documentElement.lang = current;
}
