import { MessageType } from '@microsoft/signalr';
import { decode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { ConferenceMessagePack, Int64 } from '../src/core/protocol';
import { msToTicks } from '../src/core/time';

/** The frame without its varint length prefix. */
function body(frame: ArrayBuffer): Uint8Array {
  const bytes = new Uint8Array(frame);
  let i = 0;
  while (bytes[i] & 0x80) i++;
  return bytes.subarray(i + 1);
}

describe('MessagePack protocol', () => {
  it('writes .NET ticks as an exact int64, not a float', () => {
    const ticks = msToTicks(Date.parse('2026-12-02T18:03:01.571Z'));
    const frame = new ConferenceMessagePack().writeMessage({
      type: MessageType.Invocation, invocationId: '1', target: 'SyncClock', arguments: [new Int64(ticks)], streamIds: [], headers: {},
    });
    const bytes = body(frame);
    expect((decode(bytes) as unknown[])[3]).toBe('SyncClock');
    const at = bytes.indexOf(0xd3);
    expect(at).toBeGreaterThan(0);
    expect(bytes.includes(0xcb)).toBe(false);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getBigInt64(at + 1)).toBe(ticks);
  });
  it('leaves other invocations as the library writes them', () => {
    const protocol = new ConferenceMessagePack();
    const frame = protocol.writeMessage({ type: MessageType.Invocation, invocationId: '2', target: 'JoinConference', arguments: ['abc'], streamIds: [], headers: {} });
    expect((decode(body(frame)) as unknown[])[4]).toEqual(['abc']);
  });
});
