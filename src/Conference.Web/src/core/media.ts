// The call and the program's media on the participant view. The live show keeps working whatever
// happens here: a media failure is shown as a message, never thrown at the page.
import { api } from './api';
import { h, replace } from './dom';
import { t } from './i18n';
import type { LiveShow } from './live';
import { elapsedAt } from './show';
import type { ConferenceDto, MediaJoinTicket, SegmentDto } from './wire.generated';

/** Seek when the player is further than this from the show's position (the target is 0.5 s). */
const maxDriftSeconds = 0.25;

export type MediaState = 'idle' | 'simulated' | 'connecting' | 'connected' | 'unreachable' | 'unavailable';

export class MediaPanel {
  state: MediaState = 'idle';
  ticket: MediaJoinTicket | null = null;
  readonly element = h('section', { class: 'media card', 'aria-labelledby': 'media-title', 'data-testid': 'media' });
  private readonly notice = h('p', { class: 'notice', 'data-testid': 'media-notice', role: 'status' });
  private readonly stage = h('div', { class: 'stage-videos' });
  private readonly controls = h('div', { class: 'controls' });
  private readonly title = h('h2', { id: 'media-title' });
  private readonly playout: ClientPlayout;
  private room: import('livekit-client').Room | null = null;

  constructor(private readonly live: LiveShow) {
    this.playout = new ClientPlayout(live);
    replace(this.element, this.title, this.notice, this.playout.element, this.stage, this.controls);
  }

  async start(): Promise<void> {
    try {
      this.ticket = await api<MediaJoinTicket>(`/api/conferences/${this.live.conferenceId}/media/join`, {
        method: 'POST', body: {}, session: this.live.session,
      });
    } catch {
      this.set('unavailable');
      return;
    }
    if (this.ticket.playout === 'client') this.playout.enable();
    if (this.ticket.provider === 'livekit') await this.joinLiveKit(this.ticket);
    else this.set('simulated');
  }

  /** Called on every render tick: keeps the client playout at the show's position. */
  tick(conference: ConferenceDto | null): void {
    this.playout.tick(conference);
  }

  render(): void {
    this.title.textContent = t('media.title');
    const key = ({
      idle: 'media.loading', simulated: 'media.simulated', connecting: 'media.connecting', connected: 'media.connected',
      unreachable: 'media.unreachable', unavailable: 'media.unavailable',
    } as const)[this.state];
    this.notice.textContent = t(key);
    this.element.dataset.mediaState = this.state;
    this.playout.render();
    this.renderControls();
  }

  private set(state: MediaState): void {
    this.state = state;
    this.render();
  }

  private async joinLiveKit(ticket: MediaJoinTicket): Promise<void> {
    this.set('connecting');
    try {
      // Loaded only here: most of the page's weight is the LiveKit SDK, and only LiveKit calls need it.
      const { Room, RoomEvent } = await import('livekit-client');
      const room = new Room({ adaptiveStream: true, dynacast: true });
      room.on(RoomEvent.TrackSubscribed, track => {
        const element = track.attach();
        element.setAttribute('playsinline', '');
        this.stage.appendChild(element);
      });
      room.on(RoomEvent.TrackUnsubscribed, track => track.detach().forEach(e => e.remove()));
      room.on(RoomEvent.ParticipantPermissionsChanged, () => this.renderControls());
      room.on(RoomEvent.Disconnected, () => this.set('unreachable'));
      await room.connect(ticket.url, ticket.token);
      this.room = room;
      this.set('connected');
    } catch {
      this.set('unreachable');
    }
  }

  /** Microphone and camera buttons only while the participant's rights allow publishing. */
  private renderControls(): void {
    const participant = this.room?.localParticipant;
    const canPublish = this.state === 'connected' && participant?.permissions?.canPublish === true;
    replace(this.controls);
    if (!canPublish || !participant) return;
    const toggle = (label: string, on: boolean, act: () => Promise<unknown>) =>
      h('button', { type: 'button', 'aria-pressed': on ? 'true' : 'false', onclick: () => void act().then(() => this.renderControls()) }, label);
    this.controls.append(
      toggle(t(participant.isMicrophoneEnabled ? 'media.micOff' : 'media.micOn'), participant.isMicrophoneEnabled,
        () => participant.setMicrophoneEnabled(!participant.isMicrophoneEnabled)),
      toggle(t(participant.isCameraEnabled ? 'media.cameraOff' : 'media.cameraOn'), participant.isCameraEnabled,
        () => participant.setCameraEnabled(!participant.isCameraEnabled)));
  }
}

/**
 * Plays the running segment's media (anthem, video) itself, at the show's position:
 * now − segmentStartedAt − pauses, read from the synced clock; it pauses and resumes with the show
 * and stops at the media's end.
 */
export class ClientPlayout {
  readonly element = h('div', { class: 'playout' });
  private readonly video = h('video', { playsinline: true, preload: 'auto', 'data-testid': 'playout', class: 'hidden' });
  private readonly soundButton = h('button', { type: 'button', class: 'hidden', 'data-testid': 'sound' });
  private enabled = false;
  private segmentId: string | null = null;

  constructor(private readonly live: LiveShow) {
    this.soundButton.addEventListener('click', () => {
      this.video.muted = false;
      this.soundButton.classList.add('hidden');
    });
    this.element.append(this.video, this.soundButton);
  }

  enable(): void {
    this.enabled = true;
  }

  render(): void {
    this.soundButton.textContent = t('media.soundOn');
    this.video.setAttribute('aria-label', t('media.player'));
  }

  tick(conference: ConferenceDto | null): void {
    const show = this.live.show;
    const segment = this.enabled && show && (show.status === 'running' || show.status === 'paused')
      ? conference?.segments.find(s => s.id === show.currentSegmentId && s.media) ?? null
      : null;
    const position = segment && show ? (elapsedAt(show, this.live.serverNow()) ?? 0) / 1000 : 0;
    if (!segment || !show || position >= segment.media!.durationSeconds) {
      this.stop();
      return;
    }
    this.load(segment);
    const drift = this.video.currentTime - position;
    if (show.status === 'paused') {
      if (!this.video.paused) this.video.pause();
      if (Math.abs(drift) > 0.05 && this.video.readyState >= 1) this.video.currentTime = position;
    } else {
      if (Math.abs(drift) > maxDriftSeconds && this.video.readyState >= 1) this.video.currentTime = position;
      if (this.video.paused) void this.play();
    }
    this.video.dataset.position = String(position);
  }

  private load(segment: SegmentDto): void {
    if (this.segmentId === segment.id) return;
    this.segmentId = segment.id;
    this.video.src = segment.media!.url;
    this.video.classList.remove('hidden');
  }

  private async play(): Promise<void> {
    try {
      await this.video.play();
    } catch (error) {
      // Browsers refuse sound before the person has touched the page: play muted, offer the sound.
      if ((error as DOMException)?.name === 'NotAllowedError' && !this.video.muted) {
        this.video.muted = true;
        this.soundButton.classList.remove('hidden');
        await this.video.play().catch(() => undefined);
      }
    }
  }

  private stop(): void {
    if (this.segmentId === null) return;
    this.segmentId = null;
    this.video.pause();
    this.video.removeAttribute('src');
    this.video.load();
    this.video.classList.add('hidden');
    this.soundButton.classList.add('hidden');
  }
}
