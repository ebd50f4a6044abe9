// The node half of scripts/livekit-smoke.sh: a headless publisher (@livekit/rtc-node) in the demo room, the show
// driven through this service's API, and what LiveKit itself reports read with LiveKit's server SDK.
// Environment: SERVER, ORGANIZER_KEY, SMOKE_EGRESS, LIVEKIT_URL, LIVEKIT_HTTP_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET.
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource, dispose } from '@livekit/rtc-node';
import { EgressClient, RoomServiceClient } from 'livekit-server-sdk';
import { ParticipantInfo_Kind, TrackSource as ProtoTrackSource } from '@livekit/protocol';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run scripts/livekit-smoke.sh)`);
  return value;
};
const server = env('SERVER');
const organizerKey = env('ORGANIZER_KEY');
const withEgress = process.env.SMOKE_EGRESS === '1';
const demoConference = '5d0a1a7e-31de-4c00-9a00-000000000031';
const rooms = new RoomServiceClient(env('LIVEKIT_HTTP_URL'), env('LIVEKIT_API_KEY'), env('LIVEKIT_API_SECRET'));
const egresses = new EgressClient(env('LIVEKIT_HTTP_URL'), env('LIVEKIT_API_KEY'), env('LIVEKIT_API_SECRET'));

const results = [];
const check = (name, passed, detail = '') => {
  results.push({ name, passed });
  console.log(`${passed ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
};

async function api(method, path, body) {
  const response = await fetch(`${server}/api/conferences/${demoConference}${path}`, {
    method,
    headers: { authorization: `Bearer ${organizerKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Polls until `read` returns a value `ok` accepts; returns the last value either way. */
async function until(read, ok, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

const ticket = await api('POST', '/media/join');
console.log(`joining ${ticket.room} at ${ticket.url} as the organizer`);
const room = new Room();
await room.connect(ticket.url, ticket.token, { autoSubscribe: false, dynacast: false });

// A microphone that plays a quiet 440 Hz tone, 10 ms frames, until the server takes it off the air.
const sampleRate = 48000;
const source = new AudioSource(sampleRate, 1);
const track = LocalAudioTrack.createAudioTrack('smoke-microphone', source);
const options = new TrackPublishOptions();
options.source = TrackSource.SOURCE_MICROPHONE;
await room.localParticipant.publishTrack(track, options);
let playing = true;
const tone = (async () => {
  const samples = new Int16Array(sampleRate / 100);
  let t = 0;
  while (playing) {
    for (let i = 0; i < samples.length; i++, t++) samples[i] = Math.round(2000 * Math.sin((2 * Math.PI * 440 * t) / sampleRate));
    try {
      await source.captureFrame(new AudioFrame(samples, sampleRate, 1, samples.length));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
})();

const me = async () => (await rooms.listParticipants(ticket.room)).find((p) => p.identity === 'organizer');
const microphones = (p) => (p?.tracks ?? []).filter((t) => t.source === ProtoTrackSource.MICROPHONE);
const before = await until(me, (p) => microphones(p).length > 0, 15);
check('the publisher is on the air before the show', microphones(before).length > 0, `canPublish=${before?.permission?.canPublish}`);

const state = await api('GET', '/show');
await api('POST', '/show/start', { expectedRevision: state.revision });
console.log('show started: the anthem locks the room');

const revoked = await until(me, (p) => p && p.permission?.canPublish === false && microphones(p).length === 0);
check(
  'revoking publish unpublishes the microphone on the real server',
  revoked?.permission?.canPublish === false && microphones(revoked).length === 0,
  `canPublish=${revoked?.permission?.canPublish}, microphone tracks=${microphones(revoked).length}`,
);

if (withEgress) {
  const active = await until(async () => egresses.listEgress({ roomName: ticket.room, active: true }), (list) => list.length > 0, 60);
  check('the show is being recorded (one egress)', active.length === 1, `active egresses=${active.length}`);
  const recorderOf = async () => (await rooms.listParticipants(ticket.room)).find((p) => p.kind === ParticipantInfo_Kind.EGRESS);
  const recorder = await until(recorderOf, (p) => p !== undefined, 60);
  // Several reconcile passes (2 s apart) must leave it as LiveKit made it.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  const later = await recorderOf();
  check(
    'the recorder stays hidden through several reconcile passes',
    recorder?.permission?.hidden === true && later?.permission?.hidden === true && later?.permission?.recorder === true,
    `hidden=${later?.permission?.hidden}, recorder=${later?.permission?.recorder}`,
  );

  if (active.length > 0) {
    const id = active[0].egressId;
    await egresses.stopEgress(id);
    let secondStop = 'no error';
    try {
      await egresses.stopEgress(id);
    } catch (error) {
      secondStop = error?.code ?? String(error);
    }
    check('stopping an egress that already ended answers failed_precondition', secondStop === 'failed_precondition', secondStop);
  }
}

const current = await api('GET', '/show');
await api('POST', '/show/end', { expectedRevision: current.revision });
const status = await until(() => api('GET', '/media/status'), (s) => s.state === 'inSync', 30);
check('after the show the media status is in sync, not degraded', status.state === 'inSync', `${status.state} ${status.error ?? ''}`);
if (withEgress) {
  const left = await egresses.listEgress({ roomName: ticket.room, active: true });
  check('no recording runs after the show', left.every((e) => e.status >= 2), `active=${left.length}`);
}

playing = false;
await tone;
await room.disconnect();
await dispose();
const failed = results.filter((r) => !r.passed).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
