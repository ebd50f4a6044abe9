import { describe, expect, it } from 'vitest';
import { instantOfLocalInput, localInputValue, submissionAddress } from '../src/pages/producer/links';

describe('submission links', () => {
  it('puts the token in the address fragment, which no server sees', () => {
    expect(submissionAddress('q3J-x_9', 'https://conf.example')).toBe('https://conf.example/submit#q3J-x_9');
  });

  it('reads a datetime-local value in the viewer zone and gives the same instant back, to the minute', () => {
    const ms = Date.UTC(2026, 11, 28, 17, 42, 31, 500);
    const local = localInputValue(ms);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(instantOfLocalInput(local)).toBe(new Date(Date.UTC(2026, 11, 28, 17, 42)).toISOString());
  });

  it('gives no instant for an empty or malformed value (an offset or a date alone is not what the input sends)', () => {
    for (const value of ['', '2026-12-28', '2026-12-28T18:00Z', '2026-12-28T18:00+04:00', 'tomorrow', '2026-13-45T99:99']) {
      expect(instantOfLocalInput(value), value).toBeNull();
    }
  });
});
