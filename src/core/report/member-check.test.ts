import { describe, expect, it } from 'vitest';
import { buildMemberCheck, type MemberTurnInput } from './member-check.js';

const CODES = [
  { id: 'barrier', parent: null, label: 'Hambatan', definition: null },
  { id: 'barrier/documentation', parent: 'barrier', label: 'Dokumen kependudukan', definition: 'Problems with documents.' },
  { id: 'role', parent: null, label: 'Peran', definition: null },
  { id: 'role/broker', parent: 'role', label: 'Perantara', definition: null },
];

const turn = (source: string, turnNo: number, codes: string[], extra: Partial<MemberTurnInput> = {}): MemberTurnInput => ({
  source, sourceType: 'interview', date: '2025-05-03', turn: turnNo, startMs: null, text: ` Kata-kata di ${source} ${turnNo}. `, codes, ...extra,
});

describe('buildMemberCheck', () => {
  it('groups the turns by source in the order given, with code labels, and lists the themes in codebook order', () => {
    const packet = buildMemberCheck({
      language: 'id',
      participant: 'Sumiati',
      project: 'Studi',
      codes: CODES,
      turns: [
        turn('fgd1', 18, ['role/broker', 'barrier/documentation'], { sourceType: 'fgd', date: '2025-04-19', startMs: 797_000 }),
        turn('fgd1', 26, []),
        turn('09-sumiati', 20, ['barrier/documentation', 'old/code']),
      ],
    });
    expect(packet.sources.map((s) => [s.source, s.type, s.date, s.turns.map((t) => t.turn)])).toEqual([
      ['fgd1', 'fgd', '2025-04-19', [18, 26]],
      ['09-sumiati', 'interview', '2025-05-03', [20]],
    ]);
    expect(packet.sources[0]!.turns[0]).toEqual({ turn: 18, startMs: 797_000, text: 'Kata-kata di fgd1 18.', codes: [{ code: 'role/broker', label: 'Perantara' }, { code: 'barrier/documentation', label: 'Dokumen kependudukan' }] });
    expect(packet.themes).toEqual([
      { code: 'barrier/documentation', label: 'Dokumen kependudukan', category: 'Hambatan', definition: 'Problems with documents.', turns: 2, sourceTypes: ['interview', 'fgd'] },
      { code: 'role/broker', label: 'Perantara', category: 'Peran', definition: null, turns: 1, sourceTypes: ['fgd'] },
      { code: 'old/code', label: 'old/code', category: null, definition: null, turns: 1, sourceTypes: ['interview'] },
    ]);
  });
});
