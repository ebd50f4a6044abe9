// The organizer's screens: sign in once with the organizer key (the browser keeps a session, never
// the key), then conferences and their programs (drag to reorder, saved with the program's revision),
// per-language texts, the roster from CSV with each row's errors beside it, invitations, registration,
// and the post-event report with its charts, printable.
import '../../styles.css';
import '../../console.css';
import { api, ApiError, type Credential } from '../../core/api';
import { mountChrome } from '../../core/chrome';
import { explain, organizerSession, signInForm, signOutOrganizer } from '../../core/console';
import { ct, type ConsoleKey } from '../../core/console-i18n';
import { h, replace } from '../../core/dom';
import { formatTime, language, languageNames, languages } from '../../core/i18n';
import type {
  AwardDto, ConferenceDto, InvitationDto, ConferenceSummary, ImportReport, InvitationLink, ParticipantDto, RegistrationDto, SegmentDto, SegmentKind,
} from '../../core/wire.generated';
import { reorder } from '../../core/reorder';

const chrome = mountChrome('event.pageTitle', () => void show());
const session: Credential | null = organizerSession();
const conferenceId = /^\/organizer\/([0-9a-fA-F-]{36})$/.exec(location.pathname)?.[1] ?? null;
const kinds: SegmentKind[] = ['anthem', 'minuteOfSilence', 'videoScreening', 'speech', 'videoAppeals', 'musicalPerformance', 'awardsCeremony', 'custom'];
/** The report's table of the program as run; spelled in parts so the translation-key check does not read it as a key. */
const programCsv = ['program', 'csv'].join('.');
/** The length a new segment of each kind starts with; the organizer changes it as needed. */
const defaultSeconds: Record<SegmentKind, number> = {
  anthem: 180, minuteOfSilence: 60, videoScreening: 300, speech: 600, videoAppeals: 900, musicalPerformance: 300, awardsCeremony: 1800, custom: 300,
};

let conference: ConferenceDto | null = null;
let issued: InvitationLink[] = [];
interface ImportResult { csv: string; report: ImportReport | null; failed: string | null }
/** The last import of each target (the roster, or an award's list), with the file as sent, so each error sits beside its row. */
const importResults = new Map<string, ImportResult>();
let tab: 'program' | 'people' | 'report' = 'program';
const status = h('p', { class: 'notice hidden', role: 'status', 'data-testid': 'organizer-status' });

function call<T>(path: string, init: Parameters<typeof api>[1] = {}): Promise<T> {
  return api<T>(path, { ...init, session });
}

function say(text: string, error = false): void {
  status.textContent = text;
  status.classList.remove('hidden');
  status.classList.toggle('error', error);
}

async function attempt(work: () => Promise<void>, done?: ConsoleKey): Promise<void> {
  try {
    await work();
    if (done) say(ct(done));
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      signOutOrganizer();
      location.reload();
      return;
    }
    say(explain(error), true);
  }
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

function input(id: string, value: string | number | null | undefined, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { id, name: id, value: value === null || value === undefined ? '' : String(value), ...attrs });
}

/** A datetime-local value in the browser's zone for an instant, and back. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function show(): Promise<void> {
  chrome.heading.textContent = ct('organizer.title');
  document.title = ct('organizer.title');
  if (!session) {
    replace(chrome.main, signInForm(() => location.reload()));
    return;
  }
  const signOut = h('button', { type: 'button', class: 'small secondary', 'data-testid': 'sign-out',
    onclick: (() => { signOutOrganizer(); location.assign('/organizer'); }) as EventListener }, ct('organizer.signOut'));
  if (!conferenceId) {
    const list = await call<ConferenceSummary[]>('/api/conferences');
    replace(chrome.main, h('p', { class: 'console-links no-print' }, signOut), status,
      h('section', { class: 'card', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, ct('organizer.conferences')),
        list.length === 0 ? h('p', { class: 'hint' }, ct('organizer.noConferences')) : h('ul', { 'data-testid': 'conference-list' },
          ...list.map(c => h('li', {}, h('a', { href: `/organizer/${c.id}` }, c.title), ' · ', formatTime(Date.parse(String(c.scheduledStart)), c.timeZone),
            ' ', new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeZone: c.timeZone }).format(Date.parse(String(c.scheduledStart))))))),
      createForm());
    return;
  }
  conference = await call<ConferenceDto>(`/api/conferences/${conferenceId}`);
  const tabs = h('div', { class: 'tabs no-print', role: 'group', 'aria-label': ct('organizer.sections') },
    ...(['program', 'people', 'report'] as const).map(name => h('button', {
      type: 'button', class: 'secondary', 'aria-pressed': String(tab === name), 'data-testid': `tab-${name}`,
      onclick: (() => { tab = name; void show(); }) as EventListener,
    }, ct(`organizer.tab.${name}`))));
  const body = tab === 'program' ? [detailsForm(conference), programEditor(conference), addSegmentForm(conference)]
    : tab === 'people' ? await peopleSections(conference)
    : [await reportSection(conference)];
  replace(chrome.main,
    h('p', { class: 'console-links no-print' }, h('a', { href: '/organizer' }, ct('organizer.conferences')), ' · ',
      h('a', { href: `/e/${conference.id}` }, ct('organizer.eventPage')), ' · ',
      h('a', { href: `/e/${conference.id}/host` }, ct('host.title')), ' · ',
      h('a', { href: `/e/${conference.id}/producer` }, ct('producer.title')), ' · ', signOut),
    h('h2', { class: 'section-title' }, conference.title), tabs, status, ...body);
}

function createForm(): HTMLElement {
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setMinutes(0, 0, 0);
  const title = input('new-title', '', { required: true, maxlength: 200 });
  const when = input('new-start', localInput(start.toISOString()), { type: 'datetime-local', required: true });
  const zone = input('new-zone', Intl.DateTimeFormat().resolvedOptions().timeZone, { required: true });
  const langs = input('new-languages', 'en', { required: true });
  const form = h('form', { class: 'card form', 'data-testid': 'create-conference', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, ct('organizer.create')),
    h('div', { class: 'field-row' }, field('new-title', ct('organizer.conferenceTitle'), title), field('new-start', ct('organizer.start'), when)),
    h('div', { class: 'field-row' }, field('new-zone', ct('organizer.timeZone'), zone), field('new-languages', ct('organizer.languages'), langs)),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, ct('organizer.createSubmit'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    void attempt(async () => {
      const created = await call<ConferenceDto>('/api/conferences', { method: 'POST', body: {
        title: title.value, scheduledStart: new Date(when.value).toISOString(), timeZone: zone.value,
        languages: langs.value.split(/[\s,]+/).filter(Boolean),
      } });
      location.assign(`/organizer/${created.id}`);
    });
  });
  return form;
}

function detailsForm(c: ConferenceDto): HTMLElement {
  const title = input('title', c.title, { required: true, maxlength: 200 });
  const slogan = input('slogan', c.slogan, { maxlength: 300 });
  const when = input('start', localInput(String(c.scheduledStart)), { type: 'datetime-local', required: true });
  const zone = input('zone', c.timeZone, { required: true });
  const langs = input('languages', c.languages.join(', '), { required: true });
  const others = languages.filter(l => l !== c.languages[0]);
  const translations = others.map(l => ({
    language: l,
    title: input(`title-${l}`, c.translations[l]?.title, { lang: l, maxlength: 200 }),
    slogan: input(`slogan-${l}`, c.translations[l]?.slogan, { lang: l, maxlength: 300 }),
  }));
  const form = h('form', { class: 'card form', 'data-testid': 'details', 'aria-labelledby': 'details-title' },
    h('h2', { id: 'details-title' }, ct('organizer.details')),
    h('div', { class: 'field-row' }, field('title', ct('organizer.conferenceTitle'), title), field('slogan', ct('organizer.slogan'), slogan)),
    h('div', { class: 'field-row' }, field('start', ct('organizer.start'), when), field('zone', ct('organizer.timeZone'), zone),
      field('languages', ct('organizer.languages'), langs)),
    h('details', {}, h('summary', {}, ct('organizer.translations')),
      ...translations.map(tr => h('div', { class: 'field-row' },
        field(`title-${tr.language}`, ct('organizer.titleIn', { language: languageNames[tr.language] }), tr.title),
        field(`slogan-${tr.language}`, ct('organizer.sloganIn', { language: languageNames[tr.language] }), tr.slogan)))),
    h('p', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'save-details' }, ct('organizer.save'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    void attempt(async () => {
      conference = await call<ConferenceDto>(`/api/conferences/${c.id}`, { method: 'PUT', body: {
        expectedRevision: c.revision, title: title.value, slogan: slogan.value || null, scheduledStart: new Date(when.value).toISOString(),
        timeZone: zone.value, languages: langs.value.split(/[\s,]+/).filter(Boolean),
        translations: Object.fromEntries(translations.filter(tr => tr.title.value.trim())
          .map(tr => [tr.language, { title: tr.title.value, slogan: tr.slogan.value || null }])),
      } });
      await show();
    }, 'organizer.saved');
  });
  return form;
}

function segmentMeta(s: SegmentDto): string {
  const minutes = Math.round(s.durationSeconds / 6) / 10;
  return [ct(`kind.${s.kind}`), ct('organizer.minutes', { minutes }), s.fixedStart ? ct('organizer.fixedAt', { time: formatTime(Date.parse(String(s.fixedStart)), conference?.timeZone) }) : '',
    s.speaker ? s.speaker.name : ''].filter(Boolean).join(' · ');
}

function programEditor(c: ConferenceDto): HTMLElement {
  const list = h('ol', { class: 'segment-list', 'data-testid': 'segments' });
  let dragged: HTMLElement | null = null;
  const save = (ids: string[]) => attempt(async () => {
    conference = await call<ConferenceDto>(`/api/conferences/${c.id}/segments/reorder`, { method: 'POST', body: { expectedRevision: c.revision, segmentIds: ids } });
    await show();
  }, 'organizer.orderSaved');
  const ids = c.segments.map(s => s.id);
  c.segments.forEach((s, i) => {
    const item = h('li', { class: 'draggable', draggable: 'true', 'data-segment-id': s.id },
      h('span', { class: 'grip', 'aria-hidden': 'true' }, '⋮⋮'),
      h('span', {}, h('strong', {}, `${i + 1}. ${s.title}`), h('span', { class: 'meta' }, segmentMeta(s))),
      h('span', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small secondary', 'aria-label': ct('organizer.moveUp', { title: s.title }), disabled: i === 0,
          onclick: (() => void save(reorder(ids, i, i - 1))) as EventListener }, '↑'),
        h('button', { type: 'button', class: 'small secondary', 'aria-label': ct('organizer.moveDown', { title: s.title }), disabled: i === ids.length - 1,
          onclick: (() => void save(reorder(ids, i, i + 1))) as EventListener }, '↓'),
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'edit-segment', 'aria-label': ct('organizer.edit', { title: s.title }),
          onclick: (() => { item.after(segmentForm(c, s)); }) as EventListener }, ct('organizer.editShort')),
        h('button', { type: 'button', class: 'small danger', 'aria-label': ct('organizer.remove', { title: s.title }),
          onclick: (() => void attempt(async () => {
            conference = await call<ConferenceDto>(`/api/conferences/${c.id}/segments/${s.id}?expectedRevision=${c.revision}`, { method: 'DELETE' });
            await show();
          }, 'organizer.saved')) as EventListener }, '×')));
    item.addEventListener('dragstart', event => {
      dragged = item;
      item.classList.add('dragging');
      event.dataTransfer?.setData('text/plain', s.id);
    });
    item.addEventListener('dragend', () => item.classList.remove('dragging'));
    item.addEventListener('dragover', event => { event.preventDefault(); item.classList.add('drop-target'); });
    item.addEventListener('dragleave', () => item.classList.remove('drop-target'));
    item.addEventListener('drop', event => {
      event.preventDefault();
      item.classList.remove('drop-target');
      const from = dragged ? ids.indexOf(dragged.dataset.segmentId!) : -1;
      if (from >= 0 && from !== i) void save(reorder(ids, from, i));
    });
    list.append(item);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'program-title' }, h('h2', { id: 'program-title' }, ct('organizer.program')),
    h('p', { class: 'hint' }, ct('organizer.dragHint')), list);
}

/** The fields of a segment, for adding one or editing it; each language's title beside the first. */
function segmentForm(c: ConferenceDto, segment: SegmentDto | null): HTMLFormElement {
  const prefix = segment ? `seg-${segment.id.slice(0, 8)}` : 'new-seg';
  const kind = h('select', { id: `${prefix}-kind`, 'data-testid': 'segment-kind' },
    ...kinds.map(k => h('option', { value: k, selected: (segment?.kind ?? 'speech') === k }, ct(`kind.${k}`))));
  const title = input(`${prefix}-title`, segment?.title, { required: true, maxlength: 200, 'data-testid': 'segment-title' });
  const minutes = input(`${prefix}-minutes`, (segment?.durationSeconds ?? defaultSeconds.speech) / 60, { type: 'number', min: 0.5, step: 0.5, required: true });
  const fixed = input(`${prefix}-fixed`, segment?.fixedStart ? localInput(String(segment.fixedStart)) : '', { type: 'datetime-local' });
  const speaker = input(`${prefix}-speaker`, segment?.speaker?.name, { maxlength: 200 });
  const country = input(`${prefix}-country`, segment?.speaker?.country, { maxlength: 2, size: 3 });
  const others = languages.filter(l => l !== c.languages[0]);
  const titles = others.map(l => ({ language: l, input: input(`${prefix}-title-${l}`, segment?.translations[l]?.title, { lang: l, maxlength: 200 }) }));
  kind.addEventListener('change', () => {
    if (!segment) minutes.value = String(defaultSeconds[kind.value as SegmentKind] / 60);
  });
  const form = h('form', { class: 'card form', 'data-testid': segment ? 'segment-form' : 'add-segment', 'aria-label': segment ? ct('organizer.edit', { title: segment.title }) : ct('organizer.addSegment') },
    segment ? null : h('h2', {}, ct('organizer.addSegment')),
    h('div', { class: 'field-row' }, field(`${prefix}-kind`, ct('organizer.kind'), kind), field(`${prefix}-title`, ct('organizer.segmentTitle'), title),
      field(`${prefix}-minutes`, ct('organizer.duration'), minutes), field(`${prefix}-fixed`, ct('organizer.fixedStart'), fixed)),
    h('div', { class: 'field-row' }, field(`${prefix}-speaker`, ct('organizer.speaker'), speaker), field(`${prefix}-country`, ct('organizer.speakerCountry'), country),
      ...titles.map(tr => field(tr.input.id, ct('organizer.titleIn', { language: languageNames[tr.language] }), tr.input))),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, segment ? ct('organizer.save') : ct('organizer.add'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    void attempt(async () => {
      const body = {
        expectedRevision: c.revision, kind: kind.value, title: title.value, durationSeconds: Math.round(Number(minutes.value) * 60),
        startMode: fixed.value ? 'fixed' : 'followsPrevious', fixedStart: fixed.value ? new Date(fixed.value).toISOString() : null,
        speaker: speaker.value.trim() ? { name: speaker.value, country: country.value.toUpperCase() || null } : null,
        awardName: kind.value === 'awardsCeremony' ? (segment?.awardName ?? title.value) : null,
        translations: Object.fromEntries(titles.filter(tr => tr.input.value.trim()).map(tr => [tr.language, { title: tr.input.value }])),
      };
      conference = segment
        ? await call<ConferenceDto>(`/api/conferences/${c.id}/segments/${segment.id}`, { method: 'PUT', body })
        : await call<ConferenceDto>(`/api/conferences/${c.id}/segments`, { method: 'POST', body });
      await show();
    }, 'organizer.saved');
  });
  return form;
}

function addSegmentForm(c: ConferenceDto): HTMLElement {
  return segmentForm(c, null);
}

async function peopleSections(c: ConferenceDto): Promise<HTMLElement[]> {
  const [people, registration] = await Promise.all([
    call<ParticipantDto[]>(`/api/conferences/${c.id}/participants`),
    call<RegistrationDto>(`/api/conferences/${c.id}/registration`),
  ]);
  const roster = importSection({
    key: 'roster', title: ct('import.title'), hint: ct('import.hint'), header: 'displayName,country,language,email,roles',
    path: () => `/api/conferences/${c.id}/participants/import`,
  });
  return [roster, ...await awardSections(c), invitationSection(c, people), registrationSection(c, registration)];
}

interface ImportTarget { key: string; title: string; hint: string; header: string; path: () => string }

function importSection(target: ImportTarget): HTMLElement {
  const result = importResults.get(target.key);
  const id = `csv-${target.key}`;
  const titleId = `${id}-title`;
  const text = h('textarea', { id, rows: 6, 'data-testid': 'csv-text', spellcheck: 'false' }) as HTMLTextAreaElement;
  text.value = result?.report?.committed === false || result?.failed ? result.csv : `${target.header}\n`;
  const file = h('input', { id: `${id}-file`, type: 'file', accept: '.csv,text/csv' });
  file.addEventListener('change', async () => { if (file.files?.[0]) text.value = await file.files[0].text(); });
  const form = h('form', { class: 'card form', 'data-testid': `import-${target.key}`, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, target.title), h('p', { class: 'hint' }, target.hint),
    field(`${id}-file`, ct('import.file'), file), field(id, ct('import.text'), text),
    h('p', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'import-submit' }, ct('import.submit'))),
    result ? importOutcome(result, titleId) : null);
  form.addEventListener('submit', event => {
    event.preventDefault();
    void (async () => {
      const csv = text.value;
      try {
        const report = await call<ImportReport>(target.path(), { method: 'POST', text: csv, contentType: 'text/csv' });
        importResults.set(target.key, { csv, report, failed: null });
      } catch (error) {
        const report = error instanceof ApiError ? (error.problem as unknown as { report?: ImportReport }).report ?? null : null;
        importResults.set(target.key, { csv, report, failed: report ? null : explain(error) });
      }
      await show();
    })();
  });
  return form;
}

/** Each awards ceremony's list of recipients: made here when missing, filled from CSV like the roster. */
async function awardSections(c: ConferenceDto): Promise<HTMLElement[]> {
  const ceremonies = c.segments.filter(s => s.kind === 'awardsCeremony');
  if (ceremonies.length === 0) return [];
  const awards = await call<AwardDto[]>(`/api/conferences/${c.id}/awards`);
  return ceremonies.map(segment => {
    const award = awards.find(a => a.segmentId === segment.id);
    if (!award) {
      return h('section', { class: 'card', 'aria-label': segment.title },
        h('h2', {}, segment.awardName ?? segment.title),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', 'data-testid': 'create-award',
          onclick: (() => void attempt(async () => {
            await call<AwardDto>(`/api/conferences/${c.id}/awards`, { method: 'POST', body: { segmentId: segment.id } });
            await show();
          }, 'organizer.saved')) as EventListener }, ct('awardList.create'))));
    }
    return importSection({
      key: `award-${award.id.slice(0, 8)}`,
      title: ct('awardList.title', { award: award.name, count: award.recipients.length }),
      hint: ct('awardList.hint'),
      header: 'name,country,email,citation',
      path: () => `/api/conferences/${c.id}/awards/${award.id}/recipients/import?expectedRevision=${award.revision}`,
    });
  });
}

/** The file's rows as a table, each refused row with its errors beside it. */
function importOutcome(result: ImportResult, titleId: string): HTMLElement {
  if (result.failed) return h('p', { class: 'notice error', role: 'alert' }, result.failed);
  const report = result.report!;
  if (report.committed) {
    return h('p', { class: 'notice', role: 'status', 'data-testid': 'import-done' },
      ct('import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged }));
  }
  const lines = result.csv.split(/\r?\n/);
  const byLine = new Map<number, string[]>();
  for (const e of report.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), `${e.field}: ${e.message}`]);
  return h('div', { 'data-testid': 'import-errors' },
    h('p', { class: 'notice error', role: 'alert' }, ct('import.rejected', { count: report.errors.length })),
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': titleId }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ct('import.line')), h('th', { scope: 'col' }, ct('import.row')), h('th', { scope: 'col' }, ct('import.problem')))),
      h('tbody', {}, ...lines.map((line, i) => ({ line, number: i + 1 })).filter(r => r.line.trim() || byLine.has(r.number)).map(r => {
        const errors = byLine.get(r.number);
        return h('tr', { class: errors ? 'has-error' : '', 'data-line': String(r.number) },
          h('td', {}, String(r.number)), h('td', {}, h('code', {}, r.line)),
          h('td', { class: 'row-error', 'data-testid': errors ? 'row-error' : null }, errors?.join(' ') ?? ''));
      })))));
}

function invitationSection(c: ConferenceDto, people: ParticipantDto[]): HTMLElement {
  const role = h('select', { id: 'invite-role' }, h('option', { value: '' }, ct('invite.everyone')),
    ...['host', 'producer', 'speaker', 'awardee', 'attendee'].map(r => h('option', { value: r }, ct(`role.${r}` as ConsoleKey))));
  const issue = h('button', { type: 'button', 'data-testid': 'issue-invitations', onclick: (() => void attempt(async () => {
    issued = [...issued, ...await call<InvitationLink[]>(`/api/conferences/${c.id}/invitations`, { method: 'POST', body: { role: role.value || null } })];
    await show();
  }, 'invite.issued')) as EventListener }, ct('invite.issue'));
  const exportCsv = h('button', { type: 'button', class: 'secondary', disabled: issued.length === 0, 'data-testid': 'export-invitations',
    onclick: (() => {
      const quote = (v: string | null) => `"${(v ?? '').replace(/"/g, '""')}"`;
      const csv = ['displayName,email,joinUrl,expiresAt', ...issued.map(l => [l.displayName, l.email, l.joinUrl, l.expiresAt === null ? '' : String(l.expiresAt)].map(quote).join(','))].join('\r\n');
      const link = h('a', { href: URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv' })), download: 'invitations.csv' });
      link.click();
      URL.revokeObjectURL(link.href);
    }) as EventListener }, ct('invite.export'));
  // Links issued earlier (another day, another browser) are not shown again, but can still be withdrawn per person.
  const revokeAll = (person: ParticipantDto) => attempt(async () => {
    const links = await call<InvitationDto[]>(`/api/conferences/${c.id}/participants/${person.id}/invitations`);
    const active = links.filter(l => l.status === 'active');
    for (const link of active) await call(`/api/conferences/${c.id}/participants/${person.id}/invitations/${link.id}`, { method: 'DELETE' });
    issued = issued.filter(l => l.participantId !== person.id);
    await show();
    say(ct('invite.revokedCount', { name: person.displayName, count: active.length }));
  });
  const everyone = people.length === 0 ? null : h('details', { 'data-testid': 'people' },
    h('summary', {}, ct('invite.people', { count: people.length })),
    h('ul', { class: 'counts' }, ...people.map(person => h('li', {},
      h('span', {}, person.displayName, ' ', h('span', { class: 'hint' }, `${person.country} · ${person.roles.map(r => ct(`role.${r}` as ConsoleKey)).join(', ')}`)),
      h('button', { type: 'button', class: 'small secondary', 'aria-label': ct('invite.revokeFor', { name: person.displayName }),
        onclick: (() => void revokeAll(person)) as EventListener }, ct('invite.revoke'))))));
  return h('section', { class: 'card', 'aria-labelledby': 'invite-title', 'data-testid': 'invitations' },
    h('h2', { id: 'invite-title' }, ct('invite.title')),
    h('p', { class: 'hint' }, ct('invite.hint', { count: people.length })),
    h('div', { class: 'actions' }, field('invite-role', ct('invite.role'), role), issue, exportCsv),
    issued.length === 0 ? null : h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'invite-title' }, h('table', { 'data-testid': 'issued' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ct('invite.person')), h('th', { scope: 'col' }, ct('invite.link')), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, ct('run.actions'))))),
      h('tbody', {}, ...issued.map(link => h('tr', {},
        h('th', { scope: 'row' }, link.displayName),
        h('td', {}, h('code', { class: 'join-url' }, link.joinUrl)),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small secondary', 'aria-label': ct('invite.copyFor', { name: link.displayName }),
            onclick: (() => void navigator.clipboard.writeText(link.joinUrl).then(() => say(ct('invite.copied')), () => say(link.joinUrl))) as EventListener }, ct('invite.copy')),
          h('button', { type: 'button', class: 'small danger', 'data-testid': 'revoke', 'aria-label': ct('invite.revokeFor', { name: link.displayName }),
            onclick: (() => void attempt(async () => {
              await call(`/api/conferences/${c.id}/participants/${link.participantId}/invitations/${link.invitationId}`, { method: 'DELETE' });
              issued = issued.filter(l => l.invitationId !== link.invitationId);
              await show();
            }, 'invite.revoked')) as EventListener }, ct('invite.revoke')))))))),
    everyone);
}

function registrationSection(c: ConferenceDto, registration: RegistrationDto): HTMLElement {
  const open = h('input', { id: 'reg-open', type: 'checkbox', checked: registration.open, 'data-testid': 'registration-open' });
  const capacity = input('reg-capacity', registration.capacity, { type: 'number', min: 1 });
  const form = h('form', { class: 'card form', 'aria-labelledby': 'reg-title', 'data-testid': 'registration' },
    h('h2', { id: 'reg-title' }, ct('registration.title')),
    h('p', { class: 'hint' }, ct('registration.count', { count: registration.participants })),
    h('div', { class: 'actions' }, open, h('label', { for: 'reg-open' }, ct('registration.open'))),
    field('reg-capacity', ct('registration.capacity'), capacity),
    h('p', { class: 'actions' }, h('button', { type: 'submit' }, ct('organizer.save'))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    void attempt(async () => {
      await call<RegistrationDto>(`/api/conferences/${c.id}/registration`, { method: 'PUT', body: { open: open.checked, capacity: capacity.value ? Number(capacity.value) : null } });
    }, 'organizer.saved');
  });
  return form;
}

/**
 * The server's printable report (tables and SVG charts, no script), placed in this page: a link could not
 * carry the organizer's session, and the page's own policy already allows its stylesheet.
 */
async function reportSection(c: ConferenceDto): Promise<HTMLElement> {
  const html = await call<string>(`/api/conferences/${c.id}/report.html?lang=${language()}`);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const link of parsed.querySelectorAll('link[rel=stylesheet]')) {
    const href = link.getAttribute('href');
    if (href && !document.querySelector(`link[href='${href}']`)) document.head.append(h('link', { rel: 'stylesheet', href }));
  }
  const report = h('div', { class: 'report-frame', 'data-testid': 'report' });
  // Scripts are not expected there, and would not run: nodes adopted from a parsed document never execute scripts.
  report.append(...Array.from(parsed.querySelector('main')?.childNodes ?? []).map(n => document.adoptNode(n)));
  // The report's own title becomes a section heading here: the page already has its h1.
  for (const heading of report.querySelectorAll('h1')) {
    const h2 = h('h2');
    h2.append(...Array.from(heading.childNodes));
    heading.replaceWith(h2);
  }
  return h('section', { class: 'card', 'aria-label': ct('organizer.tab.report') },
    h('p', { class: 'actions no-print' }, h('button', { type: 'button', 'data-testid': 'print', onclick: (() => window.print()) as EventListener }, ct('organizer.print')),
      h('a', { class: 'button secondary', href: `/api/conferences/${c.id}/report/${programCsv}`, 'data-testid': 'report-csv',
        onclick: ((e: Event) => { e.preventDefault(); void download(c.id, programCsv); }) as EventListener }, ct('organizer.csv'))),
    report);
}

async function download(id: string, file: string): Promise<void> {
  await attempt(async () => {
    const text = await call<string>(`/api/conferences/${id}/report/${file}`);
    const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: file });
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

void show().catch(error => say(explain(error), true));
