import { describe, expect, it } from 'vitest';
import { computeTimeline, elapsedAt, merge, nowAndNext, remainingAt, stageLevel } from '../src/core/show';
import { durationMs, formatCountdown, instantMs, msToTicks, ticksToMs } from '../src/core/time';
import type { LiveShowState, SegmentRun, ShowProgram, ShowSegment } from '../src/core/wire.generated';

const t0 = Date.parse('2026-11-23T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function state(fields: Partial<LiveShowState>): LiveShowState {
  return {
    conferenceId: 'c', revision: 1, previousRevision: 0, status: 'running', startedAt: iso(t0), endedAt: null,
    currentSegmentId: 'a', currentSegmentTitle: 'A', segmentStartedAt: iso(t0), segmentPlannedDuration: '00:05:00',
    pausedAt: null, pausedTotal: '00:00:00', addedTime: '00:00:00', cueIndex: 0, autoAdvanceAt: null,
    runs: [], runsFrom: 0, skippedSegmentIds: [], programRevision: 1, serverTime: iso(t0), ...fields,
  };
}

function run(segmentId: string, start: number, end: number | null): SegmentRun {
  return { segmentId, startedAt: iso(start), endedAt: end === null ? null : iso(end), endReason: end === null ? null : 'host', addedTime: '00:00:00', pausedTotal: '00:00:00', duration: null };
}

function segment(id: string, start: number, minutes: number, fixedStart: number | null = null): ShowSegment {
  return {
    id, kind: 'speech', title: id.toUpperCase(), plannedDuration: `00:${String(minutes).padStart(2, '0')}:00`, fixedStart: fixedStart === null ? null : iso(fixedStart),
    endMode: 'manual', audienceMuted: false, mediaDuration: null, plannedStart: iso(start), plannedEnd: iso(start + minutes * 60_000),
  };
}

describe('time values', () => {
  it('parses .NET TimeSpan strings, negative and with days and fractions', () => {
    expect(durationMs('00:05:00')).toBe(300_000);
    expect(durationMs('-00:00:05.5000000')).toBe(-5_500);
    expect(durationMs('1.02:03:04.25')).toBe(((26 * 60 + 3) * 60 + 4) * 1000 + 250);
    expect(durationMs(null)).toBeNull();
  });
  it('round-trips .NET ticks', () => {
    expect(msToTicks(t0)).toBe(639_310_212_000_000_000n);
    expect(ticksToMs(Number(msToTicks(t0)))).toBe(t0);
  });
  it('formats countdowns rounding up, and overtime rounding down', () => {
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-61_500)).toBe('1:01');
    expect(formatCountdown(3_600_000 + 5_000)).toBe('1:00:05');
  });
});

describe('segment clock', () => {
  it('computes remaining = startedAt + planned + added + pausedTotal − now', () => {
    const show = state({ addedTime: '00:01:00', pausedTotal: '00:00:30' });
    expect(remainingAt(show, t0 + 60_000)).toBe(5 * 60_000 + 60_000 + 30_000 - 60_000);
  });
  it('freezes the countdown while paused', () => {
    const show = state({ status: 'paused', pausedAt: iso(t0 + 60_000) });
    expect(remainingAt(show, t0 + 60_000)).toBe(240_000);
    expect(remainingAt(show, t0 + 120_000)).toBe(240_000);
    expect(elapsedAt(show, t0 + 120_000)).toBe(60_000);
  });
  it('goes negative in overtime', () => {
    expect(remainingAt(state({}), t0 + 6 * 60_000)).toBe(-60_000);
  });
  it('colours the stage amber then red, then overtime', () => {
    expect(stageLevel(200_000, 600_000)).toBe('normal');
    expect(stageLevel(100_000, 600_000)).toBe('warning');
    expect(stageLevel(20_000, 600_000)).toBe('danger');
    expect(stageLevel(-1, 600_000)).toBe('overtime');
  });
});

describe('merging pushed changes', () => {
  const held = state({ revision: 3, runs: [run('a', t0, t0 + 1000), run('b', t0 + 1000, null)] });

  it('appends the runs a change carries to the ones held', () => {
    const change = state({ revision: 5, previousRevision: 3, runsFrom: 1, runs: [run('b', t0 + 1000, t0 + 2000), run('c', t0 + 2000, null)] });
    const result = merge(held, change, 1);
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.show.runs.map(r => r.segmentId)).toEqual(['a', 'b', 'c']);
    expect(result.show.runsFrom).toBe(0);
  });
  it('ignores a change it already has', () => {
    expect(merge(held, state({ revision: 3, previousRevision: 2 }), 1).kind).toBe('stale');
  });
  it('asks for a snapshot on a revision gap', () => {
    expect(merge(held, state({ revision: 6, previousRevision: 5 }), 1).kind).toBe('gap');
  });
  it('asks for a snapshot when it lacks the earlier runs', () => {
    expect(merge(null, state({ revision: 6, previousRevision: 5, runsFrom: 2 }), 1).kind).toBe('gap');
  });
  it('asks for a snapshot when the program changed', () => {
    expect(merge(held, state({ revision: 4, previousRevision: 3, programRevision: 2 }), 1).kind).toBe('gap');
  });
});

describe('timeline', () => {
  const program: ShowProgram = {
    conferenceId: 'c', programRevision: 1, scheduledStart: iso(t0), plannedEnd: iso(t0 + 30 * 60_000),
    segments: [segment('a', t0, 10), segment('b', t0 + 10 * 60_000, 10), segment('c', t0 + 20 * 60_000, 10, t0 + 25 * 60_000)],
  };

  it('pushes later segments by an overrun and says how far behind the show is', () => {
    const show = state({ currentSegmentId: 'a', segmentPlannedDuration: '00:10:00', runs: [run('a', t0, null)] });
    const now = t0 + 12 * 60_000;
    const timeline = computeTimeline(show, program, now);
    expect(timeline.rows.map(r => r.progress)).toEqual(['running', 'upcoming', 'upcoming']);
    expect(timeline.rows[1].expectedStart).toBe(now);
    expect(timeline.currentDelay).toBe(2 * 60_000);
    expect(nowAndNext(timeline).next?.id).toBe('b');
  });
  it('makes a fixed-start segment wait for its instant', () => {
    const show = state({ currentSegmentId: 'a', segmentPlannedDuration: '00:10:00', runs: [run('a', t0, null)] });
    const timeline = computeTimeline(show, program, t0);
    expect(timeline.rows[2].expectedStart).toBe(t0 + 25 * 60_000);
  });
  it('projects from the scheduled start before the show', () => {
    const show = state({ status: 'notStarted', currentSegmentId: null, segmentStartedAt: null, segmentPlannedDuration: null });
    const timeline = computeTimeline(show, program, t0 - 60_000);
    expect(timeline.rows[0].expectedStart).toBe(t0);
    expect(instantMs(program.scheduledStart)).toBe(t0);
  });
});
