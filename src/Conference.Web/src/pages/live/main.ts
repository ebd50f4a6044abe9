// The participant view: now and next with the countdown, ahead/behind, announcements, the call or
// the program's media, and the program with the current segment marked.
import '../../styles.css';
import { mountChrome } from '../../core/chrome';
import { conferenceIdFromPath, h, replace } from '../../core/dom';
import { formatMinutes, formatTime, localized, t } from '../../core/i18n';
import { LiveShow } from '../../core/live';
import { MediaPanel } from '../../core/media';
import { programList } from '../../core/program';
import { nowAndNext } from '../../core/show';
import { loadSession } from '../../core/session';
import { formatCountdown, instantMs } from '../../core/time';
import type { ConferenceDto, SegmentDto } from '../../core/wire.generated';

const conferenceId = conferenceIdFromPath()!;
const session = loadSession(conferenceId);
const live = new LiveShow(conferenceId, session);
const chrome = mountChrome('live.pageTitle', render);

const banner = h('p', { class: 'banner hidden', role: 'status', 'data-testid': 'connection' });
const nowLabel = h('h2', { id: 'now-label' });
const nowTitle = h('p', { class: 'now-title', 'data-testid': 'now' });
const countdown = h('p', { class: 'countdown', 'data-testid': 'remaining', 'aria-hidden': 'true' });
const state = h('p', { class: 'show-state', 'data-testid': 'show-state' });
const appealLine = h('p', { class: 'appeal-from', 'data-testid': 'appeal-from' });
const nextLine = h('p', { class: 'next', 'data-testid': 'next' });
const delay = h('p', { class: 'delay', 'data-testid': 'delay' });
const messagesTitle = h('h2', { id: 'messages-title' });
const messages = h('ul', { class: 'messages', 'data-testid': 'messages' });
const programTitle = h('h2', { id: 'program-title' });
const programSlot = h('div');
const media = new MediaPanel(live);
let announcedSegment: string | null | undefined;
let announcedAppeal: string | null = null;

function segmentOf(conference: ConferenceDto | null, id: string | null | undefined): SegmentDto | null {
  return conference?.segments.find(s => s.id === id) ?? null;
}

function render(): void {
  const conference = live.conference;
  chrome.heading.textContent = conference ? localized(conference, 'title') : t('live.pageTitle');
  if (!session) {
    replace(chrome.main, h('p', { class: 'notice', 'data-testid': 'no-session' }, t('live.noSession')),
      h('p', {}, h('a', { href: `/e/${conferenceId}` }, t('live.toEventPage'))));
    return;
  }
  if (live.status === 'failed') {
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'session-refused' }, t('live.sessionRefused')),
      h('p', {}, h('a', { href: `/e/${conferenceId}` }, t('live.toEventPage'))));
    return;
  }
  banner.textContent = live.status === 'connecting' ? t('live.connecting') : t('live.reconnecting');
  banner.classList.toggle('hidden', live.status === 'connected');
  nowLabel.textContent = t('live.now');
  messagesTitle.textContent = t('live.messages');
  programTitle.textContent = t('live.program');
  media.render();
  if (!chrome.main.contains(nowLabel)) {
    replace(chrome.main, banner,
      h('section', { class: 'now card', 'aria-labelledby': 'now-label' }, nowLabel, nowTitle, appealLine, countdown, state, nextLine, delay),
      h('section', { class: 'card', 'aria-labelledby': 'messages-title' }, messagesTitle, messages),
      media.element,
      h('section', { class: 'card', 'aria-labelledby': 'program-title' }, programTitle, programSlot));
  }
  const timeline = live.timeline();
  const show = live.show;
  const current = segmentOf(conference, show?.currentSegmentId);
  const { next } = timeline ? nowAndNext(timeline) : { next: null };
  nowTitle.textContent = show?.status === 'ended' ? t('live.ended')
    : current ? localized(current, 'title')
    : show?.status === 'notStarted' && conference ? t('live.notStarted', { time: formatTime(instantMs(conference.scheduledStart)!) })
    : show?.currentSegmentTitle ?? '';
  state.textContent = show?.status === 'paused' ? t('live.paused') : '';
  renderAppeal();
  const nextSegment = segmentOf(conference, next?.id);
  const nextRow = timeline?.rows.find(r => r.segment.id === next?.id);
  nextLine.textContent = nextSegment && nextRow?.expectedStart
    ? t('live.next', { title: localized(nextSegment, 'title'), time: formatTime(nextRow.expectedStart) })
    : '';
  const late = timeline && show?.status !== 'ended' && show?.status !== 'notStarted' ? timeline.currentDelay : 0;
  delay.textContent = !timeline || show?.status === 'notStarted' || show?.status === 'ended' ? ''
    : Math.abs(late) < 60_000 ? t('live.onTime')
    : late > 0 ? t('live.behind', { minutes: formatMinutes(late) }) : t('live.ahead', { minutes: formatMinutes(late) });
  delay.dataset.delayMs = String(Math.round(late));
  replace(messages, ...live.messages.map(m => h('li', {},
    h('time', { datetime: String(m.at) }, formatTime(instantMs(m.at)!)), ' ', m.text)));
  if (live.messages.length === 0) messages.append(h('li', { class: 'empty' }, t('live.noMessages')));
  if (conference) replace(programSlot, programList(conference, timeline, show?.currentSegmentId ?? null));

  // Screen readers hear each change of segment once.
  const segmentKey = show ? `${show.status}:${show.currentSegmentId ?? ''}` : null;
  if (segmentKey && announcedSegment !== undefined && segmentKey !== announcedSegment) {
    chrome.announce(show?.status === 'ended' ? t('live.ended') : current ? t('live.announceNow', { title: localized(current, 'title') }) : '');
  }
  if (segmentKey) announcedSegment = segmentKey;
  tick();
}

/** Who the appeal on air is from: the server's AppealQueueChanged caption, for as long as it plays. */
function renderAppeal(): void {
  const playing = live.appealsOnAir()?.nowPlaying ?? null;
  let country = playing?.country ?? '';
  try {
    country = new Intl.DisplayNames([document.documentElement.lang], { type: 'region' }).of(country) ?? country;
  } catch {
    // An unknown code is shown as sent.
  }
  appealLine.textContent = playing ? t('live.appealFrom', { sender: playing.senderName, country, title: playing.title }) : '';
  if (playing && playing.appealId !== announcedAppeal) chrome.announce(t('live.announceAppeal', { sender: playing.senderName, country }));
  announcedAppeal = playing?.appealId ?? null;
}

/** The countdown is redrawn from the anchors and the synced clock; nothing is pushed per second. */
function tick(): void {
  const remaining = live.show?.status === 'running' || live.show?.status === 'paused' ? live.remaining() : null;
  if (remaining === null) {
    countdown.textContent = '';
    delete countdown.dataset.remainingMs;
  } else {
    countdown.textContent = remaining < 0 ? `+${formatCountdown(remaining)}` : formatCountdown(remaining);
    countdown.classList.toggle('overtime', remaining < 0);
    countdown.dataset.remainingMs = String(Math.round(remaining));
    countdown.dataset.at = String(Date.now());
  }
  media.tick(live.conference);
}

live.subscribe(render);
live.onMessage(m => chrome.announce(m.text));
render();
setInterval(tick, 100);
if (session) {
  live.start().then(() => media.start()).catch(() => {
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert' }, t('live.loadFailed')));
  });
} else {
  live.start().catch(() => undefined);
}
