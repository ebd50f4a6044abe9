// The join page: redeems the code from the link's fragment (never sent in a URL), keeps the session
// and opens the conference; explains an expired, revoked or unknown link.
import '../../styles.css';
import { api, joinRefusal, type JoinRefusal } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { h, replace } from '../../core/dom';
import { t } from '../../core/i18n';
import { saveSession } from '../../core/session';
import type { SessionDto } from '../../core/wire.generated';

/** Where a person's link takes them: hosts and producers to their console, everyone else to the live view. */
function destination(session: SessionDto): string {
  const page = session.roles.includes('host') ? 'host' : session.roles.includes('producer') ? 'producer' : 'live';
  return `/e/${session.conferenceId}/${page}`;
}

type JoinState = { kind: 'joining' } | { kind: 'joined'; session: SessionDto } | { kind: 'failed'; reason: JoinRefusal } | { kind: 'noCode' };

const chrome = mountChrome('join.pageTitle', render);
let state: JoinState = { kind: 'joining' };

function render(): void {
  chrome.heading.textContent = t('join.heading');
  switch (state.kind) {
    case 'joining':
      replace(chrome.main, h('p', { role: 'status', 'data-testid': 'join-status' }, t('join.joining')));
      break;
    case 'noCode':
      replace(chrome.main, h('p', { class: 'notice', role: 'alert', 'data-testid': 'join-error' }, t('join.noCode')));
      break;
    case 'failed':
      replace(chrome.main,
        h('p', { class: 'notice error', role: 'alert', 'data-testid': 'join-error', 'data-reason': state.reason }, t(state.reason)),
        h('p', {}, t('join.askOrganizer')));
      break;
    case 'joined': {
      const href = destination(state.session);
      replace(chrome.main,
        h('p', { role: 'status', 'data-testid': 'join-status' }, t('join.welcome', { name: state.session.displayName })),
        h('p', {}, h('a', { class: 'button', href }, t('join.open'))));
      break;
    }
  }
}

async function join(): Promise<void> {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (!code) {
    state = { kind: 'noCode' };
    render();
    return;
  }
  // The code is a credential: keep it out of the history and the address bar once read.
  history.replaceState(null, '', location.pathname);
  try {
    const session = await api<SessionDto>('/api/join', { method: 'POST', body: { code } });
    saveSession(session);
    state = { kind: 'joined', session };
    render();
    location.assign(destination(session));
  } catch (error) {
    state = { kind: 'failed', reason: joinRefusal(error) };
    render();
  }
}

render();
void join();
