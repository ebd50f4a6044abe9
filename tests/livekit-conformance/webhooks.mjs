// Webhook conformance: LiveKit's WebhookReceiver checks what C# signs; the JS side signs the way the
// server does (an AccessToken carrying sha256 of the raw body) so C# can check the reverse direction.
// Input: { op: "receive", body, authorization, apiKey, apiSecret } | { op: "sign", body, apiKey, apiSecret } | { op: "event", event }
import { createHash } from 'node:crypto';
import { AccessToken, WebhookReceiver } from 'livekit-server-sdk';
import { WebhookEvent } from '@livekit/protocol';
import { readInput, writeOutput, describe } from './lib/stdio.mjs';

const input = await readInput();
if (input.op === 'receive') {
  try {
    const event = await new WebhookReceiver(input.apiKey, input.apiSecret).receive(input.body, input.authorization);
    writeOutput({ ok: true, event: event.toJson() });
  } catch (error) {
    writeOutput({ ok: false, error: describe(error) });
  }
} else if (input.op === 'sign') {
  const token = new AccessToken(input.apiKey, input.apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(input.body, 'utf8').digest('base64');
  writeOutput({ authorization: await token.toJwt() });
} else if (input.op === 'event') {
  writeOutput({ body: WebhookEvent.fromJson(input.event).toJsonString() });
} else {
  throw new Error(`unknown op ${input.op}`);
}
