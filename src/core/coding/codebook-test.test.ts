import { describe, expect, it } from 'vitest';
import type { Codebook, CodeDef, CodePatterns } from '../codebook/types.js';
import { compileCoder } from './auto-coder.js';
import { runCodebookTests } from './codebook-test.js';
import { createStemmers } from './stemmers.js';

const noPatterns: CodePatterns = { any: {}, all: [], near: [], not: [], regex: [], fireWhenNegated: false };

function codeDef(id: string, parent: string | null, idTerms: string[], examples: string[] = [], counterexamples: string[] = []): CodeDef {
  return {
    id,
    parent,
    label: {},
    definition: 'd',
    whenToUse: null,
    whenNotToUse: null,
    examples,
    counterexamples,
    patterns: { ...noPatterns, any: idTerms.length > 0 ? { id: idTerms.map((text) => ({ text, kind: 'stem' as const })) } : {} },
    required: false,
    contrasts: [],
  };
}

function codebookOf(codes: CodeDef[]): Codebook {
  return {
    name: 'test',
    version: '1',
    languages: ['id', 'en'],
    authors: [],
    description: null,
    negation: { words: { id: ['tidak', 'belum'], en: ['not'] }, window: 3 },
    codes,
  };
}

const stemmers = createStemmers();
const run = (codes: CodeDef[]) => {
  const codebook = codebookOf(codes);
  return runCodebookTests(codebook, compileCoder(codebook, stemmers));
};

describe('runCodebookTests', () => {
  it('reports nothing when every example fires and no counterexample does', () => {
    expect(run([codeDef('role/educator', null, ['jelas'], ['Saya jelaskan pakai gambar.'], ['Dia tidak pernah menjelaskan apa-apa.'])])).toEqual([]);
  });

  it('reports an example that does not fire and a counterexample that does, with what fired', () => {
    const misses = run([
      codeDef('role/educator', null, ['jelas'], ['Saya kasih tahu pakai gambar.'], ['Penjelasan petugas bikin bingung.']),
      codeDef('barrier/cost', null, ['mahal'], ['Iurannya mahal, Bu.']),
    ]);
    expect(misses).toEqual([
      { code: 'role/educator', kind: 'example', text: 'Saya kasih tahu pakai gambar.', fired: [] },
      { code: 'role/educator', kind: 'counterexample', text: 'Penjelasan petugas bikin bingung.', fired: ['role/educator'] },
    ]);
  });

  it('counts a parent as fired when a descendant fires', () => {
    const misses = run([
      codeDef('role', null, [], ['Dia mendaftarkan kami semua.'], ['Hujan turun sore itu.']),
      codeDef('role/broker', 'role', ['daftar']),
      codeDef('strategy', null, [], [], ['Saya daftar sendiri.']),
      codeDef('strategy/group', 'strategy', ['kelompok']),
    ]);
    expect(misses).toEqual([]);
  });

  it('a descendant firing also makes a parent counterexample a miss', () => {
    const misses = run([codeDef('role', null, [], [], ['Petugas mendaftarkan saya.']), codeDef('role/broker', 'role', ['daftar'])]);
    expect(misses).toEqual([{ code: 'role', kind: 'counterexample', text: 'Petugas mendaftarkan saya.', fired: ['role/broker'] }]);
  });

  it('skips codes that nothing can auto-code', () => {
    expect(run([codeDef('memo/insight', null, [], ['Ini wawasan yang hanya bisa dikode tangan.'])])).toEqual([]);
  });
});
