import { describe, expect, it } from 'vitest';
import { buildSource, type ResolvedTurn } from './build-source.js';
import { sameSource, type SourceContent } from './same-source.js';

const turn = (speaker: string, participant: string | null, text: string): ResolvedTurn => ({ speaker, role: 'participant', participant, text, startMs: null, endMs: null });

function content(turns: ResolvedTurn[], overrides: Partial<SourceContent['info']> = {}): SourceContent {
  const built = buildSource(turns);
  const info = { name: 'w01', type: 'interview' as const, file: 'interviews/w01.txt', sha256: 'a', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: { a: '1', b: '2' }, ...overrides };
  return { info, text: built.text, turns: built.turns };
}

describe('sameSource', () => {
  const stored = content([turn('Sumiati', 'Sumiati', 'Baik. Sudah lama.')]);

  it('holds for the same reading, whatever the order of attributes', () => {
    expect(sameSource(stored, content([turn('Sumiati', 'Sumiati', 'Baik. Sudah lama.')], { attributes: { b: '2', a: '1' } }))).toBe(true);
  });

  it.each([
    ['the text', content([turn('Sumiati', 'Sumiati', 'Baik. Sudah tiga tahun.')])],
    ['a participant', content([turn('Sumiati', null, 'Baik. Sudah lama.')])],
    ['a speaker', content([turn('Ani', 'Sumiati', 'Baik. Sudah lama.')])],
    ['the type', content([turn('Sumiati', 'Sumiati', 'Baik. Sudah lama.')], { type: 'fgd' })],
    ['the name', content([turn('Sumiati', 'Sumiati', 'Baik. Sudah lama.')], { name: 'w01-sumiati' })],
    ['an attribute', content([turn('Sumiati', 'Sumiati', 'Baik. Sudah lama.')], { attributes: { a: '1' } })],
  ])('fails when %s differs', (_what, next) => {
    expect(sameSource(stored, next)).toBe(false);
  });
});
