// Makes the differential call sequence with LiveKit's own clients against a capture server; the C#
// test makes the same sequence with its client and compares what the server saw.
// Input: { url, apiKey, apiSecret } -> { calls: n, errors: [...] }
import { EgressClient, EncodedFileOutput, EncodedFileType, IngressClient, IngressInput, RoomServiceClient, DataPacket_Kind, TrackSource } from 'livekit-server-sdk';
import { readInput, writeOutput, describe } from './lib/stdio.mjs';

const { url, apiKey, apiSecret } = await readInput();
const rooms = new RoomServiceClient(url, apiKey, apiSecret);
const ingress = new IngressClient(url, apiKey, apiSecret);
const egress = new EgressClient(url, apiKey, apiSecret);

const calls = [
  () => rooms.createRoom({ name: 'conf-1', emptyTimeout: 300, maxParticipants: 50, metadata: '{"t":1}', departureTimeout: 20 }),
  () => rooms.listRooms(['conf-1', 'conf-2']),
  () => rooms.listRooms(),
  () => rooms.deleteRoom('conf-1'),
  () => rooms.listParticipants('conf-1'),
  () => rooms.getParticipant('conf-1', 'alice'),
  () => rooms.removeParticipant('conf-1', 'alice'),
  () => rooms.mutePublishedTrack('conf-1', 'alice', 'TR_1', true),
  () => rooms.updateParticipant('conf-1', 'alice', {
    metadata: '{"hand":true}',
    permission: { canSubscribe: true, canPublish: false, canPublishData: true, canPublishSources: [TrackSource.MICROPHONE], hidden: false, canUpdateMetadata: false },
    name: 'Alice B',
    attributes: { hand: 'up' },
  }),
  () => rooms.updateRoomMetadata('conf-1', '{"phase":"live"}'),
  () => rooms.sendData('conf-1', new TextEncoder().encode('hello'), DataPacket_Kind.RELIABLE, { destinationIdentities: ['alice'], topic: 'chat' }),
  () => rooms.sendData('conf-1', new Uint8Array([1, 2, 3]), DataPacket_Kind.LOSSY, { topic: 'cursor' }),
  () => ingress.createIngress(IngressInput.URL_INPUT, { name: 'promo', roomName: 'conf-1', participantIdentity: 'video-bot', participantName: 'Promo Video', url: 'https://example.com/v.mp4' }),
  () => ingress.listIngress({ roomName: 'conf-1' }),
  () => ingress.deleteIngress('IN_1'),
  () => egress.startRoomCompositeEgress('conf-1', { file: new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: 'rec/conf-1.mp4' }) }, { layout: 'speaker' }),
  () => egress.stopEgress('EG_1'),
];

const errors = [];
for (const call of calls) {
  try {
    await call();
  } catch (error) {
    errors.push(describe(error));
  }
}
writeOutput({ calls: calls.length, errors });
