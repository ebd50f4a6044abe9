// Wire values of time: instants are ISO 8601 strings (DateTimeOffset) and durations are .NET
// TimeSpan strings ("[-][d.]hh:mm:ss[.fffffff]"). Parsers also take what a MessagePack decoder
// may hand over (a Date, or ticks as a number) so the view never depends on the protocol.

const TicksPerMs = 10_000;
/** .NET ticks at the Unix epoch (0001-01-01 to 1970-01-01). */
export const EpochTicks = 621_355_968_000_000_000;

export function instantMs(value: string | Date | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

const durationPattern = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d{1,7}))?$/;

export function durationMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value / TicksPerMs;
  const m = durationPattern.exec(value);
  if (!m) return null;
  const [, sign, days, hours, minutes, seconds, fraction] = m;
  const ms = ((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000
    + Number(seconds) * 1000 + (fraction ? Number(fraction.padEnd(7, '0')) / TicksPerMs : 0);
  return sign ? -ms : ms;
}

export function ticksToMs(ticks: number): number {
  return (ticks - EpochTicks) / TicksPerMs;
}

/** Exact .NET ticks of a Unix ms instant (above 2^53, so a bigint). */
export function msToTicks(ms: number): bigint {
  return BigInt(Math.round(ms)) * BigInt(TicksPerMs) + BigInt(EpochTicks);
}

/** A countdown as the stage shows it: "m:ss" or "h:mm:ss", rounded up while counting down so 0:00 means over. */
export function formatCountdown(ms: number): string {
  const total = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
