// What the consoles share: who is signed in (a host's or producer's own session from their join link,
// or the organizer's session), the organizer's sign-in, and errors explained in the viewer's language.
import { api, ApiError, type Credential } from './api';
import type { Chrome } from './chrome';
import { ct, type ConsoleKey } from './console-i18n';
import { h, replace } from './dom';
import { localized, t } from './i18n';
import type { LiveShow } from './live';
import { instantMs } from './time';
import { loadSession } from './session';

const organizerKey = 'conference.organizer';

interface OrganizerSession { token: string; expiresAt: string }

/** The organizer's kept session, unless it has expired. The key itself is never stored. */
export function organizerSession(now = Date.now()): Credential | null {
  try {
    const kept = JSON.parse(localStorage.getItem(organizerKey) ?? 'null') as OrganizerSession | null;
    if (kept && (instantMs(kept.expiresAt) ?? 0) > now) return { token: kept.token };
  } catch {
    // A damaged entry is as good as none.
  }
  localStorage.removeItem(organizerKey);
  return null;
}

export function signOutOrganizer(): void {
  localStorage.removeItem(organizerKey);
}

/**
 * A console's credential for a conference: the person's own session when their roles fit,
 * otherwise the organizer's. Null means nobody who may open this console is signed in here.
 */
export function consoleCredential(conferenceId: string, roles: readonly string[]): { credential: Credential; name: string } | null {
  const session = loadSession(conferenceId);
  if (session && session.roles.some(r => roles.includes(r))) return { credential: session, name: session.displayName };
  const organizer = organizerSession();
  return organizer ? { credential: organizer, name: ct('console.organizer') } : null;
}

/** The organizer's sign-in form: the key is exchanged for a session at once and then forgotten. */
export function signInForm(onSignedIn: () => void): HTMLFormElement {
  const input = h('input', { id: 'organizer-key', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'organizer-key' });
  const error = h('p', { class: 'notice error hidden', role: 'alert', 'data-testid': 'sign-in-error' });
  const form = h('form', { class: 'card form', 'data-testid': 'sign-in' },
    h('h2', {}, ct('signIn.title')),
    h('p', { class: 'hint' }, ct('signIn.hint')),
    h('label', { for: 'organizer-key' }, ct('signIn.key')), input,
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, ct('signIn.submit'))),
    error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const session = await api<OrganizerSession>('/api/organizer/session', { method: 'POST', body: { key: input.value } });
      localStorage.setItem(organizerKey, JSON.stringify(session));
      input.value = '';
      onSignedIn();
    } catch (e) {
      error.textContent = e instanceof ApiError && e.problem.status === 401 ? ct('signIn.wrongKey') : explain(e);
      error.classList.remove('hidden');
    }
  });
  return form;
}

/** Why a command failed, for a person: the server's own sentence (problem detail or hub message) when there is one. */
export function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.problem.status === 0) return ct('error.offline');
    const fields = Object.values(error.problem.errors ?? {}).flat();
    return [error.problem.detail ?? error.problem.title ?? `HTTP ${error.problem.status}`, ...fields].join(' ');
  }
  const text = String((error as { message?: string })?.message ?? error);
  const hub = /HubException: (.*)$/s.exec(text);
  if (hub) return hub[1];
  if (/connection|not connected/i.test(text)) return ct('error.offline');
  return text;
}

/** The show's revision a refused command names ("the current revision is 7"), when it was refused as stale. */
export function conflictRevision(error: unknown): number | null {
  const m = /current revision is (\d+)/.exec(explain(error));
  return m ? Number(m[1]) : null;
}

/** A signed duration in minutes and seconds: "+1:30" late, "−0:45" early. */
export function formatOverUnder(ms: number): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  const total = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${sign}${minutes}:${seconds}`;
}

/**
 * What a conference console renders first: its heading, then either the sign-in form (no session), the refusal
 * (a session the server turned down) or the connection banner. True when the console goes on to render its body.
 */
export function renderConsoleFrame(chrome: Chrome, live: LiveShow, banner: HTMLElement, signedIn: boolean, titleKey: ConsoleKey): boolean {
  const conference = live.conference;
  chrome.heading.textContent = `${conference ? localized(conference, 'title') : ''} · ${ct(titleKey)}`;
  document.title = ct(titleKey);
  if (!signedIn) {
    replace(chrome.main, h('p', { class: 'notice' }, ct('console.needSession')), signInForm(() => location.reload()));
    return false;
  }
  if (live.status === 'failed') {
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'session-refused' }, t('live.sessionRefused')));
    return false;
  }
  banner.textContent = live.status === 'connecting' ? t('live.connecting') : t('live.reconnecting');
  banner.classList.toggle('hidden', live.status === 'connected');
  return true;
}
