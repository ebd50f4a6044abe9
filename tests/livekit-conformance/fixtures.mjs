// Response fixtures written by @livekit/protocol itself, the way the LiveKit server writes responses:
// proto field names (snake_case) and every field present, zero values included. The C# tests ask for them at test
// time (nothing generated is committed), so they always come from the pinned package version.
// Input: {} -> { <name>: <protobuf-JSON of one response> }
import * as protocol from '@livekit/protocol';
import { readInput, writeOutput } from './lib/stdio.mjs';

await readInput();

const serverStyle = { useProtoFieldName: true, emitDefaultValues: true };
const json = (message) => message.toJson(serverStyle);
const {
  ParticipantInfo, ParticipantInfo_State, ParticipantInfo_Kind, ParticipantPermission, TrackInfo, TrackType, TrackSource,
  ListParticipantsResponse, MuteRoomTrackResponse, EgressInfo, EgressStatus, ListEgressResponse, IngressInfo, IngressState,
  IngressState_Status, IngressInput, ListIngressResponse, Room,
} = protocol;

const person = new ParticipantInfo({
  sid: 'PA_person', identity: '5b0c6a1e-7f7e-4c55-9d43-2f4f0e8a9b10', name: 'Leyla', state: ParticipantInfo_State.ACTIVE,
  kind: ParticipantInfo_Kind.STANDARD, joinedAt: 1700000000n, isPublisher: true, attributes: { hand: 'up' },
  permission: new ParticipantPermission({
    canSubscribe: true, canPublish: true, canPublishData: true, canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
    canUpdateMetadata: true, canSubscribeMetrics: true, canManageAgentSession: true,
  }),
  tracks: [new TrackInfo({ sid: 'TR_mic', type: TrackType.AUDIO, source: TrackSource.MICROPHONE, muted: false, mimeType: 'audio/opus' })],
});
const recorder = new ParticipantInfo({
  sid: 'PA_recorder', identity: 'EG_room', state: ParticipantInfo_State.ACTIVE, kind: ParticipantInfo_Kind.EGRESS,
  permission: new ParticipantPermission({ canSubscribe: true, hidden: true, recorder: true }),
});
const agent = new ParticipantInfo({
  sid: 'PA_agent', identity: 'agent-1', state: ParticipantInfo_State.ACTIVE, kind: ParticipantInfo_Kind.AGENT,
  permission: new ParticipantPermission({ canSubscribe: true, canPublish: true, agent: true }),
});
const playout = new ParticipantInfo({
  sid: 'PA_playout', identity: 'playout', state: ParticipantInfo_State.ACTIVE, kind: ParticipantInfo_Kind.INGRESS, isPublisher: true,
  permission: new ParticipantPermission({ canPublish: true }),
  tracks: [new TrackInfo({ sid: 'TR_anthem', type: TrackType.AUDIO, source: TrackSource.MICROPHONE })],
});

writeOutput({
  listParticipants: json(new ListParticipantsResponse({ participants: [person, recorder, agent, playout] })),
  muteGoneTrack: json(new MuteRoomTrackResponse({})),
  muteTrack: json(new MuteRoomTrackResponse({ track: new TrackInfo({ sid: 'TR_mic', type: TrackType.AUDIO, source: TrackSource.MICROPHONE, muted: true }) })),
  listEgress: json(new ListEgressResponse({
    items: [
      new EgressInfo({ egressId: 'EG_active', roomName: 'conference-1', status: EgressStatus.EGRESS_ACTIVE, startedAt: 1700000000000000000n }),
      new EgressInfo({ egressId: 'EG_failed', roomName: 'conference-1', status: EgressStatus.EGRESS_FAILED, error: 'disk full', endedAt: 1700000060000000000n }),
    ],
  })),
  listIngress: json(new ListIngressResponse({
    items: [
      new IngressInfo({
        ingressId: 'IN_anthem', name: 'segment-00000000000000000000000000000001', roomName: 'conference-1', participantIdentity: 'playout',
        inputType: IngressInput.URL_INPUT, url: 'https://media.example.org/anthem.mp4',
        state: new IngressState({ status: IngressState_Status.ENDPOINT_PUBLISHING, startedAt: 1700000000000000000n }),
      }),
      new IngressInfo({
        ingressId: 'IN_broken', name: 'segment-00000000000000000000000000000002', roomName: 'conference-1', participantIdentity: 'playout',
        inputType: IngressInput.URL_INPUT, state: new IngressState({ status: IngressState_Status.ENDPOINT_ERROR, error: 'source unreachable' }),
      }),
    ],
  })),
  room: json(new Room({ sid: 'RM_1', name: 'conference-1', emptyTimeout: 600, departureTimeout: 30, creationTime: 1700000000n, activeRecording: true })),
});
