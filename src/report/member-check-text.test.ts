import { describe, expect, it } from 'vitest';
import { memberCheckWords } from './member-check-text.js';

const theme = {
  code: 'barrier/documentation',
  label: 'Dokumen kependudukan',
  category: 'Hambatan',
  definition: 'Problems with civil-registration documents that block registration: NIK not matching. Also lost KTPs.',
  turns: 2,
  sourceTypes: ['interview' as const, 'fgd' as const],
};

describe('memberCheckWords', () => {
  it('sums a theme up in plain Indonesian from its label, without the (English) definition', () => {
    expect(memberCheckWords('id').themeSummary(theme)).toBe(
      'Dalam 2 bagian dari wawancara dan diskusi kelompok (FGD), Anda berbicara tentang hal yang kami sebut “Dokumen kependudukan”, bagian dari tema “Hambatan”.',
    );
  });

  it('writes counts with the language\'s digit grouping', () => {
    expect(memberCheckWords('id').themeSummary({ ...theme, turns: 1200 })).toMatch(/^Dalam 1\.200 bagian /);
    expect(memberCheckWords('en').themeSummary({ ...theme, turns: 1200 })).toMatch(/^In 1,200 parts /);
  });

  it('in English adds the first sentence of the definition', () => {
    expect(memberCheckWords('en').themeSummary({ ...theme, label: 'Identity documents', category: 'Barriers', turns: 1, sourceTypes: ['interview'] })).toBe(
      'In 1 part of the interview, you spoke about what we call “Identity documents”, part of the theme “Barriers”. ' +
        'We describe it like this: Problems with civil-registration documents that block registration: NIK not matching.',
    );
  });

  it('places turns and sources in words a participant reads', () => {
    const id = memberCheckWords('id');
    expect(id.turnPlace(18, 797_000)).toBe('Bagian 18, menit 13:17');
    expect(id.sourceHeading('fgd', '2025-04-19', 'fgd1-medan-pekerja')).toBe('Diskusi kelompok (FGD), 2025-04-19 (fgd1-medan-pekerja)');
    expect(memberCheckWords('en').sourceHeading('interview', null, '09-sumiati')).toBe('Interview (09-sumiati)');
  });
});
