// The consoles' own texts (host, producer, organizer): a catalog per language apart from the
// participant pages' one, imported only by console pages, so the participant bundle does not carry them.
import az from '../i18n/console/az.json';
import en from '../i18n/console/en.json';
import ru from '../i18n/console/ru.json';
import tr from '../i18n/console/tr.json';
import { language, type Language } from './i18n';

export type ConsoleKey = keyof typeof en;

const catalogs: Record<Language, Record<ConsoleKey, string>> = { az, en, tr, ru };

export function ct(key: ConsoleKey, params: Record<string, string | number> = {}): string {
  const text = catalogs[language()][key] ?? catalogs.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
