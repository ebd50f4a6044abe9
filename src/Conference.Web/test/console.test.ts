import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../src/core/i18n';
import { reorder } from '../src/core/reorder';

const folder = join(import.meta.dirname, '../src/i18n/console');
const catalogs = Object.fromEntries(readdirSync(folder).filter(f => f.endsWith('.json'))
  .map(f => [f.replace('.json', ''), JSON.parse(readFileSync(join(folder, f), 'utf8')) as Record<string, string>]));

describe('console translations', () => {
  it('has one file per supported language', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languages].sort());
  });
  for (const language of languages) {
    it(`${language} has exactly the English keys, none empty, same placeholders`, () => {
      expect(Object.keys(catalogs[language]).sort()).toEqual(Object.keys(catalogs.en).sort());
      for (const [key, text] of Object.entries(catalogs[language])) {
        expect(text.trim(), key).not.toBe('');
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), key).toEqual(placeholders(catalogs.en[key]));
      }
    });
  }
  it('every literal key the consoles use exists', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/\bct\('([a-zA-Z.]+)'/g)) used.add(m[1]);
      }
    };
    walk(join(import.meta.dirname, '../src'));
    expect(used.size).toBeGreaterThan(100);
    for (const key of used) expect(catalogs.en, key).toHaveProperty([key]);
  });
  it('is not part of the participant pages\' catalog', () => {
    const participant = JSON.parse(readFileSync(join(import.meta.dirname, '../src/i18n/en.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(participant).filter(k => k in catalogs.en)).toEqual([]);
  });
});

describe('contributor page translations', () => {
  const own = join(import.meta.dirname, '../src/i18n/submit');
  const submit = Object.fromEntries(readdirSync(own).filter(f => f.endsWith('.json'))
    .map(f => [f.replace('.json', ''), JSON.parse(readFileSync(join(own, f), 'utf8')) as Record<string, string>]));
  for (const language of languages) {
    it(`${language} has exactly the English keys, none empty, same placeholders`, () => {
      expect(Object.keys(submit[language]).sort()).toEqual(Object.keys(submit.en).sort());
      for (const [key, text] of Object.entries(submit[language])) {
        expect(text.trim(), key).not.toBe('');
        expect((text.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((submit.en[key].match(/\{\w+\}/g) ?? []).sort());
      }
    });
  }
});

describe('reorder', () => {
  it('moves an item down, up and to the ends, keeping the others in order', () => {
    expect(reorder(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorder(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorder(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(reorder(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });
});
