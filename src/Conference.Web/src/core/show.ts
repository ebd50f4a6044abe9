// The show's arithmetic and the merging of pushed changes, ported from the .NET domain and SDK
// (Conference.Domain/Show/SegmentClock.cs, ShowTimeline.cs; Conference.Client/ConferenceLiveClient.Sync.cs).
// Pure functions over wire values: no I/O and no clock reads, so they are unit-tested directly.
import type { LiveShowState, SegmentRun, ShowProgram, ShowSegment } from './wire.generated';
import { durationMs, instantMs } from './time';

/** The running segment's deadline seen from serverNow: an ongoing pause keeps pushing it. */
export function deadlineAt(show: LiveShowState, serverNow: number): number | null {
  const startedAt = instantMs(show.segmentStartedAt);
  const planned = durationMs(show.segmentPlannedDuration);
  if (startedAt === null || planned === null) return null;
  return startedAt + planned + (durationMs(show.addedTime) ?? 0) + pausedSoFar(show, serverNow);
}

/** Time left on the running segment; negative once it overruns. */
export function remainingAt(show: LiveShowState, serverNow: number): number | null {
  const deadline = deadlineAt(show, serverNow);
  return deadline === null ? null : deadline - serverNow;
}

/** Completed pauses plus the ongoing one. */
export function pausedSoFar(show: Pick<LiveShowState, 'pausedAt' | 'pausedTotal'>, serverNow: number): number {
  const pausedAt = instantMs(show.pausedAt);
  const ongoing = pausedAt !== null && serverNow > pausedAt ? serverNow - pausedAt : 0;
  return (durationMs(show.pausedTotal) ?? 0) + ongoing;
}

/** Time the running segment has been on air, pauses excluded: the position of its media. */
export function elapsedAt(show: LiveShowState, serverNow: number): number | null {
  const startedAt = instantMs(show.segmentStartedAt);
  return startedAt === null ? null : serverNow - startedAt - pausedSoFar(show, serverNow);
}

export type MergeResult =
  | { kind: 'applied'; show: LiveShowState }
  | { kind: 'stale' }
  | { kind: 'gap' };

/**
 * Applies a pushed change to the held state. A change based on another revision than the one held,
 * one whose earlier runs the client does not have, or one decided against another program revision
 * means something was missed: the caller then takes a fresh snapshot.
 */
export function merge(current: LiveShowState | null, change: LiveShowState, programRevision: number | null): MergeResult {
  if (current !== null && change.revision <= current.revision) return { kind: 'stale' };
  const gap = (current !== null && change.previousRevision !== current.revision)
    || (change.runsFrom > 0 && (current === null || current.runs.length < change.runsFrom))
    || (programRevision !== null && programRevision !== change.programRevision);
  if (gap) return { kind: 'gap' };
  const show = change.runsFrom === 0
    ? change
    : { ...change, runs: [...current!.runs.slice(0, change.runsFrom), ...change.runs], runsFrom: 0 };
  return { kind: 'applied', show };
}

export type Progress = 'upcoming' | 'running' | 'completed' | 'skipped' | 'notReached';

export interface TimelineRow {
  segment: ShowSegment;
  progress: Progress;
  plannedStart: number;
  plannedEnd: number;
  expectedStart: number | null;
  expectedEnd: number | null;
}

export interface Timeline {
  rows: TimelineRow[];
  plannedEnd: number;
  projectedEnd: number;
  /** How late the show is now (positive = behind plan). */
  currentDelay: number;
}

function runOf(show: LiveShowState, segmentId: string): SegmentRun | undefined {
  for (let i = show.runs.length - 1; i >= 0; i--) if (show.runs[i].segmentId === segmentId) return show.runs[i];
  return undefined;
}

function segmentDeadline(show: LiveShowState, program: ShowProgram, now: number): number | null {
  const current = show.currentSegmentId ? program.segments.find(s => s.id === show.currentSegmentId) : undefined;
  const startedAt = instantMs(show.segmentStartedAt);
  if (!current || startedAt === null) return null;
  return startedAt + (durationMs(current.plannedDuration) ?? 0) + (durationMs(show.addedTime) ?? 0) + pausedSoFar(show, now);
}

/**
 * Planned and expected times per segment: overruns push everything after them, a fixed-start segment
 * waits for its instant, skipped segments take no time, the running one ends at max(deadline, now).
 */
export function computeTimeline(show: LiveShowState, program: ShowProgram, now: number): Timeline {
  const plannedEndOf = (s: ShowSegment) => instantMs(s.plannedStart)! + (durationMs(s.plannedDuration) ?? 0);
  const programPlannedEnd = program.segments.length === 0
    ? instantMs(program.scheduledStart)!
    : Math.max(...program.segments.map(plannedEndOf));
  let cursor = show.status === 'notStarted'
    ? Math.max(instantMs(program.scheduledStart)!, now)
    : show.status === 'ended'
      ? instantMs(show.endedAt) ?? now
      : Math.max(segmentDeadline(show, program, now) ?? now, now);
  const currentIndex = show.currentSegmentId ? program.segments.findIndex(s => s.id === show.currentSegmentId) : -1;
  const rows: TimelineRow[] = program.segments.map((segment, i) => {
    const plannedStart = instantMs(segment.plannedStart)!;
    const duration = durationMs(segment.plannedDuration) ?? 0;
    const base = { segment, plannedStart, plannedEnd: plannedStart + duration };
    const run = runOf(show, segment.id);
    if (run) {
      const ended = instantMs(run.endedAt);
      return ended !== null
        ? { ...base, progress: 'completed', expectedStart: instantMs(run.startedAt), expectedEnd: ended }
        : { ...base, progress: 'running', expectedStart: instantMs(run.startedAt), expectedEnd: cursor };
    }
    if (show.skippedSegmentIds.includes(segment.id)) return { ...base, progress: 'skipped', expectedStart: null, expectedEnd: null };
    if (show.status === 'ended' || i <= currentIndex) return { ...base, progress: 'notReached', expectedStart: null, expectedEnd: null };
    const start = Math.max(instantMs(segment.fixedStart) ?? cursor, cursor);
    cursor = start + duration;
    return { ...base, progress: 'upcoming', expectedStart: start, expectedEnd: cursor };
  });
  const projectedEnd = instantMs(show.endedAt) ?? Math.max(cursor, ...rows.map(r => r.expectedEnd ?? cursor));
  let currentDelay: number;
  if (show.status === 'ended') {
    currentDelay = projectedEnd - programPlannedEnd;
  } else {
    const running = rows.find(r => r.progress === 'running');
    const next = rows.find(r => r.progress === 'upcoming');
    currentDelay = running ? running.expectedEnd! - running.plannedEnd
      : next ? next.expectedStart! - next.plannedStart : 0;
  }
  return { rows, plannedEnd: programPlannedEnd, projectedEnd, currentDelay };
}

/** The segment that runs now and the next one that will, as the timeline sees them. */
export function nowAndNext(timeline: Timeline): { now: ShowSegment | null; next: ShowSegment | null } {
  return {
    now: timeline.rows.find(r => r.progress === 'running')?.segment ?? null,
    next: timeline.rows.find(r => r.progress === 'upcoming')?.segment ?? null,
  };
}

/** Amber from a quarter of the segment (at most 2 minutes) before its end, red from a tenth (at most 30 s). */
export function stageLevel(remainingMs: number, plannedMs: number): 'normal' | 'warning' | 'danger' | 'overtime' {
  if (remainingMs < 0) return 'overtime';
  if (remainingMs <= Math.min(30_000, plannedMs * 0.1)) return 'danger';
  if (remainingMs <= Math.min(120_000, plannedMs * 0.25)) return 'warning';
  return 'normal';
}
