// NTP-style estimate of the server's clock, ported from the .NET SDK (Conference.Client/ClockSync.cs).
// Each sample is (local send, server time, local receive); the server is assumed to have read its
// clock halfway through the round trip, so the sample with the smallest round trip has the smallest
// possible error. Round trips use the monotonic clock, so a wall-clock jump during a sample does not
// distort it.

export interface LocalClock {
  /** Wall clock, ms since the Unix epoch. */
  wall(): number;
  /** Monotonic clock, ms. */
  monotonic(): number;
}

export const browserClock: LocalClock = {
  wall: () => Date.now(),
  monotonic: () => performance.now(),
};

/** Asks the server for its clock; resolves to the server's UTC time in ms since the epoch. */
export type AskServer = (sentWallMs: number) => Promise<number>;

export class ClockSync {
  /** Server clock minus local clock, ms, from the best sample of the last sync. */
  offset = 0;
  /** Round trip of that sample: the offset is within half of it. */
  roundTrip = Number.POSITIVE_INFINITY;
  syncedAt: number | null = null;
  private lastCheckMonotonic: number;
  private lastCheckWall: number;

  constructor(private readonly local: LocalClock = browserClock) {
    this.lastCheckMonotonic = local.monotonic();
    this.lastCheckWall = local.wall();
  }

  /** The server's clock now, as best known (ms since the epoch). */
  serverNow(): number {
    return this.local.wall() + this.offset;
  }

  async sync(ask: AskServer, samples: number): Promise<void> {
    let best: { offset: number; roundTrip: number } | null = null;
    for (let i = 0; i < Math.max(1, samples); i++) {
      const sentAt = this.local.monotonic();
      const sentWall = this.local.wall();
      const server = await ask(sentWall);
      const roundTrip = this.local.monotonic() - sentAt;
      const offset = server - (sentWall + roundTrip / 2);
      if (best === null || roundTrip < best.roundTrip) best = { offset, roundTrip };
    }
    this.offset = best!.offset;
    this.roundTrip = best!.roundTrip;
    this.syncedAt = this.local.wall();
    this.markChecked();
  }

  /**
   * True when the wall clock moved differently from the monotonic clock since the last check by
   * more than the tolerance: someone set the clock, NTP stepped it, or the machine slept.
   */
  localClockJumped(toleranceMs: number): boolean {
    const expected = this.lastCheckWall + (this.local.monotonic() - this.lastCheckMonotonic);
    const drift = this.local.wall() - expected;
    this.markChecked();
    return Math.abs(drift) > toleranceMs;
  }

  private markChecked(): void {
    this.lastCheckMonotonic = this.local.monotonic();
    this.lastCheckWall = this.local.wall();
  }
}
