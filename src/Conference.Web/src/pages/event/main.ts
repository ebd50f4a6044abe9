// The public event page: title, slogan, the program in the viewer's and the conference's zone, the
// calendar file, open registration, and the way into the live view for someone signed in.
import '../../styles.css';
import { api, ApiError } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { conferenceIdFromPath, h, replace } from '../../core/dom';
import { formatDate, formatNumber, formatTime, language as currentLanguage, languageNames, languages, localized, t } from '../../core/i18n';
import { programList, zoneNote } from '../../core/program';
import { loadSession, saveSession } from '../../core/session';
import { instantMs } from '../../core/time';
import type { ConferenceDto, RegisteredDto, RegistrationDto } from '../../core/wire.generated';

const conferenceId = conferenceIdFromPath()!;
const chrome = mountChrome('event.pageTitle', render);
let conference: ConferenceDto | null = null;
let registration: RegistrationDto | null = null;
let registered: RegisteredDto | null = null;
let registerError: string | null = null;
let loadError = false;

function render(): void {
  if (loadError) {
    chrome.heading.textContent = t('event.pageTitle');
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'event-error' }, t('event.notFound')));
    return;
  }
  if (!conference) {
    chrome.heading.textContent = t('event.pageTitle');
    replace(chrome.main, h('p', { role: 'status' }, t('event.loading')));
    return;
  }
  chrome.heading.textContent = localized(conference, 'title');
  document.title = localized(conference, 'title');
  const session = loadSession(conferenceId);
  const slogan = localized(conference, 'slogan');
  replace(chrome.main,
    slogan ? h('p', { class: 'slogan', 'data-testid': 'slogan' }, slogan) : null,
    h('p', { class: 'when' }, `${formatDate(instantMs(conference.scheduledStart)!)}, ${formatTime(instantMs(conference.scheduledStart)!)}`),
    h('p', { class: 'actions' },
      session ? h('a', { class: 'button', href: `/e/${conferenceId}/live`, 'data-testid': 'open-live' }, t('event.openLive')) : null,
      h('a', { class: 'button secondary', href: `/api/conferences/${conferenceId}/program.ics`, download: true, 'data-testid': 'ics' }, t('event.calendar'))),
    h('section', { class: 'card', 'aria-labelledby': 'program-title' },
      h('h2', { id: 'program-title' }, t('event.program')),
      h('p', { class: 'hint' }, zoneNote(conference)),
      programList(conference, null, null)),
    registrationSection());
}

function registrationSection(): HTMLElement | null {
  if (registered) {
    return h('section', { class: 'card', 'aria-labelledby': 'register-title', 'data-testid': 'registered' },
      h('h2', { id: 'register-title' }, t('register.done')),
      h('p', {}, t('register.keepLink')),
      h('p', { class: 'link' }, h('a', { href: registered.joinLink.joinUrl }, registered.joinLink.joinUrl)),
      h('p', {}, h('a', { class: 'button', href: `/e/${conferenceId}/live` }, t('event.openLive'))));
  }
  if (!registration?.open) return null;
  const name = h('input', { id: 'reg-name', name: 'displayName', required: true, maxlength: 100, autocomplete: 'name' });
  const country = h('input', { id: 'reg-country', name: 'country', required: true, maxlength: 2, minlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'country', class: 'short' });
  const language = h('select', { id: 'reg-language', name: 'language' }, ...languages.map(l => h('option', { value: l, lang: l, selected: l === currentLanguage() }, languageNames[l])));
  const form = h('form', { class: 'register', 'data-testid': 'register-form' },
    h('label', { for: 'reg-name' }, t('register.name')), name,
    h('label', { for: 'reg-country' }, t('register.country')), country,
    h('label', { for: 'reg-language' }, t('register.language')), language,
    registerError ? h('p', { class: 'notice error', role: 'alert' }, registerError) : null,
    h('button', { type: 'submit' }, t('register.submit')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    void register(name.value.trim(), country.value.trim().toUpperCase(), language.value);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, t('register.title')),
    registration.placesLeft === null ? null : h('p', {}, t('register.placesLeft', { count: formatNumber(registration.placesLeft) })),
    form);
}

async function register(displayName: string, country: string, language: string): Promise<void> {
  try {
    registered = await api<RegisteredDto>(`/api/conferences/${conferenceId}/register`, { method: 'POST', body: { displayName, country, language } });
    saveSession(registered.session);
    registerError = null;
  } catch (error) {
    const problem = error instanceof ApiError ? error.problem : null;
    const fields = problem?.errors ? Object.values(problem.errors).flat().join(' ') : '';
    registerError = fields || problem?.detail || t('register.failed');
  }
  render();
}

async function load(): Promise<void> {
  try {
    [conference, registration] = await Promise.all([
      api<ConferenceDto>(`/api/conferences/${conferenceId}`),
      api<RegistrationDto>(`/api/conferences/${conferenceId}/registration`).catch(() => null),
    ]);
  } catch {
    loadError = true;
  }
  render();
}

render();
void load();
