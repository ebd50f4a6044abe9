// Parses request bodies with @livekit/protocol's generated types, the same code LiveKit's SDK uses,
// and returns the canonical protobuf-JSON so the C# tests compare values, never bytes.
// Input: { items: [{ type, body, strict }] } -> { results: [{ ok, json } | { ok: false, error }] }
import * as protocol from '@livekit/protocol';
import { readInput, writeOutput, describe } from './lib/stdio.mjs';

const input = await readInput();
const results = input.items.map(({ type, body, strict }) => {
  const messageType = protocol[type];
  if (!messageType) return { ok: false, error: `no protocol type ${type}` };
  try {
    const message = messageType.fromJson(JSON.parse(body), { ignoreUnknownFields: !strict });
    return { ok: true, json: message.toJson() };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
});
writeOutput({ results });
