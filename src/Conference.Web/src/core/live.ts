// The one owner of the live connection, the synced clock and the show state. Views subscribe and
// render; they send commands only through here. Mirrors the .NET SDK (Conference.Client): join
// returns a snapshot, pushed changes are merged, a revision gap or a reconnect takes a fresh
// snapshot, the clock re-syncs on reconnect, periodically and when the local clock jumps.
import { HttpTransportType, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel, type IRetryPolicy } from '@microsoft/signalr';
import { api, ApiError, type Credential } from './api';
import { ConferenceMessagePack, Int64 } from './protocol';
import { ClockSync } from './clock';
import { computeTimeline, merge, remainingAt, type Timeline } from './show';
import { instantMs, msToTicks, ticksToMs } from './time';
import type { AppealQueueNotice, ClockSample, ConferenceDto, HostMessage, LiveShowState, ProgramChangedNotice, ShowSnapshot } from './wire.generated';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed';

const clockSamples = 8;
const clockResyncMs = 5 * 60_000;
const clockJumpCheckMs = 2_000;
const clockJumpToleranceMs = 500;

/** Retries forever: a participant's page must come back by itself whenever the server does. */
const foreverRetry: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ctx => [0, 1000, 2000, 3000][Math.min(ctx.previousRetryCount, 3)],
};

export class LiveShow {
  readonly clock = new ClockSync();
  conference: ConferenceDto | null = null;
  snapshot: ShowSnapshot | null = null;
  show: LiveShowState | null = null;
  messages: HostMessage[] = [];
  /** The last word on the appeals block (AppealQueueChanged); see appealsOnAir. */
  private appeals: AppealQueueNotice | null = null;
  status: ConnectionStatus = 'connecting';
  /** The reason the live channel cannot be used (e.g. the session was refused), for the view to explain. */
  error: unknown = null;
  private connection: HubConnection | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly messageListeners = new Set<(message: HostMessage) => void>();
  private nextClockSyncAt = 0;
  private watch: ReturnType<typeof setInterval> | null = null;
  private resyncing: Promise<void> | null = null;

  /** Further hub events a console listens to (media status, award calls), registered when the connection is built. */
  private readonly handlers: [string, (arg: never) => void][] = [];

  constructor(readonly conferenceId: string, readonly session: Credential | null) {}

  on<T>(event: string, handler: (arg: T) => void): void {
    this.handlers.push([event, handler as (arg: never) => void]);
  }

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  onMessage(listener: (message: HostMessage) => void): void {
    this.messageListeners.add(listener);
  }

  serverNow(): number {
    return this.clock.serverNow();
  }

  remaining(): number | null {
    return this.show ? remainingAt(this.show, this.serverNow()) : null;
  }

  timeline(): Timeline | null {
    return this.show && this.snapshot ? computeTimeline(this.show, this.snapshot.program, this.serverNow()) : null;
  }

  /**
   * Loads the public program and opens the live channel (which needs the session) at the same time:
   * on a slow link each round trip counts before the countdown shows.
   */
  async start(): Promise<void> {
    const program = this.reloadConference();
    if (!this.session) {
      await program;
      return;
    }
    // WebSockets straight away, without the negotiate round trip (every browser we serve has them).
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/conference', {
        accessTokenFactory: () => this.session!.token,
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      .withHubProtocol(new ConferenceMessagePack())
      .withAutomaticReconnect(foreverRetry)
      .configureLogging(LogLevel.None)
      .build();
    this.connection = connection;
    connection.on('ShowChanged', (state: LiveShowState) => this.receive(state));
    for (const [event, handler] of this.handlers) connection.on(event, handler);
    connection.on('AppealQueueChanged', (notice: AppealQueueNotice) => this.receiveAppeals(notice));
    connection.on('MessageReceived', (message: HostMessage) => this.receiveMessage(message));
    connection.on('ProgramChanged', (notice: ProgramChangedNotice) => {
      if (notice.conferenceId === this.conferenceId) void this.reloadProgram();
    });
    connection.onreconnecting(() => {
      this.setStatus('reconnecting');
      void this.sessionRefused().then(refused => {
        if (refused) {
          this.setStatus('failed');
          void connection.stop();
        }
      });
    });
    connection.onreconnected(() => void this.afterReconnect());
    connection.onclose(() => { if (this.status !== 'failed') this.setStatus('reconnecting'); });
    await Promise.all([program, this.connectUntilUp()]);
    this.watch = setInterval(() => void this.watchClock(), clockJumpCheckMs);
  }

  private async reloadConference(): Promise<void> {
    this.conference = await api<ConferenceDto>(`/api/conferences/${this.conferenceId}`);
    this.emit();
  }

  stop(): void {
    if (this.watch) clearInterval(this.watch);
    void this.connection?.stop();
  }

  /** Hub methods for hosts' views; participants' pages only read. */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.connection) throw new Error('Not connected');
    return this.connection.invoke<T>(method, ...args);
  }

  /** First connection: a server that is down now may be up in a moment, so keep trying. */
  private async connectUntilUp(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.connection!.start();
        // One clock sample and the snapshot together show the countdown after one round trip;
        // the full sync (the best of several samples) then refines the offset.
        await Promise.all([this.syncClock(1), this.resync()]);
        this.setStatus('connected');
        void this.syncClock().catch(() => undefined);
        return;
      } catch (error) {
        if (isRefused(error) || await this.sessionRefused()) {
          this.error = error;
          this.setStatus('failed');
          await this.connection!.stop();
          return;
        }
        this.setStatus('reconnecting');
        await new Promise(resolve => setTimeout(resolve, Math.min(1000 * (attempt + 1), 5000)));
      }
    }
  }

  /**
   * A browser does not show why a WebSocket was refused, so a failed connection asks the REST API
   * with the same session: 401 or 403 means the link was revoked or expired, and retrying cannot help.
   */
  private async sessionRefused(): Promise<boolean> {
    try {
      await api(`/api/conferences/${this.conferenceId}/show`, { session: this.session });
      return false;
    } catch (error) {
      return error instanceof ApiError && (error.problem.status === 401 || error.problem.status === 403);
    }
  }

  private receive(change: LiveShowState): void {
    if (change.conferenceId !== this.conferenceId) return;
    const result = merge(this.show, change, this.snapshot?.program.programRevision ?? null);
    if (result.kind === 'applied') {
      this.show = result.show;
      this.emit();
    } else if (result.kind === 'gap') {
      void this.resync();
    }
  }

  /** The appeals block while its segment is the one on air: who plays now, who is next, when it ends. */
  appealsOnAir(): AppealQueueNotice | null {
    const show = this.show;
    return this.appeals && show && show.status !== 'ended' && show.currentSegmentId === this.appeals.segmentId ? this.appeals : null;
  }

  /**
   * When the appeal on air ends by itself (ms on the server's clock): its start, its length and the pauses since it
   * began, and no later than the block. Null when none plays or the show is paused (the block's end is then unknown).
   */
  appealEndsAt(): number | null {
    const block = this.appealsOnAir();
    const started = instantMs(block?.nowPlaying?.startedAt);
    const blockEnds = instantMs(block?.blockEndsAt);
    if (!block?.nowPlaying || started === null || blockEnds === null) return null;
    return Math.min(blockEnds, started + (Number(block.nowPlaying.durationSeconds) + Number(block.pausedTotalSeconds)) * 1000);
  }

  private receiveAppeals(notice: AppealQueueNotice): void {
    if (notice.conferenceId !== this.conferenceId || (this.appeals && notice.revision < this.appeals.revision)) return;
    this.appeals = notice;
    this.emit();
  }

  private receiveMessage(message: HostMessage): void {
    if (message.conferenceId !== this.conferenceId) return;
    this.messages = [message, ...this.messages].slice(0, 20);
    for (const listener of this.messageListeners) listener(message);
    this.emit();
  }

  /** A fresh snapshot replaces whatever was held; concurrent requests share one call. */
  private resync(): Promise<void> {
    this.resyncing ??= (async () => {
      try {
        const snapshot = await this.connection!.invoke<ShowSnapshot>('JoinConference', this.conferenceId);
        this.snapshot = snapshot;
        if (!this.show || snapshot.show.revision >= this.show.revision) this.show = snapshot.show;
        this.emit();
      } finally {
        this.resyncing = null;
      }
    })();
    return this.resyncing;
  }

  private async reloadProgram(): Promise<void> {
    await this.reloadConference();
    await this.resync();
  }

  private async afterReconnect(): Promise<void> {
    // A new connection is in no group yet, and changes may have happened while away.
    this.show = null;
    try {
      await this.resync();
      await this.syncClock();
      await this.reloadProgram();
      this.setStatus('connected');
    } catch (error) {
      if (isRefused(error)) {
        this.error = error;
        this.setStatus('failed');
      }
    }
  }

  private async syncClock(samples = clockSamples): Promise<void> {
    await this.clock.sync(async sentWall => {
      const sample = await this.connection!.invoke<ClockSample>('SyncClock', new Int64(msToTicks(sentWall)));
      return ticksToMs(Number(sample.serverTicks));
    }, samples);
    this.nextClockSyncAt = Date.now() + clockResyncMs;
    this.emit();
  }

  private async watchClock(): Promise<void> {
    if (this.connection?.state !== HubConnectionState.Connected) return;
    if (this.clock.localClockJumped(clockJumpToleranceMs) || Date.now() >= this.nextClockSyncAt) {
      try {
        await this.syncClock();
      } catch {
        // The next check tries again; the countdown keeps the last offset meanwhile.
      }
    }
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The server refused the session (revoked, expired, another conference): retrying cannot help. */
export function isRefused(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /\b(401|403)\b|Unauthorized|Forbidden/i.test(text);
}
