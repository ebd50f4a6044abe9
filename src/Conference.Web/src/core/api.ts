// REST calls to the same origin. Errors are RFC 9457 problem details; the views show their detail.
import type { SessionDto } from './wire.generated';

export type JoinRefusal = 'join.failed' | 'join.offline' | 'join.tooMany' | 'join.expired' | 'join.revoked' | 'join.unknown';

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** What a call needs of a session: its bearer token (a participant's session or the organizer's). */
export type Credential = Pick<SessionDto, 'token'>;

export async function api<T>(path: string, init: { method?: string; body?: unknown; session?: Credential | null; text?: string; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.text !== undefined) headers['Content-Type'] = init.contentType ?? 'text/plain';
  if (init.session) headers.Authorization = `Bearer ${init.session.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.text ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = { ...(await response.json()), status: response.status };
    } catch {
      // Not problem+json (a proxy's page): the status alone has to do.
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() as T : await response.text() as T;
}

/** Which of the server's refusals this is: the problem's detail names it (expired, revoked, unknown). */
export function joinRefusal(error: unknown): JoinRefusal {
  if (!(error instanceof ApiError)) return 'join.failed';
  const { status, detail = '' } = error.problem;
  if (status === 0) return 'join.offline';
  if (status === 429) return 'join.tooMany';
  if (/expired/i.test(detail)) return 'join.expired';
  if (/revoked/i.test(detail)) return 'join.revoked';
  if (status === 401 || status === 400 || status === 404) return 'join.unknown';
  return 'join.failed';
}
