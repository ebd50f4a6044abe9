// The producer's appeal queue: each video-appeals segment's appeals in play order with what ffprobe
// read from them, upload with a progress bar, preview, approve/reject with a reason, keyboard
// reordering (the whole permutation with the queue's revision, as the server wants it), moving to
// another appeals segment, and the block's live controls with now playing / next / time left.
import { api, ApiError, type Credential } from '../../core/api';
import { explain } from '../../core/console';
import { ct, type ConsoleKey } from '../../core/console-i18n';
import { h, replace } from '../../core/dom';
import { language, localized } from '../../core/i18n';
import type { LiveShow } from '../../core/live';
import { reorder } from '../../core/reorder';
import { formatCountdown, instantMs } from '../../core/time';
import { chunkBytesOf, uploadResumably } from '../../core/upload';
import type { AppealDto, AppealPreviewLink, AppealQueueDto, SegmentDto, SenderKind } from '../../core/wire.generated';

type Feedback = { kind: 'error' | 'conflict' | 'done'; text: string } | null;

export class AppealsPanel {
  readonly element: HTMLElement;
  private queue: AppealQueueDto | null = null;
  private readonly title = h('h2', { id: 'appeals-title' });
  private readonly liveSlot = h('div', { 'data-testid': 'appeals-live' });
  private readonly listSlot = h('div', { 'data-testid': 'appeals-queues' });
  private readonly feedback = h('p', { class: 'notice hidden', role: 'alert', 'data-testid': 'appeals-feedback' });
  private readonly previewSlot = h('div', { 'data-testid': 'appeal-preview' });
  private readonly appealLeft = h('span', { 'data-testid': 'appeal-left' });
  private readonly timeLeft = h('span', { 'data-testid': 'appeals-time-left' });
  private readonly upload: UploadForm;
  private readonly thumbnails = new Map<string, string>();
  private rejecting: string | null = null;
  private rejectReason = '';
  private dragged: string | null = null;
  private busy = false;

  constructor(private readonly live: LiveShow, private readonly conferenceId: string, private readonly session: Credential) {
    this.upload = new UploadForm(this, conferenceId, session);
    this.element = h('section', { class: 'card', id: 'appeals', 'data-testid': 'appeals-panel', 'aria-labelledby': 'appeals-title' },
      this.title, this.liveSlot, this.feedback, this.listSlot, this.previewSlot, this.upload.element);
  }

  segments(): SegmentDto[] {
    return this.live.conference?.segments.filter(s => s.kind === 'videoAppeals') ?? [];
  }

  async load(): Promise<void> {
    this.queue = await this.call<AppealQueueDto>('GET', '');
    this.render();
  }

  /** Someone edited the queue (AppealsEdited): read it again unless this console already holds that revision. */
  edited(revision: number): void {
    if (!this.queue || revision > this.queue.revision) void this.load().catch(() => undefined);
  }

  /** Shown by the panel and by the upload form: the server's own sentence, or that someone else was first. */
  say(feedback: Feedback): void {
    this.feedback.classList.toggle('hidden', feedback === null);
    this.feedback.classList.toggle('error', feedback?.kind === 'error');
    this.feedback.dataset.kind = feedback?.kind ?? '';
    this.feedback.textContent = feedback?.text ?? '';
  }

  render(): void {
    this.title.textContent = ct('appeals.title');
    this.upload.render();
    this.renderLive();
    const segments = this.segments();
    if (segments.length === 0) {
      replace(this.listSlot, h('p', { class: 'hint' }, ct('appeals.noSegment')));
      return;
    }
    // A re-render replaces the rows: the focused control is found again by what it does and to which appeal.
    const focused = document.activeElement instanceof HTMLElement && this.listSlot.contains(document.activeElement)
      ? { testId: document.activeElement.dataset.testid, appeal: document.activeElement.closest<HTMLElement>('[data-appeal-id]')?.dataset.appealId }
      : null;
    replace(this.listSlot, ...segments.map(segment => this.segmentTable(segment, segments)));
    if (focused?.appeal) {
      const row = this.listSlot.querySelector<HTMLElement>(`[data-appeal-id='${focused.appeal}']`);
      const again = row?.querySelector<HTMLElement>(`[data-testid='${focused.testId}']:not([disabled])`)
        ?? row?.querySelector<HTMLElement>('button:not([disabled])');
      again?.focus();
    }
  }

  /** The countdown of the block on air, every quarter second. */
  tick(): void {
    const block = this.live.appealsOnAir();
    const endsAt = instantMs(block?.blockEndsAt);
    this.timeLeft.textContent = endsAt === null ? '' : ct('appeals.timeLeft', { time: formatCountdown(Math.max(0, endsAt - this.live.serverNow())) });
    const appealEnds = this.live.appealEndsAt();
    this.appealLeft.textContent = appealEnds === null ? ''
      : `${ct('appeals.appealLeft', { time: formatCountdown(Math.max(0, appealEnds - this.live.serverNow())) })} · `;
  }

  private segmentTable(segment: SegmentDto, segments: SegmentDto[]): HTMLElement {
    const appeals = (this.queue?.appeals ?? []).filter(a => a.segmentId === segment.id).sort((a, b) => a.position - b.position);
    const titleId = `appeals-${segment.id}`;
    // Approved at review, whether it has had its turn yet or not: what the block plays or played.
    const approved = appeals.filter(a => a.status !== 'submitted' && a.status !== 'rejected');
    const total = approved.reduce((sum, a) => sum + Number(a.durationSeconds), 0);
    return h('section', { class: 'appeal-segment', 'aria-labelledby': titleId, 'data-testid': 'appeal-segment', 'data-segment-id': segment.id },
      h('h3', { id: titleId }, localized(segment, 'title')),
      h('p', { class: 'hint' }, ct('appeals.summary', { count: appeals.length, approved: approved.length, duration: formatCountdown(total * 1000) })),
      appeals.length > 1 ? h('p', { class: 'hint' }, ct('appeals.dragHint')) : null,
      appeals.length === 0 ? h('p', { class: 'hint' }, ct('appeals.empty')) :
        h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': titleId }, h('table', { 'data-testid': 'appeals' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, ct('appeals.thumbnail'))),
            h('th', { scope: 'col' }, ct('appeals.appeal')), h('th', { scope: 'col' }, ct('appeals.country')),
            h('th', { scope: 'col' }, ct('appeals.language')), h('th', { scope: 'col' }, ct('appeals.duration')),
            h('th', { scope: 'col' }, ct('appeals.status')), h('th', { scope: 'col' }, ct('appeals.actions')))),
          h('tbody', {}, ...appeals.flatMap((appeal, i) => this.row(appeal, i, appeals, segments))))));
  }

  private row(appeal: AppealDto, index: number, siblings: AppealDto[], segments: SegmentDto[]): HTMLElement[] {
    const onAir = this.live.appealsOnAir()?.nowPlaying?.appealId === appeal.id;
    const reviewable = appeal.status === 'submitted' || appeal.status === 'approved' || appeal.status === 'rejected';
    const others = segments.filter(s => s.id !== appeal.segmentId);
    const moveSelect = h('select', { 'aria-label': ct('appeals.moveTo', { title: appeal.title }), 'data-testid': 'move-target' },
      ...others.map(s => h('option', { value: s.id }, localized(s, 'title'))));
    const actions = h('td', { class: 'appeal-actions' },
      this.button(ct('appeals.preview'), 'preview', () => void this.preview(appeal), appeal.title),
      appeal.status !== 'approved' && reviewable
        ? this.button(ct('appeals.approve'), 'approve', () => void this.edit(appeal.id, 'approve', {}), appeal.title) : null,
      appeal.status !== 'rejected' && reviewable
        ? this.button(ct('appeals.reject'), 'reject', () => { this.rejecting = appeal.id; this.rejectReason = ''; this.render(); this.focusReason(); }, appeal.title)
        : null,
      this.button(ct('appeals.up'), 'move-up', () => void this.moveTo(appeal, siblings, index - 1), appeal.title, index === 0),
      this.button(ct('appeals.down'), 'move-down', () => void this.moveTo(appeal, siblings, index + 1), appeal.title, index === siblings.length - 1),
      others.length > 0 ? h('span', { class: 'move-to' }, moveSelect,
        this.button(ct('appeals.move'), 'move', () => void this.edit(appeal.id, 'move', { segmentId: moveSelect.value }), appeal.title)) : null);
    const rows: HTMLElement[] = [];
    const names = new Intl.DisplayNames([document.documentElement.lang || language()], { type: 'region' });
    const languages = new Intl.DisplayNames([document.documentElement.lang || language()], { type: 'language' });
    const sender = ct(`appeals.kind.${appeal.senderKind}` as ConsoleKey);
    const row = h('tr', {
      'data-appeal-id': appeal.id, 'data-testid': 'appeal', class: onAir ? 'running draggable' : 'draggable', 'aria-current': onAir ? 'true' : null,
      draggable: 'true',
    },
      h('td', {}, String(index + 1)),
      h('td', {}, h('img', { class: 'thumbnail', src: this.thumbnail(appeal), alt: '', width: 96, height: 54 })),
      h('th', { scope: 'row' }, h('span', { 'data-testid': 'appeal-title' }, appeal.title),
        h('span', { class: 'meta', 'data-testid': 'appeal-sender' }, `${appeal.senderName} · ${sender}`),
        appeal.message ? h('span', { class: 'meta' }, appeal.message) : null),
      h('td', {}, safeName(names, appeal.country)),
      h('td', {}, safeName(languages, appeal.language)),
      h('td', { class: 'time' }, formatCountdown(Number(appeal.durationSeconds) * 1000)),
      h('td', { 'data-testid': 'appeal-status', class: `appeal-${appeal.status}` }, ct(`appeals.status.${appeal.status}` as ConsoleKey),
        onAir ? h('span', { class: 'meta' }, ct('appeals.onAirNow')) : null,
        appeal.rejectionReason ? h('span', { class: 'meta' }, appeal.rejectionReason) : null),
      actions);
    this.draggable(row, appeal, siblings, index);
    rows.push(row);
    if (this.rejecting === appeal.id) rows.push(this.rejectRow(appeal));
    return rows;
  }

  private rejectRow(appeal: AppealDto): HTMLElement {
    const inputId = `reason-${appeal.id}`;
    const input = h('input', { id: inputId, maxlength: 500, required: true, 'data-testid': 'reject-reason', value: this.rejectReason });
    input.addEventListener('input', () => { this.rejectReason = input.value; });
    const form = h('form', { class: 'reject-form', 'data-testid': 'reject-form' },
      h('label', { for: inputId }, ct('appeals.reason', { title: appeal.title })), input,
      h('span', { class: 'actions' },
        h('button', { type: 'submit', class: 'small danger', 'data-testid': 'confirm-reject' }, ct('appeals.confirmReject')),
        this.button(ct('appeals.cancel'), 'cancel-reject', () => { this.rejecting = null; this.render(); })));
    form.addEventListener('submit', event => {
      event.preventDefault();
      const reason = input.value.trim();
      if (!reason) {
        this.say({ kind: 'error', text: ct('appeals.reasonNeeded') });
        input.focus();
        return;
      }
      void this.edit(appeal.id, 'reject', { reason }).then(ok => { if (ok) this.rejecting = null; this.render(); });
    });
    return h('tr', { 'data-appeal-id': appeal.id, class: 'reject-row' }, h('td', { colspan: 8 }, form));
  }

  private focusReason(): void {
    this.listSlot.querySelector<HTMLInputElement>("[data-testid='reject-reason']")?.focus();
  }

  private button(label: string, testId: string, onClick: () => void, about?: string, disabled = false): HTMLButtonElement {
    return h('button', {
      type: 'button', class: 'small secondary', 'data-testid': testId, onclick: onClick as EventListener, disabled,
      'aria-label': about ? `${label}: ${about}` : null,
    }, label);
  }

  private thumbnail(appeal: AppealDto): string {
    const known = this.thumbnails.get(appeal.id);
    if (known) return known;
    // The thumbnail needs the producer's bearer token, which an <img> cannot send: fetched, then shown from memory.
    this.thumbnails.set(appeal.id, '');
    void this.blob(appeal.thumbnailUrl).then(url => {
      this.thumbnails.set(appeal.id, url);
      for (const img of this.listSlot.querySelectorAll<HTMLImageElement>(`[data-appeal-id='${appeal.id}'] img.thumbnail`)) img.src = url;
    }).catch(() => this.thumbnails.delete(appeal.id));
    return 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
  }

  private async blob(path: string): Promise<string> {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${this.session.token}` } });
    if (!response.ok) throw new ApiError({ status: response.status });
    return URL.createObjectURL(await response.blob());
  }

  private async preview(appeal: AppealDto): Promise<void> {
    replace(this.previewSlot, h('p', { class: 'hint', role: 'status' }, ct('appeals.loadingPreview')));
    try {
      // A signed, short-lived address: the player streams and seeks with ranges, nothing is held in the page's memory.
      const link = await api<AppealPreviewLink>(`/api/conferences/${this.conferenceId}/appeals/${appeal.id}/preview-link`, { session: this.session });
      const video = h('video', {
        src: link.url, controls: true, autoplay: true, preload: 'metadata', 'data-testid': 'preview-video',
        'aria-label': ct('appeals.previewOf', { title: appeal.title }),
      });
      replace(this.previewSlot, h('h3', {}, ct('appeals.previewOf', { title: appeal.title })), video,
        h('p', {}, this.button(ct('appeals.closePreview'), 'close-preview', () => {
          video.pause();
          video.removeAttribute('src');
          replace(this.previewSlot);
        })));
      video.focus();
    } catch (error) {
      replace(this.previewSlot);
      this.say({ kind: 'error', text: explain(error) });
    }
  }

  /** Drag and drop within a block, as the arrow buttons do it: the whole new order with the queue's revision. */
  private draggable(row: HTMLElement, appeal: AppealDto, siblings: AppealDto[], index: number): void {
    row.addEventListener('dragstart', event => {
      this.dragged = appeal.id;
      row.classList.add('dragging');
      event.dataTransfer?.setData('text/plain', appeal.id);
    });
    row.addEventListener('dragend', () => { row.classList.remove('dragging'); this.dragged = null; });
    row.addEventListener('dragover', event => { event.preventDefault(); row.classList.add('drop-target'); });
    row.addEventListener('dragleave', () => row.classList.remove('drop-target'));
    row.addEventListener('drop', event => {
      event.preventDefault();
      row.classList.remove('drop-target');
      const moved = siblings.find(a => a.id === this.dragged);
      if (moved && moved.id !== appeal.id) void this.moveTo(moved, siblings, index);
    });
  }

  private async moveTo(appeal: AppealDto, siblings: AppealDto[], to: number): Promise<void> {
    const ids = siblings.map(a => a.id);
    const from = ids.indexOf(appeal.id);
    if (from < 0 || to < 0 || to >= ids.length || to === from) return;
    const done = await this.send('reorder', { segmentId: appeal.segmentId, appealIds: reorder(ids, from, to) });
    if (done) this.say({ kind: 'done', text: ct('appeals.moved', { title: appeal.title, position: to + 1 }) });
  }

  /** approve, reject or move one appeal with the queue's revision. */
  private edit(appealId: string, action: 'approve' | 'reject' | 'move', body: Record<string, unknown>): Promise<boolean> {
    return this.send(`${appealId}/${action}`, body);
  }

  private async send(path: string, body: Record<string, unknown>): Promise<boolean> {
    if (this.busy || !this.queue) return false;
    this.busy = true;
    try {
      this.queue = await this.call<AppealQueueDto>('POST', `/${path}`, { ...body, expectedRevision: this.queue.revision });
      this.say(null);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 409) {
        // Someone else changed the queue first: show theirs, and say that nothing of ours was saved.
        await this.load().catch(() => undefined);
        this.say({ kind: 'conflict', text: ct('appeals.conflict') });
      } else {
        this.say({ kind: 'error', text: explain(error) });
      }
      return false;
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return api<T>(`/api/conferences/${this.conferenceId}/appeals${path}`, { method, body, session: this.session });
  }

  private renderLive(): void {
    const block = this.live.appealsOnAir();
    const show = this.live.show;
    const current = this.live.conference?.segments.find(s => s.id === show?.currentSegmentId);
    if (!show || !current || current.kind !== 'videoAppeals' || (show.status !== 'running' && show.status !== 'paused')) {
      replace(this.liveSlot, h('p', { class: 'hint', 'data-testid': 'appeals-off-air' }, ct('appeals.offAir')));
      return;
    }
    const names = new Intl.DisplayNames([document.documentElement.lang || language()], { type: 'region' });
    const caption = (c: NonNullable<typeof block>['nowPlaying']) => c
      ? `${c.title} — ${c.senderName} (${safeName(names, c.country)})` : '—';
    const live = (method: string, body: Record<string, unknown> = {}) => () => void this.liveCommand(method, body);
    replace(this.liveSlot,
      h('h3', {}, ct('appeals.liveTitle', { title: localized(current, 'title') })),
      h('dl', { class: 'appeal-now' },
        h('dt', {}, ct('appeals.nowPlaying')), h('dd', { 'data-testid': 'appeal-now-playing' }, caption(block?.nowPlaying ?? null)),
        h('dt', {}, ct('appeals.next')), h('dd', { 'data-testid': 'appeal-next' }, caption(block?.next ?? null))),
      h('p', {}, this.appealLeft, this.timeLeft, block?.queuePaused ? h('strong', { 'data-testid': 'queue-paused' }, ' · ', ct('appeals.queuePaused')) : null),
      h('div', { class: 'console-controls', role: 'group', 'aria-label': ct('appeals.liveControls') },
        h('button', { type: 'button', class: 'primary', 'data-testid': 'appeal-play-next', onclick: live('next') as EventListener }, ct('appeals.playNext')),
        h('button', {
          type: 'button', 'data-testid': 'appeal-skip', disabled: !block?.nowPlaying,
          onclick: live('skip', { appealId: block?.nowPlaying?.appealId }) as EventListener,
        }, ct('appeals.skip')),
        block?.queuePaused
          ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'appeal-resume', onclick: live('resume') as EventListener }, ct('appeals.resumeQueue'))
          : h('button', { type: 'button', class: 'secondary', 'data-testid': 'appeal-pause', onclick: live('pause') as EventListener }, ct('appeals.pauseQueue'))));
    this.tick();
  }

  private async liveCommand(method: string, body: Record<string, unknown>): Promise<void> {
    const show = this.live.show;
    if (!show || this.busy) return;
    this.busy = true;
    try {
      await this.call('POST', `/live/${method}`, { ...body, expectedRevision: show.revision });
      this.say(null);
    } catch (error) {
      this.say(error instanceof ApiError && error.problem.status === 409
        ? { kind: 'conflict', text: ct('appeals.liveConflict') } : { kind: 'error', text: explain(error) });
    } finally {
      this.busy = false;
    }
  }
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The upload form, built once so a re-render never loses what is typed. The video is the request's
 * raw body (the server streams it to disk); XMLHttpRequest, because fetch reports no upload progress.
 */
class UploadForm {
  readonly element: HTMLFormElement;
  private readonly segment = h('select', { id: 'appeal-segment', required: true, 'data-testid': 'upload-segment' });
  private readonly kind = h('select', { id: 'appeal-kind', 'data-testid': 'upload-kind' });
  private readonly sender = h('input', { id: 'appeal-sender', required: true, maxlength: 200, autocomplete: 'off', 'data-testid': 'upload-sender' });
  private readonly country = h('input', {
    id: 'appeal-country', required: true, maxlength: 2, minlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'off', 'data-testid': 'upload-country',
    'aria-describedby': 'appeal-country-hint',
  });
  private readonly language = h('input', {
    id: 'appeal-language', required: true, maxlength: 35, autocomplete: 'off', 'data-testid': 'upload-language', 'aria-describedby': 'appeal-language-hint',
  });
  private readonly titleInput = h('input', { id: 'appeal-title', required: true, maxlength: 200, autocomplete: 'off', 'data-testid': 'upload-title' });
  private readonly message = h('textarea', { id: 'appeal-message', rows: 2, maxlength: 2000, 'data-testid': 'upload-message' });
  private readonly file = h('input', { id: 'appeal-file', type: 'file', required: true, accept: 'video/*', 'data-testid': 'upload-file' });
  private readonly progress = h('progress', { max: 100, value: 0, class: 'hidden', 'data-testid': 'upload-progress', 'aria-labelledby': 'upload-progress-label' });
  private readonly progressLabel = h('span', { id: 'upload-progress-label', class: 'hint', role: 'status' });
  private readonly submit = h('button', { type: 'submit', 'data-testid': 'upload-submit' });
  private readonly heading = h('h3', { id: 'upload-title' });
  private readonly labels: [HTMLElement, ConsoleKey][] = [];
  private sending = false;

  constructor(private readonly panel: AppealsPanel, private readonly conferenceId: string, private readonly session: Credential) {
    const label = (forId: string, key: ConsoleKey) => {
      const el = h('label', { for: forId });
      this.labels.push([el, key]);
      return el;
    };
    const hint = (id: string, key: ConsoleKey) => {
      const el = h('span', { id, class: 'hint' });
      this.labels.push([el, key]);
      return el;
    };
    this.element = h('form', { class: 'form upload-form', 'aria-labelledby': 'upload-title', 'data-testid': 'upload-form' },
      this.heading,
      h('div', { class: 'field-row' },
        h('div', {}, label('appeal-segment', 'appeals.segment'), this.segment),
        h('div', {}, label('appeal-kind', 'appeals.senderKind'), this.kind),
        h('div', {}, label('appeal-sender', 'appeals.sender'), this.sender)),
      h('div', { class: 'field-row' },
        h('div', {}, label('appeal-country', 'appeals.country'), this.country, hint('appeal-country-hint', 'appeals.countryHint')),
        h('div', {}, label('appeal-language', 'appeals.language'), this.language, hint('appeal-language-hint', 'appeals.languageHint')),
        h('div', {}, label('appeal-title', 'appeals.appealTitle'), this.titleInput)),
      label('appeal-message', 'appeals.message'), this.message,
      label('appeal-file', 'appeals.file'), this.file,
      h('p', { class: 'actions' }, this.submit),
      this.progress, this.progressLabel);
    this.element.addEventListener('submit', event => {
      event.preventDefault();
      void this.send();
    });
  }

  render(): void {
    this.heading.textContent = ct('appeals.upload');
    this.submit.textContent = ct('appeals.uploadSubmit');
    for (const [el, key] of this.labels) el.textContent = ct(key);
    const chosenSegment = this.segment.value;
    replace(this.segment, ...this.panel.segments().map(s => h('option', { value: s.id, selected: s.id === chosenSegment }, localized(s, 'title'))));
    const chosenKind = this.kind.value || 'person';
    const kinds: SenderKind[] = ['person', 'organization'];
    replace(this.kind, ...kinds.map(k => h('option', { value: k, selected: k === chosenKind }, ct(`appeals.kind.${k}` as ConsoleKey))));
    this.element.classList.toggle('hidden', this.panel.segments().length === 0);
  }

  private async send(): Promise<void> {
    const file = this.file.files?.[0];
    if (this.sending || !file) return;
    this.sending = true;
    this.submit.disabled = true;
    const details: Record<string, unknown> = {
      segmentId: this.segment.value, senderKind: this.kind.value, senderName: this.sender.value.trim(),
      country: this.country.value.trim().toUpperCase(), language: this.language.value.trim(), title: this.titleInput.value.trim(),
      size: file.size,
    };
    if (this.message.value.trim()) details.message = this.message.value.trim();
    this.progress.value = 0;
    this.progress.classList.remove('hidden');
    this.showProgress(0, file.size);
    try {
      const created = await this.upload(details, file);
      this.panel.say({ kind: 'done', text: ct('appeals.uploaded', { title: created.title }) });
      this.sender.value = this.titleInput.value = this.message.value = '';
      this.file.value = '';
      await this.panel.load();
    } catch (error) {
      this.panel.say({ kind: 'error', text: ct('appeals.uploadFailed', { reason: explain(error) }) });
    } finally {
      this.sending = false;
      this.submit.disabled = false;
      this.progress.classList.add('hidden');
      this.progressLabel.textContent = '';
      this.element.removeAttribute('data-resuming');
    }
  }

  private upload(details: Record<string, unknown>, file: File): Promise<AppealDto> {
    return uploadResumably<AppealDto>({
      base: `/api/conferences/${this.conferenceId}/appeals/uploads`,
      headers: { Authorization: `Bearer ${this.session.token}` },
      chunkBytes: chunkBytesOf(this.element),
      onProgress: (sent, size) => this.showProgress(sent, size),
      onResuming: lost => this.resuming(lost),
    }, details, file);
  }

  private resuming(lost: boolean): void {
    this.element.toggleAttribute('data-resuming', lost);
    if (lost) this.progressLabel.textContent = ct('appeals.uploadResuming', { percent: this.progress.value });
  }

  private showProgress(sent: number, size: number): void {
    const percent = size === 0 ? 100 : Math.floor(100 * sent / size);
    this.progress.value = percent;
    if (!this.element.hasAttribute('data-resuming')) this.progressLabel.textContent = ct('appeals.uploading', { percent });
  }
}
