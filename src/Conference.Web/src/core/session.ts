// The participant's session, kept in localStorage per conference so a reload stays signed in.
import type { SessionDto } from './wire.generated';
import { instantMs } from './time';

const key = (conferenceId: string) => `conference.session.${conferenceId}`;

export function saveSession(session: SessionDto): void {
  localStorage.setItem(key(session.conferenceId), JSON.stringify(session));
}

/** The kept session of this conference, unless it has expired. */
export function loadSession(conferenceId: string, now = Date.now()): SessionDto | null {
  const raw = localStorage.getItem(key(conferenceId));
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as SessionDto;
    if ((instantMs(session.expiresAt) ?? 0) <= now) {
      forgetSession(conferenceId);
      return null;
    }
    return session;
  } catch {
    forgetSession(conferenceId);
    return null;
  }
}

export function forgetSession(conferenceId: string): void {
  localStorage.removeItem(key(conferenceId));
}
