// The producer's submission links (docs/appeals.md, "Submission links for contributors without an account"):
// a personal link for someone outside the organization to upload their own video appeal until a deadline.
// The token comes back once, in the answer that creates the link (the server keeps only its hash), so the
// address is shown once, to be copied and sent; the list shows each link's state, never its token.
import { api, type Credential } from '../../core/api';
import { explain } from '../../core/console';
import { ct, type ConsoleKey } from '../../core/console-i18n';
import { h, replace } from '../../core/dom';
import { formatNumber, language, localized, viewerTimeZone } from '../../core/i18n';
import type { LiveShow } from '../../core/live';
import { instantMs } from '../../core/time';
import type { SegmentDto, SubmissionLinkDto, SubmissionLinkIssued, SubmissionLinkStatus } from '../../core/wire.generated';

/** As the server's SubmissionLink.LabelMaxLength. */
const LabelMaxLength = 200;
const DefaultDays = 7;

type Feedback = { kind: 'error' | 'done'; text: string } | null;

/** The address a contributor opens: the token in the fragment, which browsers send to no server and put in no Referer. */
export function submissionAddress(token: string, origin = location.origin): string {
  return `${origin}/submit#${token}`;
}

/** A datetime-local value (the viewer's own zone, to the minute) for an instant. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value names in the viewer's zone, as ISO 8601 UTC; null when it names none. */
export function instantOfLocalInput(value: string): string | null {
  // A date-time without an offset is read in the local zone (ECMAScript's rule for this form).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export class SubmissionLinksPanel {
  readonly element: HTMLElement;
  private links: SubmissionLinkDto[] = [];
  private issued: SubmissionLinkIssued | null = null;
  private revoking: string | null = null;
  private busy = false;
  private version = 0;
  private shown = '';
  private shownIssued = '';
  private shownSegments = '';
  private loadFailed = false;
  private readonly title = h('h2', { id: 'links-title' });
  private readonly intro = h('p', { class: 'hint' });
  private readonly feedback = h('p', { class: 'notice hidden', role: 'alert', 'data-testid': 'links-feedback' });
  private readonly issuedSlot = h('div', { 'data-testid': 'link-issued-slot' });
  private readonly listTitle = h('h3', { id: 'links-list-title', tabindex: -1 });
  private readonly refresh = h('button', { type: 'button', class: 'small secondary', 'data-testid': 'links-refresh' });
  private readonly listSlot = h('div', { 'data-testid': 'links-list' });
  private readonly formTitle = h('h3', { id: 'link-form-title' });
  private readonly segment = h('select', { id: 'link-segment', required: true, 'data-testid': 'link-segment' });
  private readonly label = h('input', {
    id: 'link-label', required: true, maxlength: LabelMaxLength, autocomplete: 'off', 'data-testid': 'link-label', 'aria-describedby': 'link-label-hint',
  });
  // No `min`: whether a deadline lies in the future is the server's call, by its clock, and it says so in its refusal.
  private readonly deadline = h('input', {
    id: 'link-deadline', type: 'datetime-local', required: true, 'data-testid': 'link-deadline', 'aria-describedby': 'link-deadline-hint',
  });
  private readonly submit = h('button', { type: 'submit', 'data-testid': 'link-create' });
  private readonly texts: [HTMLElement, ConsoleKey, Record<string, string>?][] = [];
  private readonly form: HTMLFormElement;

  constructor(private readonly live: LiveShow, private readonly conferenceId: string, private readonly session: Credential) {
    const text = (tag: 'label' | 'span', attrs: Record<string, string>, key: ConsoleKey, params?: Record<string, string>) => {
      const el = h(tag, attrs);
      this.texts.push([el, key, params]);
      return el;
    };
    this.deadline.value = localInputValue(Date.now() + DefaultDays * 24 * 3600_000);
    this.form = h('form', { class: 'form link-form', 'aria-labelledby': 'link-form-title', 'data-testid': 'link-form' },
      this.formTitle,
      h('div', { class: 'field-row' },
        h('div', {}, text('label', { for: 'link-segment' }, 'links.segment'), this.segment),
        h('div', {}, text('label', { for: 'link-label' }, 'links.label'), this.label,
          text('span', { id: 'link-label-hint', class: 'hint' }, 'links.labelHint')),
        h('div', {}, text('label', { for: 'link-deadline' }, 'links.deadline'), this.deadline,
          text('span', { id: 'link-deadline-hint', class: 'hint' }, 'links.deadlineHint', { zone: viewerTimeZone() }))),
      h('p', { class: 'actions' }, this.submit));
    this.form.addEventListener('submit', event => {
      event.preventDefault();
      void this.create();
    });
    this.refresh.addEventListener('click', () => void this.load());
    this.element = h('section', { class: 'card hidden', id: 'submission-links', 'aria-labelledby': 'links-title', 'data-testid': 'links-panel' },
      this.title, this.intro, this.feedback, this.form, this.issuedSlot,
      h('div', { class: 'links-heading' }, this.listTitle, this.refresh), this.listSlot);
  }

  private segments(): SegmentDto[] {
    return this.live.conference?.segments.filter(s => s.kind === 'videoAppeals') ?? [];
  }

  /** The conference's links from the server; a failure (a lost network, an ended session) shows in the panel until a reading works. */
  async load(): Promise<void> {
    try {
      this.links = await this.call<SubmissionLinkDto[]>('GET', '');
      this.version++;
      if (this.loadFailed) this.say(null);
    } catch (error) {
      this.say({ kind: 'error', text: explain(error) });
      this.loadFailed = true;
    }
    this.render();
  }

  render(): void {
    const segments = this.segments();
    // Without a video-appeals segment a link has nowhere to send its appeal: the section is not offered.
    this.element.classList.toggle('hidden', segments.length === 0);
    this.title.textContent = ct('links.title');
    this.intro.textContent = ct('links.intro');
    this.formTitle.textContent = ct('links.new');
    this.listTitle.textContent = ct('links.listTitle');
    this.refresh.textContent = ct('links.refresh');
    this.submit.textContent = ct('links.create');
    for (const [el, key, params] of this.texts) el.textContent = ct(key, params);
    const segmentOptions = segments.map(s => `${s.id}:${localized(s, 'title')}`).join(',');
    if (segmentOptions !== this.shownSegments) {
      this.shownSegments = segmentOptions;
      const chosen = this.segment.value;
      replace(this.segment, ...segments.map(s => h('option', { value: s.id, selected: s.id === chosen }, localized(s, 'title'))));
    }
    // The console re-renders on every change of the show: the rows (and a focused button in them) are rebuilt only
    // when what they show changed.
    const shownIssued = `${language()}|${this.issued?.id ?? ''}`;
    if (shownIssued !== this.shownIssued) {
      this.shownIssued = shownIssued;
      this.renderIssued();
    }
    const shown = `${language()}|${this.version}|${segmentOptions}`;
    if (shown === this.shown) return;
    this.shown = shown;
    const focused = document.activeElement instanceof HTMLElement && this.listSlot.contains(document.activeElement)
      ? { testId: document.activeElement.dataset.testid, link: document.activeElement.closest<HTMLElement>('[data-link-id]')?.dataset.linkId }
      : null;
    this.renderList(segments);
    if (focused?.link) {
      this.listSlot.querySelector<HTMLElement>(`[data-link-id='${focused.link}'] [data-testid='${focused.testId}']`)?.focus();
    }
  }

  private say(feedback: Feedback): void {
    this.loadFailed = false;
    this.feedback.classList.toggle('hidden', feedback === null);
    this.feedback.classList.toggle('error', feedback?.kind === 'error');
    this.feedback.dataset.kind = feedback?.kind ?? '';
    this.feedback.textContent = feedback?.text ?? '';
  }

  private changed(): void {
    this.version++;
    this.render();
  }

  private async create(): Promise<void> {
    if (this.busy) return;
    const deadline = instantOfLocalInput(this.deadline.value);
    if (!deadline) {
      this.say({ kind: 'error', text: ct('links.deadlineNeeded') });
      this.deadline.focus();
      return;
    }
    this.busy = true;
    this.submit.disabled = true;
    try {
      const issued = await this.call<SubmissionLinkIssued>('POST', '', { segmentId: this.segment.value, label: this.label.value.trim(), deadline });
      this.issued = issued;
      this.revoking = null;
      this.label.value = '';
      this.say({ kind: 'done', text: ct('links.created', { label: issued.label }) });
      this.changed();
      this.issuedSlot.querySelector<HTMLInputElement>('input')?.select();
      this.issuedSlot.querySelector<HTMLInputElement>('input')?.focus();
      await this.load();
    } catch (error) {
      // A past deadline, an empty label, a segment removed meanwhile: the server's own sentence.
      this.say({ kind: 'error', text: explain(error) });
    } finally {
      this.busy = false;
      this.submit.disabled = false;
    }
  }

  private renderIssued(): void {
    const issued = this.issued;
    if (!issued) {
      replace(this.issuedSlot);
      return;
    }
    const address = h('input', { id: 'link-address', readonly: true, value: submissionAddress(issued.token), 'data-testid': 'link-address', spellcheck: 'false' });
    const copied = h('p', { class: 'hint', role: 'status', 'data-testid': 'link-copied' });
    const copy = h('button', { type: 'button', 'data-testid': 'link-copy', 'aria-describedby': 'link-once' }, ct('links.copy'));
    copy.addEventListener('click', () => void this.copy(address, copied));
    replace(this.issuedSlot, h('div', { class: 'notice link-issued', role: 'group', 'aria-labelledby': 'link-issued-title', 'data-testid': 'link-issued' },
      h('h3', { id: 'link-issued-title' }, ct('links.issuedTitle', { label: issued.label })),
      h('label', { for: 'link-address' }, ct('links.address')),
      h('div', { class: 'copy-row' }, address, copy),
      copied,
      h('p', { id: 'link-once' }, h('strong', {}, ct('links.onceOnly')), ' ',
        ct('links.sendOnlyTo', { label: issued.label, deadline: this.formatInstant(issued.deadline) })),
      h('p', { class: 'actions' }, h('button', {
        type: 'button', class: 'small secondary', 'data-testid': 'link-issued-close',
        onclick: (() => { this.issued = null; this.changed(); this.label.focus(); }) as EventListener,
      }, ct('links.issuedClose')))));
  }

  private async copy(input: HTMLInputElement, status: HTMLElement): Promise<void> {
    input.focus();
    input.select();
    try {
      // Undefined outside a secure context, and refused without the page's focus or the clipboard permission.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(input.value);
      status.textContent = ct('links.copied');
    } catch {
      input.select();
      status.textContent = ct('links.copySelected');
    }
  }

  private renderList(segments: SegmentDto[]): void {
    if (this.links.length === 0) {
      replace(this.listSlot, h('p', { class: 'hint', 'data-testid': 'links-empty' }, ct('links.none')));
      return;
    }
    const now = this.live.serverNow();
    replace(this.listSlot, h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'links-list-title' },
      h('table', { 'data-testid': 'links' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, ct('links.for')), h('th', { scope: 'col' }, ct('links.segment')),
          h('th', { scope: 'col' }, ct('links.deadline')), h('th', { scope: 'col' }, ct('links.status')),
          h('th', { scope: 'col' }, ct('links.sent')), h('th', { scope: 'col' }, ct('links.actions')))),
        h('tbody', {}, ...this.links.flatMap(link => this.row(link, segments, now))))));
  }

  private row(link: SubmissionLinkDto, segments: SegmentDto[], now: number): HTMLElement[] {
    // The list was read a while ago: a deadline passed since shows as such.
    const status: SubmissionLinkStatus = link.status === 'active' && (instantMs(link.deadline) ?? Infinity) <= now ? 'expired' : link.status;
    const segment = segments.find(s => s.id === link.segmentId);
    const lastSent = instantMs(link.lastSubmittedAt);
    const rows: HTMLElement[] = [h('tr', { 'data-link-id': link.id, 'data-testid': 'link', 'data-status': status },
      h('th', { scope: 'row', 'data-testid': 'link-label-cell' }, link.label),
      h('td', {}, segment ? localized(segment, 'title') : h('span', { class: 'hint' }, ct('links.segmentGone'))),
      h('td', { class: 'time' }, this.formatInstant(link.deadline)),
      h('td', { class: `link-${status}`, 'data-testid': 'link-status' }, ct(`links.status.${status}` as ConsoleKey),
        status === 'revoked' && link.revokedAt ? h('span', { class: 'meta' }, this.formatInstant(link.revokedAt)) : null),
      h('td', { 'data-testid': 'link-sent' }, link.submissionCount === 0 || lastSent === null ? ct('links.notSent')
        : ct('links.sentCount', { count: formatNumber(link.submissionCount), time: this.formatInstant(link.lastSubmittedAt!) })),
      h('td', {}, status === 'active' && this.revoking !== link.id ? h('button', {
        type: 'button', class: 'small secondary', 'data-testid': 'link-revoke', 'aria-label': `${ct('links.revoke')}: ${link.label}`,
        onclick: (() => { this.revoking = link.id; this.changed(); this.focusIn(link.id, 'link-revoke-confirm'); }) as EventListener,
      }, ct('links.revoke')) : null))];
    if (this.revoking === link.id && status === 'active') rows.push(this.confirmRow(link));
    return rows;
  }

  private confirmRow(link: SubmissionLinkDto): HTMLElement {
    const question = `link-revoke-question-${link.id}`;
    return h('tr', { 'data-link-id': link.id, class: 'reject-row' }, h('td', { colspan: 6 },
      h('div', { class: 'reject-form', role: 'group', 'aria-labelledby': question, 'data-testid': 'link-revoke-form' },
        h('span', { id: question }, ct('links.revokeQuestion', { label: link.label })),
        h('span', { class: 'actions' },
          h('button', {
            type: 'button', class: 'small danger', 'data-testid': 'link-revoke-confirm', onclick: (() => void this.revoke(link)) as EventListener,
          }, ct('links.revokeConfirm')),
          h('button', {
            type: 'button', class: 'small secondary', 'data-testid': 'link-revoke-cancel',
            onclick: (() => { this.revoking = null; this.changed(); this.focusIn(link.id, 'link-revoke'); }) as EventListener,
          }, ct('links.cancel'))))));
  }

  private focusIn(linkId: string, testId: string): void {
    this.listSlot.querySelector<HTMLElement>(`[data-link-id='${linkId}'] [data-testid='${testId}']`)?.focus();
  }

  private async revoke(link: SubmissionLinkDto): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.call('DELETE', `/${link.id}`);
      this.revoking = null;
      this.say({ kind: 'done', text: ct('links.revoked', { label: link.label }) });
    } catch (error) {
      this.say({ kind: 'error', text: explain(error) });
    } finally {
      this.busy = false;
    }
    await this.load();
    // The row's buttons are gone: the list's heading keeps the keyboard where the producer was.
    if (!this.revoking) this.listTitle.focus();
  }

  private formatInstant(instant: string): string {
    const ms = instantMs(instant);
    if (ms === null) return '';
    const lang = document.documentElement.lang || language();
    // Chromium's ICU has no month names for some of our languages (Azerbaijani) though it claims the locale: its
    // fallback reads "2026 M12 10", so such a language gets figures only ("2026-12-10 18:00").
    const month = new Intl.DateTimeFormat(lang, { month: 'short' }).formatToParts(ms).find(p => p.type === 'month')?.value ?? '';
    const named = !/^M?\d+$/.test(month);
    return new Intl.DateTimeFormat(lang, named ? { dateStyle: 'medium', timeStyle: 'short' }
      : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return api<T>(`/api/conferences/${this.conferenceId}/appeals/links${path}`, { method, body, session: this.session });
  }
}
