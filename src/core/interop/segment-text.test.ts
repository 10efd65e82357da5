import { describe, expect, it } from 'vitest';
import { buildSource } from '../transcript/build-source.js';
import { compileSpeakerResolver } from '../transcript/speakers.js';
import { sliceCodePoints } from '../text/code-points.js';
import { segmentImportedText } from './segment-text.js';

const resolveSpeaker = compileSpeakerResolver({ interviewerLabels: ['Pewawancara'], speakerMap: new Map(), pseudonyms: ['Sumiati'] });
const rules = { type: 'interview' as const, knownSpeakers: ['Sumiati', 'Pewawancara'], resolveSpeaker };

describe('segmentImportedText', () => {
  it('finds the turns and sentences telaah laid out, at the same offsets', () => {
    const built = buildSource([
      { speaker: 'Pewawancara', role: 'interviewer', participant: null, text: 'Sudah daftar, Bu?', startMs: 8000, endMs: null },
      { speaker: 'Sumiati', role: 'participant', participant: 'Sumiati', text: 'Belum 🙂. Kartu keluarga\nmasih di kampung.', startMs: 12000, endMs: null },
    ]);
    const again = segmentImportedText(built.text, rules);
    expect(again.text).toBe(built.text);
    expect(again.turns).toEqual(built.turns.map((t) => ({ ...t, endMs: null })));
  });

  it('keeps a text with labels, indentation and CRLF-free oddities as it is', () => {
    const text = 'Wawancara 3\n\nPewawancara: Ya?\n  Sumiati: Ya. Dua 👍🏽 kali.\n    lanjut di sini.\n';
    const built = segmentImportedText(text, rules);
    expect(built.text).toBe(text);
    const units = built.turns.map((t) => [t.speaker, sliceCodePoints(text, t.start, t.end)]);
    expect(units).toEqual([
      [null, 'Wawancara 3'],
      ['Pewawancara', 'Ya?'],
      ['Sumiati', 'Ya. Dua 👍🏽 kali.\n    lanjut di sini.'],
    ]);
    expect(built.turns[2]!.participant).toBe('Sumiati');
    expect(built.turns[2]!.sentences.map((s) => sliceCodePoints(text, s.start, s.end))).toEqual(['Ya.', 'Dua 👍🏽 kali.\n    lanjut di sini.']);
  });

  it('reads notes as paragraphs and list items', () => {
    const text = '# Observasi\n\nPos ramai.\nAntre panjang.\n\n- kader membantu\n- formulir habis\n';
    const built = segmentImportedText(text, { ...rules, type: 'observation' });
    expect(built.turns.map((t) => sliceCodePoints(text, t.start, t.end))).toEqual(['Pos ramai.\nAntre panjang.', 'kader membantu', 'formulir habis']);
  });
});
