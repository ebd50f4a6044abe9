// The host console: the run of show with planned, expected and actual times and over/under, the
// current segment's countdown, and every show command (Next also from the keyboard). Commands go
// through the hub with the revision this console has seen: when another host acted first the server
// refuses, nothing happens twice, and the console says what the other host did.
import '../../styles.css';
import '../../console.css';
import { api } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { conflictRevision, consoleCredential, explain, formatOverUnder, renderConsoleFrame } from '../../core/console';
import { ct } from '../../core/console-i18n';
import { conferenceIdFromPath, h, replace } from '../../core/dom';
import { formatNumber, formatTime, language, localized, t } from '../../core/i18n';
import { LiveShow } from '../../core/live';
import { nowAndNext, type TimelineRow } from '../../core/show';
import { formatCountdown, instantMs } from '../../core/time';
import type { AttendanceDto, ControlTokenDto, HostMessage, IssuedControlToken, LiveShowState, MediaStatus, MessageAudience, SegmentDto } from '../../core/wire.generated';

const conferenceId = conferenceIdFromPath()!;
const signedIn = consoleCredential(conferenceId, ['host']);
const live = new LiveShow(conferenceId, signedIn?.credential ?? null);
const chrome = mountChrome('live.pageTitle', render);

const banner = h('p', { class: 'banner hidden', role: 'status', 'data-testid': 'connection' });
const feedback = h('p', { class: 'notice hidden', role: 'alert', 'data-testid': 'console-feedback' });
const nowTitle = h('p', { class: 'now-title', 'data-testid': 'now' });
const countdown = h('p', { class: 'countdown', 'data-testid': 'remaining' });
const state = h('p', { class: 'show-state', 'data-testid': 'show-state' });
const nextLine = h('p', { class: 'next', 'data-testid': 'next' });
const showDelay = h('p', { class: 'delay', 'data-testid': 'show-delay' });
const cueLine = h('p', { class: 'next', 'data-testid': 'cue' });
const appealNow = h('p', { class: 'appeal-from', 'data-testid': 'appeal-now' });
const appealLeft = h('p', { class: 'next', 'data-testid': 'appeal-left' });
const appealNext = h('p', { class: 'next', 'data-testid': 'appeal-next' });
const appealsLeft = h('p', { class: 'next', 'data-testid': 'appeals-left' });
const controls = h('div', { class: 'console-controls', role: 'group', 'aria-labelledby': 'controls-title' });
const runOfShow = h('tbody', { 'data-testid': 'run-of-show' });
const runHead = h('thead');
const messageList = h('ul', { class: 'messages', 'data-testid': 'sent-messages' });
const mediaLine = h('p', { 'data-testid': 'media-status' });
const attendanceSlot = h('div', { 'data-testid': 'attendance' });
const titles = {
  controls: h('h2', { id: 'controls-title' }),
  run: h('h2', { id: 'run-title' }),
  messages: h('h2', { id: 'messages-title' }),
  media: h('h2', { id: 'media-title' }),
  attendance: h('h2', { id: 'attendance-title' }),
  deck: h('h2', { id: 'deck-title' }),
};
const audience = h('select', { id: 'message-audience', 'data-testid': 'message-audience' });
const messageText = h('input', { id: 'message-text', maxlength: 500, required: true, 'data-testid': 'message-text' });
const messageForm = h('form', { class: 'message-form', 'data-testid': 'message-form' });
const deckSlot = h('div', { 'data-testid': 'stream-deck' });
let deckTokens: ControlTokenDto[] = [];
let deckIssued: IssuedControlToken | null = null;
let mediaStatus: MediaStatus | null = null;
let attendance: AttendanceDto | null = null;
let ending = false;
let busy = false;
// What the controls were last drawn for: the console re-renders on every push, and a button replaced between a
// press and its release loses the click, so the buttons are rebuilt only when what they offer changes.
let shownControls = '';
/** What the last refused command was about, rendered with the show as it is now. */
let lastFeedback: { kind: 'conflict' | 'error' | 'done'; text?: string } | null = null;

function segmentOf(id: string | null | undefined): SegmentDto | null {
  return live.conference?.segments.find(s => s.id === id) ?? null;
}

function currentTitle(show: LiveShowState | null): string {
  if (!show) return '';
  if (show.status === 'ended') return t('live.ended');
  if (show.status === 'notStarted') return ct('host.notStarted');
  const current = segmentOf(show.currentSegmentId);
  return current ? localized(current, 'title') : show.currentSegmentTitle ?? '';
}

/** Sends one command at the revision seen; a refusal is explained, never retried blindly. */
async function command(method: string, ...args: unknown[]): Promise<void> {
  const show = live.show;
  if (!show || busy) return;
  busy = true;
  try {
    await live.invoke(method, conferenceId, show.revision, ...args);
    lastFeedback = null;
  } catch (error) {
    lastFeedback = conflictRevision(error) !== null ? { kind: 'conflict' } : { kind: 'error', text: explain(error) };
  } finally {
    busy = false;
    ending = false;
    render();
  }
}

function button(label: string, testId: string, onClick: () => void, extra: Record<string, string | boolean> = {}): HTMLButtonElement {
  return h('button', { type: 'button', 'data-testid': testId, onclick: onClick as EventListener, ...extra }, label);
}

function renderControls(show: LiveShowState): void {
  const running = show.status === 'running' || show.status === 'paused';
  const current = segmentOf(show.currentSegmentId);
  const shown = `${language()}|${show.status}|${current?.kind ?? ''}|${show.cueIndex}|${ending}`;
  if (shown === shownControls) return;
  shownControls = shown;
  replace(controls,
    show.status === 'notStarted'
      ? button(ct('host.start'), 'start', () => void command('Start'), { class: 'primary' })
      : button(ct('host.next'), 'next-button', () => void command('Next'), { class: 'primary', disabled: show.status === 'ended', 'aria-keyshortcuts': 'N' }),
    show.status === 'paused'
      ? button(ct('host.resume'), 'resume', () => void command('Resume'), { 'aria-keyshortcuts': 'P' })
      : button(ct('host.pause'), 'pause', () => void command('Pause'), { disabled: show.status !== 'running', 'aria-keyshortcuts': 'P' }),
    button(ct('host.take', { seconds: 60 }), 'take-60', () => void command('AdjustTime', -60), { class: 'secondary', disabled: !running }),
    button(ct('host.take', { seconds: 30 }), 'take-30', () => void command('AdjustTime', -30), { class: 'secondary', disabled: !running }),
    button(ct('host.add', { seconds: 30 }), 'add-30', () => void command('AdjustTime', 30), { class: 'secondary', disabled: !running }),
    button(ct('host.add', { seconds: 60 }), 'add-60', () => void command('AdjustTime', 60), { class: 'secondary', disabled: !running }),
    current && (current.kind === 'awardsCeremony' || current.kind === 'videoAppeals')
      ? button(ct('host.nextCue'), 'next-cue', () => void command('AdvanceCue'), { class: 'secondary', disabled: !running })
      : null,
    current && (current.kind === 'awardsCeremony' || current.kind === 'videoAppeals') && show.cueIndex > 0
      ? button(ct('host.previousCue'), 'previous-cue', () => void command('SetCue', show.cueIndex - 1), { class: 'secondary', disabled: !running })
      : null,
    button(ending ? ct('host.confirmEnd') : ct('host.end'), 'end', () => {
      if (!ending) {
        ending = true;
        render();
        return;
      }
      void command('End');
    }, { class: 'danger', disabled: show.status === 'ended' || show.status === 'notStarted' }));
  controls.append(h('p', { class: 'hint keys' }, ct('host.keys')));
}

function timeCell(ms: number | null, zone?: string): string {
  return ms === null ? '—' : formatTime(ms, zone);
}

function renderRun(show: LiveShowState): void {
  const timeline = live.timeline();
  const zone = live.conference?.timeZone;
  replace(runHead, h('tr', {},
    h('th', { scope: 'col' }, '#'),
    h('th', { scope: 'col' }, ct('run.segment')),
    h('th', { scope: 'col' }, ct('run.planned')),
    h('th', { scope: 'col' }, ct('run.expected')),
    h('th', { scope: 'col' }, ct('run.actual')),
    h('th', { scope: 'col' }, ct('run.overUnder')),
    h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, ct('run.actions')))));
  if (!timeline) {
    replace(runOfShow);
    return;
  }
  replace(runOfShow, ...timeline.rows.map((row: TimelineRow, i) => {
    const segment = segmentOf(row.segment.id);
    const run = [...show.runs].reverse().find(r => r.segmentId === row.segment.id);
    const actualStart = instantMs(run?.startedAt);
    const actualEnd = instantMs(run?.endedAt);
    const planned = row.plannedEnd - row.plannedStart;
    // Over/under of a segment: how much longer (or shorter) it ran, or is running, than planned.
    const overUnder = row.progress === 'completed' && actualStart !== null && actualEnd !== null ? actualEnd - actualStart - planned
      : row.progress === 'running' && row.expectedStart !== null && row.expectedEnd !== null ? row.expectedEnd - row.expectedStart - planned
      : null;
    const title = segment ? localized(segment, 'title') : row.segment.title;
    const canMove = show.status !== 'ended' && show.status !== 'notStarted' && row.progress !== 'running';
    return h('tr', { class: `run ${row.progress}`, 'data-segment-id': row.segment.id, 'aria-current': row.progress === 'running' ? 'step' : null },
      h('td', {}, String(i + 1)),
      h('th', { scope: 'row' }, title, h('span', { class: 'progress' }, ct(`progress.${row.progress}`))),
      h('td', { class: 'time' }, timeCell(row.plannedStart, zone)),
      h('td', { class: 'time' }, row.progress === 'completed' || row.progress === 'skipped' ? '' : timeCell(row.expectedStart, zone)),
      h('td', { class: 'time' }, actualStart === null ? '' : `${timeCell(actualStart, zone)}–${actualEnd === null ? '' : timeCell(actualEnd, zone)}`),
      h('td', { class: `time over-under ${overUnder === null ? '' : overUnder > 0 ? 'over' : 'under'}` }, overUnder === null ? '' : formatOverUnder(overUnder)),
      h('td', { class: 'row-actions' },
        canMove ? h('button', { type: 'button', class: 'small secondary', 'data-testid': 'goto', 'aria-label': ct('run.goTo', { title }),
          onclick: (() => void command('GoTo', row.segment.id)) as EventListener }, ct('run.goToShort')) : null,
        canMove && row.progress === 'upcoming' ? h('button', { type: 'button', class: 'small secondary', 'data-testid': 'skip',
          'aria-label': ct('run.skip', { title }), onclick: (() => void command('Skip', row.segment.id)) as EventListener }, ct('run.skipShort')) : null));
  }));
}

function renderMedia(): void {
  if (!mediaStatus) {
    mediaLine.textContent = ct('call.unknown');
    return;
  }
  mediaLine.className = `media-${mediaStatus.state}`;
  mediaLine.dataset.state = mediaStatus.state;
  mediaLine.textContent = `${ct(`call.${mediaStatus.state}`, { provider: mediaStatus.provider })}${mediaStatus.error ? ` ${mediaStatus.error}` : ''}`;
}

function renderAttendance(): void {
  if (!attendance) {
    replace(attendanceSlot, h('p', { class: 'hint' }, ct('attendance.loading')));
    return;
  }
  const list = (items: { label: string; count: number }[], testId: string) =>
    h('ul', { class: 'counts', 'data-testid': testId }, ...items.map(i => h('li', {}, h('span', {}, i.label), h('strong', {}, formatNumber(i.count)))));
  const countries = new Intl.DisplayNames([document.documentElement.lang], { type: 'region' });
  replace(attendanceSlot,
    h('p', { class: 'big-figure' }, ct('attendance.now', { count: formatNumber(attendance.connectedNow) })),
    h('div', { class: 'two-columns' },
      h('div', {}, h('h3', {}, ct('attendance.byCountry')),
        list(attendance.byCountry.map(c => ({ label: countries.of(c.country) ?? c.country, count: c.participants })), 'attendance-countries')),
      h('div', {}, h('h3', {}, ct('attendance.byRole')),
        list(attendance.byRole.map(r => ({ label: ct(`role.${r.role}` as 'role.host') || r.role, count: r.participants })), 'attendance-roles'))));
}

function renderFeedback(): void {
  if (!lastFeedback) {
    feedback.classList.add('hidden');
    return;
  }
  feedback.classList.remove('hidden');
  feedback.classList.toggle('error', lastFeedback.kind !== 'done');
  feedback.dataset.kind = lastFeedback.kind;
  feedback.textContent = lastFeedback.kind === 'conflict'
    ? ct('host.conflict', { title: currentTitle(live.show) })
    : lastFeedback.text ?? '';
}

function render(): void {
  if (!renderConsoleFrame(chrome, live, banner, signedIn !== null, 'host.title') || !signedIn) {
    return;
  }
  titles.controls.textContent = ct('host.controls');
  titles.run.textContent = ct('run.title');
  titles.messages.textContent = ct('messages.title');
  titles.media.textContent = ct('call.title');
  titles.attendance.textContent = ct('attendance.title');
  if (!chrome.main.contains(controls)) {
    replace(chrome.main, banner,
      h('p', { class: 'console-links' }, ct('console.signedInAs', { name: signedIn.name }), ' · ',
        h('a', { href: `/e/${conferenceId}/producer` }, ct('producer.title')), ' · ',
        h('a', { href: `/e/${conferenceId}/stage` }, t('stage.pageTitle')), ' · ',
        h('a', { href: `/e/${conferenceId}/live` }, ct('console.participantView'))),
      h('div', { class: 'console-grid' },
        h('section', { class: 'card now', 'aria-label': ct('host.current') }, nowTitle, countdown, state, cueLine, appealNow, appealLeft, appealNext, appealsLeft, nextLine, showDelay),
        h('section', { class: 'card', 'aria-labelledby': 'controls-title' }, titles.controls, controls, feedback)),
      h('section', { class: 'card wide', 'aria-labelledby': 'run-title' }, titles.run,
        h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'run-title' }, h('table', { class: 'run-of-show' }, runHead, runOfShow))),
      h('div', { class: 'console-grid' },
        h('section', { class: 'card', 'aria-labelledby': 'messages-title' }, titles.messages, messageForm, messageList),
        h('section', { class: 'card', 'aria-labelledby': 'media-title' }, titles.media, mediaLine,
          titles.attendance, attendanceSlot)),
      h('section', { class: 'card', 'aria-labelledby': 'deck-title' }, titles.deck, deckSlot));
  }
  titles.deck.textContent = ct('deck.title');
  renderDeck();
  renderMessageForm();
  const show = live.show;
  if (show) {
    nowTitle.textContent = currentTitle(show);
    state.textContent = show.status === 'paused' ? t('live.paused') : '';
    const timeline = live.timeline();
    const next = timeline ? nowAndNext(timeline).next : null;
    const nextSegment = segmentOf(next?.id);
    nextLine.textContent = nextSegment ? ct('host.nextUp', { title: localized(nextSegment, 'title') }) : '';
    const current = segmentOf(show.currentSegmentId);
    cueLine.textContent = current && (current.kind === 'awardsCeremony' || current.kind === 'videoAppeals') && show.status !== 'ended'
      ? ct('host.cue', { index: show.cueIndex + 1 }) : '';
    if (timeline && show.status !== 'notStarted') {
      const delay = timeline.currentDelay;
      const end = formatTime(timeline.projectedEnd, live.conference?.timeZone);
      const delta = formatOverUnder(Math.abs(delay)).slice(1);
      showDelay.textContent = Math.abs(delay) < 1000 ? ct('host.showOnTime', { end })
        : delay > 0 ? ct('host.showBehind', { delta, end }) : ct('host.showAhead', { delta, end });
      showDelay.dataset.delayMs = String(Math.round(timeline.currentDelay));
    } else {
      showDelay.textContent = '';
    }
    renderAppeals();
    renderControls(show);
    renderRun(show);
  }
  renderFeedback();
  renderMedia();
  renderAttendance();
  tick();
}

function renderMessageForm(): void {
  const audiences: MessageAudience[] = ['speakers', 'hosts', 'everyone'];
  const chosen = audience.value || 'speakers';
  replace(audience, ...audiences.map(a => h('option', { value: a, selected: a === chosen }, ct(`audience.${a}` as 'audience.hosts'))));
  if (!messageForm.firstChild) {
    replace(messageForm,
      h('label', { for: 'message-audience', id: 'audience-label' }), audience,
      h('label', { for: 'message-text', id: 'text-label' }), messageText,
      h('button', { type: 'submit', id: 'send-message' }));
    messageForm.addEventListener('submit', event => {
      event.preventDefault();
      const text = messageText.value.trim();
      if (!text) return;
      void command('SendMessage', audience.value, text).then(() => {
        if (!lastFeedback) messageText.value = '';
      });
    });
  }
  messageForm.querySelector('#audience-label')!.textContent = ct('messages.audience');
  messageForm.querySelector('#text-label')!.textContent = ct('messages.text');
  messageForm.querySelector('#send-message')!.textContent = ct('messages.send');
  replace(messageList, ...live.messages.map((m: HostMessage) => h('li', {},
    h('time', { datetime: String(m.at) }, formatTime(instantMs(m.at)!)), ' ',
    h('span', { class: 'audience' }, ct(`audience.${m.audience}` as 'audience.hosts')), ' ', m.text)));
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([document.documentElement.lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The appeals block as the server last described it (AppealQueueChanged): what plays, what follows. */
function renderAppeals(): void {
  const block = live.appealsOnAir();
  const playing = block?.nowPlaying;
  appealNow.textContent = playing ? ct('host.appealNow', { title: playing.title, sender: playing.senderName, country: countryName(playing.country) }) : '';
  appealNext.textContent = block?.next ? ct('host.appealNext', { title: block.next.title, sender: block.next.senderName }) : '';
}

function tick(): void {
  const appealEnds = live.appealEndsAt();
  appealLeft.textContent = appealEnds === null ? '' : ct('host.appealLeft', { time: formatCountdown(Math.max(0, appealEnds - live.serverNow())) });
  const endsAt = instantMs(live.appealsOnAir()?.blockEndsAt);
  appealsLeft.textContent = endsAt === null ? '' : ct('host.appealsLeft', { time: formatCountdown(Math.max(0, endsAt - live.serverNow())) });
  const show = live.show;
  const remaining = show?.status === 'running' || show?.status === 'paused' ? live.remaining() : null;
  if (remaining === null) {
    countdown.textContent = '';
    delete countdown.dataset.remainingMs;
    return;
  }
  countdown.textContent = remaining < 0 ? `+${formatCountdown(remaining)}` : formatCountdown(remaining);
  countdown.classList.toggle('overtime', remaining < 0);
  countdown.dataset.remainingMs = String(Math.round(remaining));
  countdown.dataset.at = String(Date.now());
}

/** Stream-deck control tokens: issued here, shown once, revocable; see docs/stream-deck.md for the Companion buttons. */
// Built once: a re-render (every pushed change) must not throw away what the host is typing.
const deckLabel = h('input', { id: 'deck-label', maxlength: 100, required: true, 'data-testid': 'deck-label' });
const deckLabelText = h('label', { for: 'deck-label' });
const deckSubmit = h('button', { type: 'submit', class: 'secondary' });
const deckForm = h('form', { class: 'message-form' }, deckLabelText, deckLabel, deckSubmit);
const deckList = h('div');
deckForm.addEventListener('submit', event => {
  event.preventDefault();
  void (async () => {
    try {
      deckIssued = await api<IssuedControlToken>(`/api/conferences/${conferenceId}/control-tokens`, { method: 'POST', body: { label: deckLabel.value }, session: live.session });
      deckLabel.value = '';
      await loadDeck();
    } catch (error) {
      lastFeedback = { kind: 'error', text: explain(error) };
      renderFeedback();
    }
  })();
});

function renderDeck(): void {
  deckLabelText.textContent = ct('deck.label');
  deckSubmit.textContent = ct('deck.issue');
  if (!deckSlot.contains(deckForm)) replace(deckSlot, h('p', { class: 'hint', id: 'deck-hint' }), deckForm, deckList);
  deckSlot.querySelector('#deck-hint')!.textContent = ct('deck.hint', { url: `${location.origin}/api/control/next` });
  replace(deckList,
    deckIssued ? h('p', { class: 'notice', role: 'status', 'data-testid': 'deck-token' }, ct('deck.tokenOnce', { label: deckIssued.label }), ' ',
      h('code', {}, deckIssued.token)) : null,
    deckTokens.length === 0 ? null : h('ul', { class: 'counts' }, ...deckTokens.map(token => h('li', {},
      h('span', {}, token.label, ' ', h('span', { class: 'hint' }, token.revokedAt ? ct('deck.revoked') : token.lastUsedAt
        ? ct('deck.lastUsed', { time: formatTime(instantMs(token.lastUsedAt)!) }) : ct('deck.unused'))),
      token.revokedAt ? null : h('button', { type: 'button', class: 'small danger', 'aria-label': ct('deck.revokeFor', { label: token.label }),
        onclick: (() => void api(`/api/conferences/${conferenceId}/control-tokens/${token.id}`, { method: 'DELETE', session: live.session })
          .then(() => { if (deckIssued?.id === token.id) deckIssued = null; return loadDeck(); })
          .catch(error => { lastFeedback = { kind: 'error', text: explain(error) }; renderFeedback(); })) as EventListener }, ct('deck.revoke'))))));
}

async function loadDeck(): Promise<void> {
  deckTokens = await api<ControlTokenDto[]>(`/api/conferences/${conferenceId}/control-tokens`, { session: live.session });
  renderDeck();
}

async function loadAttendance(): Promise<void> {
  try {
    attendance = await api<AttendanceDto>(`/api/conferences/${conferenceId}/attendance`, { session: live.session });
    renderAttendance();
  } catch {
    // The next refresh tries again; attendance is not worth an alarm.
  }
}

// N (or the right arrow) for Next and P for pause/resume, unless the host is typing.
document.addEventListener('keydown', event => {
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
  const show = live.show;
  if (!show) return;
  if (event.key === 'n' || event.key === 'N' || event.key === 'ArrowRight') {
    event.preventDefault();
    void command(show.status === 'notStarted' ? 'Start' : 'Next');
  } else if (event.key === 'p' || event.key === 'P') {
    event.preventDefault();
    if (show.status === 'running') void command('Pause');
    else if (show.status === 'paused') void command('Resume');
  }
});

live.on<MediaStatus>('MediaStatusChanged', status => {
  if (status.conferenceId !== conferenceId) return;
  mediaStatus = status;
  renderMedia();
});
live.subscribe(render);
render();
setInterval(tick, 100);
if (signedIn) {
  live.start().then(async () => {
    try {
      mediaStatus = await api<MediaStatus>(`/api/conferences/${conferenceId}/media/status`, { session: live.session });
    } catch {
      mediaStatus = null;
    }
    render();
    void loadAttendance();
    void loadDeck().catch(() => undefined);
    // Attendance is not pushed (it changes with every arrival); a glance every few seconds is enough for a host.
    setInterval(() => void loadAttendance(), 5000);
  }).catch(() => {
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert' }, t('live.loadFailed')));
  });
}
