import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, languages } from '../src/core/i18n';
import { joinRefusal, ApiError } from '../src/core/api';

const folder = join(import.meta.dirname, '../src/i18n');
const catalogs = Object.fromEntries(readdirSync(folder).filter(f => f.endsWith('.json'))
  .map(f => [f.replace('.json', ''), JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, string>]));

describe('translations', () => {
  it('has one file per supported language', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languages].sort());
  });
  for (const language of languages) {
    it(`${language} has exactly the English keys, none empty, same placeholders`, () => {
      const english = catalogs.en;
      expect(Object.keys(catalogs[language]).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalogs[language])) {
        expect(text.trim(), key).not.toBe('');
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), key).toEqual(placeholders(english[key]));
      }
    });
  }
  it('every key the code uses exists', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/'((?:page|language|join|event|program|register|live|media|stage)\.[a-zA-Z]+)'/g)) used.add(m[1]);
        }
      }
    };
    walk(join(import.meta.dirname, '../src'));
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(catalogs.en, key).toHaveProperty([key]);
  });
  it('picks the stored language, then the browser\'s, then English', () => {
    expect(chooseLanguage('ru', ['az-AZ'])).toBe('ru');
    expect(chooseLanguage(null, ['fr-FR', 'tr-TR'])).toBe('tr');
    expect(chooseLanguage('xx', ['fr'])).toBe('en');
  });
});

describe('join refusals', () => {
  it('tells expired, revoked and unknown links apart from the problem details', () => {
    expect(joinRefusal(new ApiError({ status: 401, detail: 'This join link has expired. Ask the organizer for a new one.' }))).toBe('join.expired');
    expect(joinRefusal(new ApiError({ status: 401, detail: 'This join link was revoked. Ask the organizer for a new one.' }))).toBe('join.revoked');
    expect(joinRefusal(new ApiError({ status: 401, detail: 'This join link is not valid.' }))).toBe('join.unknown');
    expect(joinRefusal(new ApiError({ status: 0 }))).toBe('join.offline');
    expect(joinRefusal(new ApiError({ status: 429 }))).toBe('join.tooMany');
  });
});
