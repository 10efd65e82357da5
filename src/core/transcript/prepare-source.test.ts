import { describe, expect, it } from 'vitest';
import { compilePseudonymizer } from '../pseudonymize.js';
import { prepareSource } from './prepare-source.js';
import { compileSpeakerResolver } from './speakers.js';
import type { TranscriptDraft, TurnDraft } from './types.js';

const pseudonymizer = compilePseudonymizer([
  { realName: 'Siti Aminah', pseudonym: 'Sumiati', variants: ['Siti'] },
  { realName: 'Bunga Lestari', pseudonym: 'Mawar', variants: ['Bunga'] },
]);
const resolveSpeaker = compileSpeakerResolver({ interviewerLabels: ['Pewawancara', 'I', 'Q'], speakerMap: new Map(), pseudonyms: ['Sumiati'] });

const turn = (speaker: string | null, text: string): TurnDraft => ({ speaker, text, startMs: null, endMs: null, line: 1 });
const draft = (turns: TurnDraft[], meta: Partial<TranscriptDraft['meta']> = {}): TranscriptDraft => ({ meta: { attributes: {}, ...meta }, turns, warnings: [] });

describe('prepareSource', () => {
  it('replaces names in front-matter keys and values, labels, participants and text', () => {
    const prepared = prepareSource(
      draft([turn('siti', 'Saya Siti, penjual bunga.'), turn('Pewawancara', 'Terima kasih, Bu Bunga.')], {
        title: 'Wawancara Siti',
        site: 'Pasar Siti',
        participants: ['siti aminah'],
        attributes: { siti_umur: '41', 'catatan bunga': 'Bunga datang terlambat' },
      }),
      { pseudonymizer, resolveSpeaker },
    );
    expect(prepared.meta).toMatchObject({
      title: 'Wawancara Sumiati',
      site: 'Pasar Sumiati',
      participants: ['sumiati'],
      attributes: { sumiati_umur: '41', 'catatan mawar': 'Mawar datang terlambat' },
    });
    // A speaker label is a name wherever it is written in lower case; "bunga" in prose is the flower.
    expect(prepared.turns.map((t) => [t.speaker, t.participant, t.text])).toEqual([
      ['sumiati', 'Sumiati', 'Saya Sumiati, penjual bunga.'],
      ['Pewawancara', null, 'Terima kasih, Bu Mawar.'],
    ]);
    expect(prepared.replacements).toBe(9);
  });

  it('warns when every turn is an interviewer turn', () => {
    const prepared = prepareSource(draft([turn('I', 'How long have you worked there?'), turn('Q', 'And then?'), turn('I', 'Thank you.')]), { resolveSpeaker });
    expect(prepared.warnings).toEqual([
      'every turn is by an interviewer label (I, Q): if one of them is the participant, remove it from interviewer_labels in telaah.yaml, or map it with --speakers',
    ]);
  });

  it('does not warn for a transcript with a participant, or notes without speakers', () => {
    expect(prepareSource(draft([turn('I', 'Halo?'), turn('Sumiati', 'Halo.')]), { resolveSpeaker }).warnings).toEqual([]);
    expect(prepareSource(draft([turn(null, 'Catatan lapangan.')]), { resolveSpeaker }).warnings).toEqual([]);
  });
});
