// The contributor page's own texts: a catalog per language apart from the participant pages' one.
import az from '../i18n/submit/az.json';
import en from '../i18n/submit/en.json';
import ru from '../i18n/submit/ru.json';
import tr from '../i18n/submit/tr.json';
import { catalogTexts } from './i18n';

export type SubmitKey = keyof typeof en;

export const st = catalogTexts<SubmitKey>({ az, en, tr, ru });
