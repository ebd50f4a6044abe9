// The resumable upload protocol of docs/appeals.md, for a producer's upload and a contributor's alike: start with
// the details and the size, send the file in chunks at the offset the server reports; when the network drops,
// wait (backoff, or the browser's `online` event), ask the server where the upload stands and go on from there.
// A refusal (a 4xx other than an offset conflict) ends it with the server's problem as an ApiError.
import { ApiError } from './api';
import type { AppealUploadDto } from './wire.generated';

export interface UploadTarget {
  /** Where an upload starts (POST) and, followed by its id, lives (PATCH, GET). */
  base: string;
  /** The caller's credential: a session's Authorization header, or a submission link's X-Submission-Token. */
  headers: Record<string, string>;
  /** Bytes per chunk (8 MB unless a test asks for less). */
  chunkBytes: number;
  /** Bytes the server holds so far, and whether the connection is lost and the upload waits to resume. */
  onProgress(sent: number, size: number): void;
  onResuming(lost: boolean): void;
}

const defaultChunkBytes = 8 * 1024 * 1024;

/** 8 MB, or what a test sets on the form (data-chunk-bytes) to see several chunks with a small video. */
export function chunkBytesOf(form: HTMLElement): number {
  const configured = Number(form.dataset.chunkBytes);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultChunkBytes;
}

type Answer = { status: number; body: unknown };

/** Uploads the file; resolves with the body of the answer to the last chunk (the appeal the upload became). */
export async function uploadResumably<T>(target: UploadTarget, details: Record<string, unknown>, file: File): Promise<T> {
  const started = await retrying(target, () => request(target, 'POST', target.base, { 'Content-Type': 'application/json' }, JSON.stringify(details)));
  const uploadUrl = `${target.base}/${(started as AppealUploadDto).uploadId}`;
  let offset = (started as AppealUploadDto).offset;
  let failures = 0;
  target.onProgress(offset, file.size);
  for (;;) {
    const chunk = file.slice(offset, Math.min(file.size, offset + target.chunkBytes));
    const sentFrom = offset;
    const answer = await request(target, 'PATCH', uploadUrl, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }, chunk,
      loaded => target.onProgress(sentFrom + loaded, file.size));
    if (answer.status === 201) return answer.body as T;
    if (answer.status === 200) {
      offset = (answer.body as AppealUploadDto).offset;
      failures = 0;
      target.onResuming(false);
      target.onProgress(offset, file.size);
      continue;
    }
    if (answer.status === 409 && typeof (answer.body as { offset?: unknown })?.offset === 'number') {
      // The server stands elsewhere (a cut chunk kept part of its bytes, or it is still finishing one): go on from
      // there after a short pause; no growing backoff, the network is fine.
      offset = (answer.body as { offset: number }).offset;
      await pause(1);
      continue;
    }
    if (answer.status === 0 || answer.status >= 500) {
      target.onResuming(true);
      await pause(++failures);
      const state = await retrying(target, () => request(target, 'GET', uploadUrl, {}, null));
      offset = (state as AppealUploadDto).offset;
      target.onProgress(offset, file.size);
      continue;
    }
    throw new ApiError({ ...(answer.body as object ?? {}), status: answer.status });
  }
}

/** A request that only fails for good on an answer from the server; a lost connection is tried again after a pause. */
async function retrying(target: UploadTarget, send: () => Promise<Answer>): Promise<unknown> {
  for (let failures = 0; ; ) {
    const answer = await send();
    if (answer.status >= 200 && answer.status < 300) {
      target.onResuming(false);
      return answer.body;
    }
    if (answer.status !== 0 && answer.status < 500) throw new ApiError({ ...(answer.body as object ?? {}), status: answer.status });
    target.onResuming(true);
    await pause(++failures);
  }
}

/** Backoff (1 s doubling up to 15 s), cut short when the browser says it is back online. */
function pause(failures: number): Promise<void> {
  const delay = Math.min(15_000, 500 * 2 ** Math.min(failures, 5));
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    window.addEventListener('online', done);
  });
}

/** One XHR (fetch has no upload progress): the status (0 when the network failed) and the JSON body, never a throw. */
function request(target: UploadTarget, method: string, url: string, headers: Record<string, string>, body: Blob | string | null,
  onProgress?: (loaded: number) => void): Promise<Answer> {
  return new Promise(resolve => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries({ ...target.headers, ...headers })) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.onprogress = event => onProgress(event.loaded);
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ status: 0, body: null });
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's page): the status alone has to do.
      }
      resolve({ status: xhr.status, body: parsed });
    };
    xhr.send(body);
  });
}
