// The consoles' own texts (host, producer, organizer): a catalog per language apart from the
// participant pages' one, imported only by console pages, so the participant bundle does not carry them.
import az from '../i18n/console/az.json';
import en from '../i18n/console/en.json';
import ru from '../i18n/console/ru.json';
import tr from '../i18n/console/tr.json';
import { catalogTexts } from './i18n';

export type ConsoleKey = keyof typeof en;

export const ct = catalogTexts<ConsoleKey>({ az, en, tr, ru });
