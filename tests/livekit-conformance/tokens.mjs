// Token conformance: LiveKit's own AccessToken mints and its TokenVerifier verifies.
// Input: { op: "verify", token, apiKey, apiSecret } | { op: "mint", apiKey, apiSecret, identity, name, metadata, attributes, ttl, video }
import { AccessToken, TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { readInput, writeOutput, describe } from './lib/stdio.mjs';

const input = await readInput();
if (input.op === 'verify') {
  try {
    const claims = await new TokenVerifier(input.apiKey, input.apiSecret).verify(input.token);
    writeOutput({ ok: true, claims });
  } catch (error) {
    writeOutput({ ok: false, error: describe(error) });
  }
} else if (input.op === 'mint') {
  const token = new AccessToken(input.apiKey, input.apiSecret, {
    identity: input.identity,
    name: input.name,
    metadata: input.metadata,
    attributes: input.attributes,
    ttl: input.ttl,
  });
  if (input.video) {
    // The SDK's grant type takes TrackSource enum values and writes them as lowercase strings itself.
    const sources = input.video.canPublishSources?.map((name) => TrackSource[name.toUpperCase()]);
    token.addGrant({ ...input.video, canPublishSources: sources });
  }
  writeOutput({ token: await token.toJwt() });
} else {
  throw new Error(`unknown op ${input.op}`);
}
