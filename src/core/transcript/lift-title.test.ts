import { describe, expect, it } from 'vitest';
import { liftTitle } from './lift-title.js';
import type { TurnDraft } from './types.js';

const t = (speaker: string | null, text: string): TurnDraft => ({ speaker, text, startMs: null, endMs: null, line: 1 });

describe('liftTitle', () => {
  it('moves a one-line heading before the first turn into the metadata', () => {
    const lifted = liftTitle({ meta: { attributes: {} }, turns: [t(null, 'Transkrip Wawancara 08'), t('Arif', 'Halo.')], warnings: [] });
    expect(lifted.meta.title).toBe('Transkrip Wawancara 08');
    expect(lifted.turns).toEqual([t('Arif', 'Halo.')]);
  });

  it.each([
    ['notes without speakers', [t(null, 'Judul'), t(null, 'Paragraf.')]],
    ['a multi-line preamble', [t(null, 'Baris satu\nbaris dua'), t('Arif', 'Halo.')]],
    ['a transcript that starts with a speaker', [t('Arif', 'Halo.'), t(null, 'x')]],
  ])('leaves %s alone', (_label, turns) => {
    expect(liftTitle({ meta: { attributes: {} }, turns, warnings: [] }).turns).toEqual(turns);
  });

  it('keeps a title from front matter and still drops the heading line', () => {
    const lifted = liftTitle({ meta: { title: 'Dari YAML', attributes: {} }, turns: [t(null, 'Heading'), t('Arif', 'Halo.')], warnings: [] });
    expect(lifted.meta.title).toBe('Dari YAML');
    expect(lifted.turns).toHaveLength(1);
  });
});
