// The producer console: what is on air, the appeal queue (./appeals.ts), and the awards call-up (each award's recipients in call
// order, the recipient on stage now, presented/absent/deferred marks and the tally by country), kept
// current by the hub's AwardeeCalled and AwardTallyChanged pushes.
import '../../styles.css';
import '../../console.css';
import { api } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { consoleCredential, explain, renderConsoleFrame } from '../../core/console';
import { ct } from '../../core/console-i18n';
import { conferenceIdFromPath, h, replace } from '../../core/dom';
import { formatNumber, localized, t } from '../../core/i18n';
import { LiveShow } from '../../core/live';
import { loadSession } from '../../core/session';
import { formatCountdown } from '../../core/time';
import type { AppealQueueNotice, AppealsEditedNotice, AwardDto, AwardeeCall, AwardOutcome, AwardTally, AwardTallyNotice } from '../../core/wire.generated';
import { AppealsPanel } from './appeals';
import { SubmissionLinksPanel } from './links';

const conferenceId = conferenceIdFromPath()!;
const signedIn = consoleCredential(conferenceId, ['producer', 'host']);
const live = new LiveShow(conferenceId, signedIn?.credential ?? null);
// Moving the cue drives the show, which hosts and the organizer may do and a producer may not: a producer marks
// the recipient on stage and the host calls the next one, so a producer is not offered a button that is refused.
const ownSession = loadSession(conferenceId);
const drivesShow = signedIn !== null && (ownSession?.token !== signedIn.credential.token || ownSession.roles.includes('host'));
const chrome = mountChrome('live.pageTitle', render);

const banner = h('p', { class: 'banner hidden', role: 'status', 'data-testid': 'connection' });
const feedback = h('p', { class: 'notice error hidden', role: 'alert', 'data-testid': 'console-feedback' });
const onAir = h('p', { class: 'now-title', 'data-testid': 'now' });
const countdown = h('p', { class: 'countdown small-countdown', 'data-testid': 'remaining' });
const awardsSlot = h('div', { 'data-testid': 'awards' });
const calledSlot = h('div', { 'data-testid': 'called' });
const appeals = signedIn ? new AppealsPanel(live, conferenceId, signedIn.credential) : null;
const links = signedIn ? new SubmissionLinksPanel(live, conferenceId, signedIn.credential) : null;
let awards: AwardDto[] = [];
const tallies = new Map<string, AwardTally>();
let called: AwardeeCall | null = null;

function outcomeOf(awardId: string, participantId: string): AwardOutcome | null {
  return tallies.get(awardId)?.standings.find(s => s.participantId === participantId)?.outcome ?? null;
}

async function mark(award: AwardDto, participantId: string, outcome: AwardOutcome): Promise<void> {
  try {
    const tally = await live.invoke<AwardTally>('MarkAwardee', conferenceId, award.id, participantId, outcome);
    tallies.set(award.id, tally);
    feedback.classList.add('hidden');
  } catch (error) {
    feedback.textContent = explain(error);
    feedback.classList.remove('hidden');
  }
  render();
}

async function nextRecipient(): Promise<void> {
  const show = live.show;
  if (!show) return;
  try {
    await live.invoke('AdvanceCue', conferenceId, show.revision);
    feedback.classList.add('hidden');
  } catch (error) {
    feedback.textContent = explain(error);
    feedback.classList.remove('hidden');
  }
}

function countries(): Intl.DisplayNames {
  return new Intl.DisplayNames([document.documentElement.lang], { type: 'region' });
}

function renderCalled(): void {
  if (!called) {
    replace(calledSlot, h('p', { class: 'hint' }, ct('awards.nobodyCalled')));
    return;
  }
  const award = awards.find(a => a.id === called!.awardId);
  replace(calledSlot,
    h('p', { class: 'hint' }, ct('awards.calledOf', { award: called.awardName, index: called.cueIndex + 1, count: called.recipients })),
    h('p', { class: 'current-recipient', 'data-testid': 'current-recipient' }, called.name, ' ', h('span', { class: 'hint' }, countries().of(called.country) ?? called.country)),
    called.citation ? h('p', {}, called.citation) : null,
    award ? markButtons(award, called.participantId) : null,
    drivesShow
      ? h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', 'data-testid': 'next-recipient', onclick: (() => void nextRecipient()) as EventListener },
        ct('awards.nextRecipient')))
      : h('p', { class: 'hint' }, ct('awards.hostCallsNext')));
}

function markButtons(award: AwardDto, participantId: string): HTMLElement {
  const current = outcomeOf(award.id, participantId);
  const outcomes: AwardOutcome[] = ['presented', 'absent', 'deferred'];
  return h('div', { class: 'actions', role: 'group', 'aria-label': ct('awards.mark') },
    ...outcomes.map(outcome => h('button', {
      type: 'button', class: current === outcome ? 'small' : 'small secondary', 'aria-pressed': String(current === outcome),
      'data-testid': `mark-${outcome}`, onclick: (() => void mark(award, participantId, outcome)) as EventListener,
    }, ct(`outcome.${outcome}` as 'outcome.presented'))));
}

function renderAwards(): void {
  if (awards.length === 0) {
    replace(awardsSlot, h('p', { class: 'hint' }, ct('awards.none')));
    return;
  }
  const names = countries();
  replace(awardsSlot, ...awards.map(award => {
    const tally = tallies.get(award.id);
    const titleId = `award-${award.id}`;
    return h('section', { class: 'card', 'aria-labelledby': titleId, 'data-testid': 'award' },
      h('h2', { id: titleId }, award.name),
      tally ? h('p', { 'data-testid': 'tally' }, ct('awards.tally', {
        presented: formatNumber(tally.presented), absent: formatNumber(tally.absent), deferred: formatNumber(tally.deferred),
        open: formatNumber(tally.notMarked), recipients: formatNumber(tally.recipients), countries: formatNumber(tally.countries),
      })) : null,
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': titleId }, h('table', { 'data-testid': 'recipients' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, ct('awards.recipient')),
          h('th', { scope: 'col' }, ct('awards.country')), h('th', { scope: 'col' }, ct('awards.outcome')), h('th', { scope: 'col' }, ct('awards.mark')))),
        h('tbody', {}, ...award.recipients.map(r => {
          const outcome = outcomeOf(award.id, r.participantId);
          const isCalled = called?.awardId === award.id && called.participantId === r.participantId;
          return h('tr', { class: isCalled ? 'running' : '', 'aria-current': isCalled ? 'true' : null, 'data-participant-id': r.participantId },
            h('td', {}, String(r.position + 1)),
            h('th', { scope: 'row' }, r.name),
            h('td', {}, names.of(r.country) ?? r.country),
            h('td', { class: outcome ? `outcome-${outcome}` : '' }, outcome ? ct(`outcome.${outcome}` as 'outcome.presented') : ct('outcome.open')),
            h('td', {}, markButtons(award, r.participantId)));
        })))),
      tally && tally.byCountry.length > 0 ? h('details', {},
        h('summary', {}, ct('awards.byCountry')),
        h('table', { 'data-testid': 'tally-by-country' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ct('awards.country')), h('th', { scope: 'col' }, ct('awards.recipients')),
            h('th', { scope: 'col' }, ct('outcome.presented')), h('th', { scope: 'col' }, ct('outcome.absent')), h('th', { scope: 'col' }, ct('outcome.deferred')))),
          h('tbody', {}, ...tally.byCountry.map(c => h('tr', {}, h('th', { scope: 'row' }, names.of(c.country) ?? c.country),
            h('td', {}, formatNumber(c.recipients)), h('td', {}, formatNumber(c.presented)), h('td', {}, formatNumber(c.absent)),
            h('td', {}, formatNumber(c.deferred))))))) : null);
  }));
}

function render(): void {
  if (!renderConsoleFrame(chrome, live, banner, signedIn !== null, 'producer.title') || !signedIn) {
    return;
  }
  if (!chrome.main.contains(awardsSlot)) {
    replace(chrome.main, banner,
      h('p', { class: 'console-links' }, ct('console.signedInAs', { name: signedIn.name }), ' · ',
        h('a', { href: `/e/${conferenceId}/host` }, ct('host.title')), ' · ',
        h('a', { href: `/e/${conferenceId}/live` }, ct('console.participantView'))),
      h('div', { class: 'console-grid' },
        h('section', { class: 'card now', 'aria-labelledby': 'on-air-title' }, h('h2', { id: 'on-air-title' }, ct('producer.onAir')), onAir, countdown),
        h('section', { class: 'card', 'aria-labelledby': 'called-title' }, h('h2', { id: 'called-title' }, ct('awards.called')), calledSlot, feedback)),
      appeals?.element,
      links?.element,
      h('h2', { class: 'section-title' }, ct('awards.title')),
      awardsSlot);
  } else {
    chrome.main.querySelector('#on-air-title')!.textContent = ct('producer.onAir');
    chrome.main.querySelector('#called-title')!.textContent = ct('awards.called');
    chrome.main.querySelector('.section-title')!.textContent = ct('awards.title');
  }
  const show = live.show;
  const current = live.conference?.segments.find(s => s.id === show?.currentSegmentId);
  onAir.textContent = show?.status === 'ended' ? t('live.ended') : current ? localized(current, 'title') : show?.status === 'notStarted' ? ct('host.notStarted') : '';
  renderCalled();
  renderAwards();
  appeals?.render();
  links?.render();
  tick();
}

function tick(): void {
  const remaining = live.show?.status === 'running' || live.show?.status === 'paused' ? live.remaining() : null;
  countdown.textContent = remaining === null ? '' : remaining < 0 ? `+${formatCountdown(remaining)}` : formatCountdown(remaining);
  appeals?.tick();
}

async function loadAwards(): Promise<void> {
  awards = await api<AwardDto[]>(`/api/conferences/${conferenceId}/awards`, { session: live.session });
  await Promise.all(awards.map(async award => {
    tallies.set(award.id, await api<AwardTally>(`/api/conferences/${conferenceId}/awards/${award.id}/tally`, { session: live.session }));
  }));
  called = await api<AwardeeCall | undefined>(`/api/conferences/${conferenceId}/awards/called`, { session: live.session }) ?? null;
  render();
}

live.on<AwardeeCall>('AwardeeCalled', call => {
  if (call.conferenceId !== conferenceId) return;
  called = call;
  render();
});
live.on<AwardTallyNotice>('AwardTallyChanged', notice => {
  if (notice.conferenceId !== conferenceId) return;
  tallies.set(notice.tally.awardId, notice.tally);
  render();
});
// What was played or skipped shows in the queue's statuses: the list follows the block.
live.on<AppealQueueNotice>('AppealQueueChanged', notice => {
  if (notice.conferenceId === conferenceId) void appeals?.load().catch(() => undefined);
});
// Another producer's edit, or a contributor's upload through their link: the queue and the links list follow.
live.on<AppealsEditedNotice>('AppealsEdited', notice => {
  if (notice.conferenceId !== conferenceId) return;
  appeals?.edited(notice.revision);
  void links?.load().catch(() => undefined);
});
live.subscribe(() => {
  // A call ends with its segment: once the show has left the ceremony nobody is on stage for an award.
  if (called && live.show?.currentSegmentId !== called.segmentId) called = null;
  render();
});
render();
setInterval(tick, 250);
if (signedIn) {
  live.start().then(() => Promise.all([loadAwards(), appeals?.load(), links?.load()])).catch(error => {
    feedback.textContent = explain(error);
    feedback.classList.remove('hidden');
  });
}
