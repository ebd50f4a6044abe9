// The program as a list, shared by the event page and the participant view: each segment's time in
// the viewer's zone and, when it differs, in the conference's zone.
import { h } from './dom';
import { formatTime, localized, t, viewerTimeZone } from './i18n';
import type { Progress, Timeline } from './show';
import { instantMs } from './time';
import type { ConferenceDto } from './wire.generated';

export function programList(conference: ConferenceDto, timeline: Timeline | null, currentSegmentId: string | null): HTMLOListElement {
  const viewerZone = viewerTimeZone();
  const sameZone = new Intl.DateTimeFormat('en', { timeZone: conference.timeZone }).resolvedOptions().timeZone === viewerZone;
  const rows = new Map(timeline?.rows.map(r => [r.segment.id, r]) ?? []);
  let start = instantMs(conference.scheduledStart)!;
  const list = h('ol', { class: 'program', 'data-testid': 'program' });
  for (const segment of conference.segments) {
    const row = rows.get(segment.id);
    const planned = row?.plannedStart ?? instantMs(segment.fixedStart) ?? start;
    start = planned + segment.durationSeconds * 1000;
    const at = row?.expectedStart ?? planned;
    const current = segment.id === currentSegmentId;
    const progress: Progress = row?.progress ?? 'upcoming';
    list.append(h('li', {
      class: `segment ${progress}${current ? ' current' : ''}`,
      'aria-current': current ? 'step' : null,
      'data-segment-id': segment.id,
    },
    h('span', { class: 'times' },
      h('time', { datetime: new Date(at).toISOString(), class: 'viewer-time' }, formatTime(at, viewerZone)),
      sameZone ? null : h('span', { class: 'zone-time' }, t('program.conferenceTime', { time: formatTime(at, conference.timeZone) }))),
    h('span', { class: 'title' }, localized(segment, 'title')),
    h('span', { class: 'state' }, current ? t('program.now') : progress === 'completed' ? t('program.done')
      : progress === 'skipped' ? t('program.skipped') : '')));
  }
  return list;
}

export function zoneNote(conference: ConferenceDto): string {
  return t('program.zones', { viewer: viewerTimeZone(), conference: conference.timeZone });
}
