// The stage timer for speakers and the venue screen: the running segment's countdown, full screen,
// amber then red near the end, counting up in overtime; the next segment; host messages to speakers.
import '../../styles.css';
import { mountChrome } from '../../core/chrome';
import { conferenceIdFromPath, h, replace } from '../../core/dom';
import { localized, t } from '../../core/i18n';
import { LiveShow } from '../../core/live';
import { nowAndNext, stageLevel } from '../../core/show';
import { loadSession } from '../../core/session';
import { durationMs, formatCountdown } from '../../core/time';

const conferenceId = conferenceIdFromPath()!;
const session = loadSession(conferenceId);
const live = new LiveShow(conferenceId, session);
const chrome = mountChrome('stage.pageTitle', render);

const banner = h('p', { class: 'banner hidden', role: 'status', 'data-testid': 'connection' });
const title = h('p', { class: 'stage-title', 'data-testid': 'now' });
const countdown = h('p', { class: 'stage-countdown', 'data-testid': 'remaining', 'aria-hidden': 'true' });
const label = h('p', { class: 'stage-label', 'data-testid': 'stage-label' });
const next = h('p', { class: 'stage-next', 'data-testid': 'next' });
const message = h('p', { class: 'stage-message', role: 'status', 'data-testid': 'stage-message' });
const fullscreen = h('button', { type: 'button', class: 'fullscreen' });
fullscreen.addEventListener('click', () => void document.documentElement.requestFullscreen?.().catch(() => undefined));

function render(): void {
  const conference = live.conference;
  chrome.heading.textContent = conference ? localized(conference, 'title') : t('stage.pageTitle');
  fullscreen.textContent = t('stage.fullscreen');
  if (!session) {
    replace(chrome.main, h('p', { class: 'notice', 'data-testid': 'no-session' }, t('stage.noSession')));
    return;
  }
  if (live.status === 'failed') {
    replace(chrome.main, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'session-refused' }, t('live.sessionRefused')));
    return;
  }
  if (!chrome.main.contains(countdown)) {
    replace(chrome.main, banner, h('section', { class: 'stage', 'aria-labelledby': 'page-title' }, title, countdown, label, next, message, fullscreen));
  }
  banner.textContent = live.status === 'connecting' ? t('live.connecting') : t('live.reconnecting');
  banner.classList.toggle('hidden', live.status === 'connected');
  const show = live.show;
  const current = conference?.segments.find(s => s.id === show?.currentSegmentId);
  title.textContent = show?.status === 'ended' ? t('live.ended')
    : current ? localized(current, 'title') : show?.status === 'notStarted' ? t('stage.waiting') : '';
  const timeline = live.timeline();
  const upcoming = timeline ? nowAndNext(timeline).next : null;
  const nextSegment = conference?.segments.find(s => s.id === upcoming?.id);
  next.textContent = nextSegment ? t('stage.next', { title: localized(nextSegment, 'title') }) : '';
  const latest = live.messages[0];
  message.textContent = latest ? latest.text : '';
  tick();
}

function tick(): void {
  const show = live.show;
  const remaining = show?.status === 'running' || show?.status === 'paused' ? live.remaining() : null;
  const level = remaining === null ? 'normal' : stageLevel(remaining, durationMs(show?.segmentPlannedDuration) ?? 0);
  document.body.dataset.level = level;
  if (remaining === null) {
    countdown.textContent = '';
    label.textContent = '';
    delete countdown.dataset.remainingMs;
    return;
  }
  countdown.textContent = remaining < 0 ? `+${formatCountdown(remaining)}` : formatCountdown(remaining);
  countdown.dataset.remainingMs = String(Math.round(remaining));
  countdown.dataset.at = String(Date.now());
  label.textContent = show?.status === 'paused' ? t('live.paused') : remaining < 0 ? t('stage.overtime') : t('stage.remaining');
}

live.subscribe(render);
live.onMessage(m => chrome.announce(m.text));
render();
setInterval(tick, 100);
live.start().catch(() => replace(chrome.main, h('p', { class: 'notice error', role: 'alert' }, t('live.loadFailed'))));
