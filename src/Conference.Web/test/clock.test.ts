import { describe, expect, it } from 'vitest';
import { ClockSync, type LocalClock } from '../src/core/clock';

class FakeClock implements LocalClock {
  wallMs = 1_700_000_000_000;
  monoMs = 5_000;
  wall() { return this.wallMs; }
  monotonic() { return this.monoMs; }
  advance(ms: number) { this.wallMs += ms; this.monoMs += ms; }
}

describe('ClockSync', () => {
  it('takes the offset from the sample with the smallest round trip', async () => {
    const local = new FakeClock();
    const sync = new ClockSync(local);
    const serverAhead = 2_000;
    const trips = [[300, 50], [20, 20], [100, 10]]; // [to server, back] per sample, ms
    let i = 0;
    await sync.sync(async () => {
      const [there, back] = trips[i++];
      local.advance(there);
      const server = local.wall() + serverAhead;
      local.advance(back);
      return server;
    }, 3);
    expect(sync.roundTrip).toBe(40);
    expect(sync.offset).toBe(serverAhead); // symmetric trip: exact
    expect(sync.serverNow()).toBe(local.wall() + serverAhead);
  });

  it('keeps a sample within half its round trip when the trip is asymmetric', async () => {
    const local = new FakeClock();
    const sync = new ClockSync(local);
    await sync.sync(async () => {
      local.advance(80);
      const server = local.wall() - 500;
      local.advance(20);
      return server;
    }, 1);
    expect(Math.abs(sync.offset - -500)).toBeLessThanOrEqual(sync.roundTrip / 2);
  });

  it('notices a wall-clock jump that the monotonic clock did not make', () => {
    const local = new FakeClock();
    const sync = new ClockSync(local);
    local.advance(2_000);
    expect(sync.localClockJumped(500)).toBe(false);
    local.wallMs += 60_000; // the laptop slept, or someone set the clock
    local.monoMs += 2_000;
    expect(sync.localClockJumped(500)).toBe(true);
    local.advance(2_000);
    expect(sync.localClockJumped(500)).toBe(false);
  });
});
