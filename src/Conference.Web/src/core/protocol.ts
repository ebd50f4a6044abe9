// MessagePack for the hub, speaking the JSON dialect (docs/live-protocol.md). One gap in the JS
// encoder: a JavaScript number above 2^53 is written as float64, but SyncClock's argument is .NET
// ticks (~6.4e17) and the server binds it to a long. The ticks are therefore written as a true int64:
// float64 (0xcb + 8 bytes) and int64 (0xd3 + 8 bytes) have the same size, so the frame's length prefix
// stays right and only those nine bytes change.
import { MessageType, type HubMessage, type IHubProtocol, type ILogger, type InvocationMessage, type TransferFormat } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';

/** A number that must reach the server as a 64-bit integer. */
export class Int64 {
  constructor(readonly value: bigint) {}
}

export function int64Frame(frame: Uint8Array, placeholder: number, value: bigint): Uint8Array {
  const float = new Uint8Array(9);
  float[0] = 0xcb;
  new DataView(float.buffer).setFloat64(1, placeholder);
  for (let i = 0; i + 9 <= frame.length; i++) {
    if (float.every((b, j) => frame[i + j] === b)) {
      const patched = frame.slice();
      patched[i] = 0xd3;
      new DataView(patched.buffer, patched.byteOffset).setBigInt64(i + 1, value);
      return patched;
    }
  }
  throw new Error('int64 argument not found in the frame');
}

export class ConferenceMessagePack implements IHubProtocol {
  private readonly inner = new MessagePackHubProtocol();
  readonly name = this.inner.name;
  readonly version = this.inner.version;
  readonly transferFormat: TransferFormat = this.inner.transferFormat;

  parseMessages(input: ArrayBuffer, logger: ILogger): HubMessage[] {
    return this.inner.parseMessages(input, logger);
  }

  writeMessage(message: HubMessage): ArrayBuffer {
    if (message.type !== MessageType.Invocation || !(message as InvocationMessage).arguments.some(a => a instanceof Int64)) {
      return this.inner.writeMessage(message);
    }
    const invocation = message as InvocationMessage;
    const wide = invocation.arguments.filter((a): a is Int64 => a instanceof Int64);
    // Placeholders are floats no other field holds; each is then rewritten as its exact int64.
    const placeholders = wide.map((_, i) => 2 ** 60 + i * 2 ** 10);
    let k = 0;
    const args = invocation.arguments.map(a => (a instanceof Int64 ? placeholders[k++] : a));
    let frame: Uint8Array = new Uint8Array(this.inner.writeMessage({ ...invocation, arguments: args }));
    wide.forEach((w, i) => { frame = int64Frame(frame, placeholders[i], w.value); });
    return frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer;
  }
}
