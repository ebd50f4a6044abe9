// The contributor's page, opened from a personal submission link (/submit#<token>): what the link is for and until
// when, the appeal they sent and how its review stands, and a form that sends (or replaces) the video with the
// resumable protocol, so a dropped connection on a slow link resumes instead of starting over. No account: the
// token is the credential, read from the fragment (never sent in a URL), kept for this tab, then taken off the
// address bar like the join page's code.
import '../../styles.css';
import '../../console.css';
import { ApiError, type Problem } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { h, replace } from '../../core/dom';
import { language, viewerTimeZone } from '../../core/i18n';
import { st, type SubmitKey } from '../../core/submit-i18n';
import { formatCountdown, instantMs } from '../../core/time';
import { chunkBytesOf, uploadResumably } from '../../core/upload';
import type { SubmissionLinkView, SubmittedAppealDto } from '../../core/wire.generated';

const tokenKey = 'conference.submission-token';
const tokenHeader = 'X-Submission-Token';

type PageState =
  | { kind: 'loading' }
  | { kind: 'refused'; reason: SubmitKey }
  | { kind: 'open'; view: SubmissionLinkView };

const chrome = mountChrome(() => st('submit.pageTitle'), render);
const token = takeToken();
let state: PageState = token ? { kind: 'loading' } : { kind: 'refused', reason: 'submit.noToken' };
let feedback: { kind: 'done' | 'error'; text: string } | null = null;

const feedbackLine = h('p', { class: 'notice hidden', role: 'alert', 'data-testid': 'submit-feedback' });
const form = submissionForm();

/** The token from the link's fragment (then off the address bar), or the one this tab already read. */
function takeToken(): string | null {
  let fromLink = location.hash.slice(1).trim();
  try {
    fromLink = decodeURIComponent(fromLink);
  } catch {
    // A mangled escape (a mail client's doing): the server says the token is not valid.
  }
  if (fromLink) {
    sessionStorage.setItem(tokenKey, fromLink);
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return sessionStorage.getItem(tokenKey);
}

/** Why the server refused the token, in the contributor's language (the server's detail names the deadline). */
function refusal(problem: Problem): SubmitKey {
  if (problem.status === 0 || problem.status >= 500) return 'submit.unavailable';
  if (problem.status === 401) return 'submit.invalid';
  if (problem.status === 403) return /deadline/i.test(problem.detail ?? '') ? 'submit.expired' : 'submit.revoked';
  return 'submit.invalid';
}

async function load(): Promise<void> {
  if (!token) return;
  let response: Response;
  try {
    response = await fetch('/api/appeal-submissions', { headers: { [tokenHeader]: token, Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    state = { kind: 'refused', reason: 'submit.unavailable' };
    render();
    return;
  }
  if (response.ok) {
    state = { kind: 'open', view: await response.json() as SubmissionLinkView };
  } else {
    const problem = await response.json().catch(() => ({})) as Partial<Problem>;
    state = { kind: 'refused', reason: refusal({ ...problem, status: response.status }) };
  }
  render();
}

function say(next: typeof feedback): void {
  feedback = next;
  feedbackLine.textContent = next?.text ?? '';
  feedbackLine.dataset.kind = next?.kind ?? '';
  feedbackLine.className = `notice${next?.kind === 'error' ? ' error' : ''}${next ? '' : ' hidden'}`;
}

function appealCard(appeal: SubmittedAppealDto): HTMLElement {
  const status = `submit.status.${appeal.status}` as SubmitKey;
  return h('section', { class: 'card', 'aria-labelledby': 'your-appeal', 'data-testid': 'submitted-appeal' },
    h('h2', { id: 'your-appeal' }, st('submit.yourAppeal')),
    h('p', {}, h('strong', {}, appeal.title), ' — ', appeal.senderName),
    h('p', { 'data-testid': 'submitted-status', 'data-status': appeal.status, class: appeal.status === 'rejected' ? 'row-error' : '' }, st(status)),
    appeal.rejectionReason ? h('p', {}, st('submit.reason', { reason: appeal.rejectionReason })) : null,
    h('p', { class: 'hint' }, st('submit.length', { time: formatCountdown(Number(appeal.durationSeconds) * 1000) })),
    h('p', { class: 'hint' }, st('submit.replaceHint')));
}

function render(): void {
  say(feedback);
  switch (state.kind) {
    case 'loading':
      chrome.heading.textContent = st('submit.pageTitle');
      replace(chrome.main, h('p', { role: 'status', 'data-testid': 'submit-status' }, st('submit.loading')));
      return;
    case 'refused':
      chrome.heading.textContent = st('submit.pageTitle');
      replace(chrome.main, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'submit-refused', 'data-reason': state.reason }, st(state.reason)));
      return;
    case 'open': {
      const { view } = state;
      const deadline = instantMs(view.deadline) ?? 0;
      // Numeric: the browsers' locale data does not spell months in every one of the four languages.
      const when = new Intl.DateTimeFormat(language(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .format(deadline);
      chrome.heading.textContent = view.conferenceTitle;
      form.render(view.appeal !== null);
      replace(chrome.main,
        h('section', { class: 'card', 'aria-labelledby': 'submit-about', 'data-testid': 'submit-about' },
          h('h2', { id: 'submit-about' }, st('submit.pageTitle')),
          h('p', {}, st('submit.intro', { segment: view.segmentTitle, conference: view.conferenceTitle })),
          h('p', {}, st('submit.for', { label: view.label })),
          h('p', { 'data-testid': 'submit-deadline' }, st('submit.deadline', { time: when, zone: viewerTimeZone() }))),
        view.appeal ? appealCard(view.appeal) : null,
        feedbackLine,
        form.element);
    }
  }
}

/** The details and the file, sent with the resumable protocol under the link's token. */
function formFields() {
  const field = (id: string, key: SubmitKey, control: HTMLElement, hintKey?: SubmitKey) => {
    const label = h('label', { for: id });
    const hint = hintKey ? h('span', { id: `${id}-hint`, class: 'hint' }) : null;
    if (hint) control.setAttribute('aria-describedby', hint.id);
    return { element: h('div', { class: 'field' }, label, control, hint), label, hint, key, hintKey };
  };
  const kind = h('select', { id: 'submit-kind', 'data-testid': 'submit-kind' });
  const name = h('input', { id: 'submit-name', required: true, maxlength: 200, autocomplete: 'organization', 'data-testid': 'submit-name' });
  const country = h('input', {
    id: 'submit-country', required: true, minlength: 2, maxlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'country', 'data-testid': 'submit-country',
  });
  const spoken = h('input', { id: 'submit-language', required: true, maxlength: 35, 'data-testid': 'submit-language' });
  const title = h('input', { id: 'submit-title', required: true, maxlength: 200, 'data-testid': 'submit-title' });
  const message = h('textarea', { id: 'submit-message', rows: 3, maxlength: 2000, 'data-testid': 'submit-message' });
  const file = h('input', { id: 'submit-file', type: 'file', required: true, accept: 'video/*', 'data-testid': 'submit-file' });
  const fields = [
    field('submit-kind', 'submit.kind', kind), field('submit-name', 'submit.name', name),
    field('submit-country', 'submit.country', country, 'submit.countryHint'), field('submit-language', 'submit.language', spoken, 'submit.languageHint'),
    field('submit-title', 'submit.title', title), field('submit-message', 'submit.message', message), field('submit-file', 'submit.file', file, 'submit.fileHint'),
  ];
  return { kind, name, country, spoken, title, message, file, fields };
}

function submissionForm() {
  const controls = formFields();
  const heading = h('h2', { id: 'submit-form-title' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-send' });
  const progress = h('progress', { max: 100, value: 0, class: 'hidden', 'data-testid': 'submit-progress', 'aria-labelledby': 'submit-progress-label' });
  const progressLabel = h('span', { id: 'submit-progress-label', class: 'hint', role: 'status' });
  const element = h('form', { class: 'card form upload-form', 'aria-labelledby': 'submit-form-title', 'data-testid': 'submit-form' },
    heading, ...controls.fields.map(f => f.element), h('p', { class: 'actions' }, submit), progress, progressLabel);
  let sending = false;

  const showProgress = (sent: number, size: number) => {
    progress.value = size === 0 ? 100 : Math.floor(100 * sent / size);
    if (!element.hasAttribute('data-resuming')) progressLabel.textContent = st('submit.sending', { percent: progress.value });
  };
  const resuming = (lost: boolean) => {
    element.toggleAttribute('data-resuming', lost);
    if (lost) progressLabel.textContent = st('submit.resuming', { percent: progress.value });
  };

  element.addEventListener('submit', event => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const file = controls.file.files?.[0];
    if (sending || !file || !token) return;
    sending = true;
    submit.disabled = true;
    say(null);
    const details: Record<string, unknown> = {
      senderKind: controls.kind.value, senderName: controls.name.value.trim(), country: controls.country.value.trim().toUpperCase(),
      language: controls.spoken.value.trim(), title: controls.title.value.trim(), size: file.size,
    };
    if (controls.message.value.trim()) details.message = controls.message.value.trim();
    progress.classList.remove('hidden');
    showProgress(0, file.size);
    try {
      const appeal = await uploadResumably<SubmittedAppealDto>({
        base: '/api/appeal-submissions/uploads', headers: { [tokenHeader]: token }, chunkBytes: chunkBytesOf(element),
        onProgress: showProgress, onResuming: resuming,
      }, details, file);
      controls.file.value = '';
      say({ kind: 'done', text: st('submit.sent', { title: appeal.title }) });
      chrome.announce(st('submit.sent', { title: appeal.title }));
      await load();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : { status: 0 };
      const reason = problem.status === 401 || problem.status === 403 ? st(refusal(problem))
        : [problem.detail ?? problem.title ?? String(problem.status), ...Object.values(problem.errors ?? {}).flat()].join(' ');
      say({ kind: 'error', text: st('submit.failed', { reason }) });
    } finally {
      sending = false;
      submit.disabled = false;
      progress.classList.add('hidden');
      progressLabel.textContent = '';
      element.removeAttribute('data-resuming');
    }
  }

  return {
    element,
    /** Texts in the current language; the form keeps what was typed. */
    render(replacing: boolean): void {
      heading.textContent = st(replacing ? 'submit.formAgain' : 'submit.form');
      submit.textContent = st('submit.send');
      for (const f of controls.fields) {
        f.label.textContent = st(f.key);
        if (f.hint && f.hintKey) f.hint.textContent = st(f.hintKey);
      }
      const chosen = controls.kind.value || 'organization';
      replace(controls.kind, ...(['organization', 'person'] as const).map(k =>
        h('option', { value: k, selected: k === chosen }, st(`submit.kind.${k}`))));
    },
  };
}

render();
void load();
