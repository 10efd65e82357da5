import { describe, expect, it } from 'vitest';
import type { ReportQuote, ThematicReport, ThemeSection } from '../../core/report/report-model.js';
import { renderReportMarkdown } from './markdown.js';

const quote = (extra: Partial<ReportQuote> = {}): ReportQuote => ({
  source: '09-sumiati', sourceType: 'interview', segment: '20.3', participant: 'Sumiati', group: 'pekerja-rentan', startMs: 725_000,
  text: 'KK-ku masih alamat Tebing Tinggi, jadi NIK-ku nggak padan.', ...extra,
});

const section = (code: string, depth: number, children: ThemeSection[] = [], extra: Partial<ThemeSection> = {}): ThemeSection => ({
  code, label: code === 'barrier' ? 'Hambatan' : 'Dokumen kependudukan', definition: null, category: children.length > 0, depth,
  counts: { segments: 142, sources: 30, participants: 24, groups: 2, byCoder: { auto: 140, rina: 3 } },
  triangulation: { status: 'convergent', flags: ['contrasted'], sourceTypes: { interview: 71, fgd: 14, observation: 36, document: 21 } },
  quotes: [], memos: [], children, ...extra,
});

/** A small report with every part filled. */
function report(extra: Partial<ThematicReport> = {}): ThematicReport {
  const leaf = section('barrier/documentation', 1, [], {
    definition: 'Problems with civil-registration *documents*.',
    quotes: [quote(), quote({ source: 'obs03', sourceType: 'observation', segment: '2.1', participant: null, group: null, startMs: null, text: '# 1. Poster | tabel <b>' })],
    memos: [{ author: 'rina', text: 'KK di kampung:\nbukan kemauan', target: 'code barrier/documentation' }],
  });
  return {
    schema: 1,
    language: 'id',
    title: { project: 'Studi BPJS', codebook: { name: 'BPJS social work', version: '1.0.0' }, date: null, origins: null, codes: null },
    overview: {
      sources: [{ type: 'interview', sources: 28, turns: 1088, words: 39214, mediaMinutes: 1042 }, { type: 'observation', sources: 12, turns: 84, words: 6598, mediaMinutes: null }],
      totals: { sources: 40, turns: 1172, words: 45812, mediaMinutes: 1178.1 },
      participants: { total: 28, groups: [{ value: 'pekerja-rentan', participants: 20 }, { value: null, participants: 8 }], categories: [] },
    },
    method: {
      codebook: { name: 'BPJS social work', version: '1.0.0', codes: 20, categories: 4 },
      coders: [{ coder: 'auto', codings: 1864, origins: { auto: 1864 } }],
      agreement: null,
      automatic: { proposals: 1864, reviewed: 10, accepted: 8, rejected: 2, unreviewed: 1854 },
      triangulation: { convergent: 3, corroborated: 2 },
    },
    themes: [section('barrier', 0, [leaf])],
    cooccurrence: { codes: [{ code: 'barrier/documentation', label: 'Dokumen kependudukan' }, { code: 'barrier/distrust', label: 'Ketidakpercayaan' }], cells: [[142, 3], [3, 97]] },
    byGroup: { groups: ['pekerja-rentan'], codes: [{ code: 'barrier/documentation', label: 'Dokumen kependudukan', participants: { 'pekerja-rentan': 17 } }] },
    jointDisplay: {
      attribute: 'enrolled_after',
      values: [{ value: 'tidak', participants: 5 }, { value: 'ya', participants: 15 }],
      rows: [{ code: 'barrier/documentation', label: 'Dokumen kependudukan', cells: { tidak: { participants: 4, segments: 16, quote: null }, ya: { participants: 13, segments: 29, quote: quote() } } }],
    },
    appendix: {
      codebook: [{ code: 'barrier', label: 'Hambatan', definition: null, parent: null }, { code: 'barrier/documentation', label: 'Dokumen kependudukan', definition: 'Problems | with documents.', parent: 'barrier' }],
      audit: [{ command: 'code auto', times: 2, first: '2026-01-02T03:04:05.000Z', last: '2026-01-05T10:00:00.000Z' }],
    },
    ...extra,
  };
}

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(report());

  it('has the title, the overview tables, the method note and a heading per code at its depth', () => {
    expect(md.startsWith('# Laporan analisis tematik: Studi BPJS\n\nBuku kode: BPJS social work (versi 1.0.0)  \nKoding yang dihitung: semua, ')).toBe(true);
    expect(md).toContain('| Wawancara | 28 | 1.088 | 39.214 | 1.042 |');
    expect(md).toContain('| **Jumlah** | **40** | **1.172** | **45.812** | **1.178** |');
    expect(md).toContain('| (tanpa nilai) | 8 |');
    expect(md).toContain('Pengode otomatis mengusulkan 1.864 usulan; 10 sudah ditinjau peneliti (8 diterima, 2 ditolak) dan 1.854 belum ditinjau.');
    expect(md).toMatch(/\n### Hambatan \(`barrier`\)\n[\s\S]*\n#### Dokumen kependudukan \(`barrier\/documentation`\)\n/);
    expect(md).toContain('**Frekuensi:** 142 segmen dari 30 sumber, 24 partisipan, 2 kelompok. Per pengode: auto 140, rina 3.');
    expect(md).toContain('**Triangulasi:** konvergen (wawancara 71, FGD 14, observasi 36, dokumen 21); ada kode pembanding di lokasi yang sama.');
  });

  it('quotes as blockquotes with who, what kind of source, where and when', () => {
    expect(md).toContain('> KK-ku masih alamat Tebing Tinggi, jadi NIK-ku nggak padan.\n>\n> — Sumiati (wawancara, 09-sumiati 20.3, 00:12:05)');
    // A note has no speaker: its source speaks; Markdown in quotes stays literal.
    expect(md).toContain('> \\# 1. Poster \\| tabel \\<b\\>\n>\n> — obs03 (observasi, obs03 2.1)');
    expect(md).toContain('- *rina*, code barrier/documentation: KK di kampung: bukan kemauan');
    expect(md).toContain('*Definisi:* Problems with civil-registration \\*documents\\*.');
  });

  it('draws the figures as tables, the joint display with its quotes, and the appendix', () => {
    expect(md).toContain('| 1. Dokumen kependudukan (`barrier/documentation`) | **142** | 3 |');
    expect(md).toContain('| Kode | pekerja-rentan (20) |\n| --- | ---: |\n| Dokumen kependudukan (`barrier/documentation`) | 17 |');
    expect(md).toContain('## Tampilan gabungan menurut hasil: `enrolled_after`');
    expect(md).toContain('| Dokumen kependudukan (`barrier/documentation`) | 4 partisipan, 16 segmen | 13 partisipan, 29 segmen |');
    expect(md).toContain('- *ya*: “KK-ku masih alamat Tebing Tinggi, jadi NIK-ku nggak padan.” — Sumiati (wawancara, 09-sumiati 20.3, 00:12:05)');
    expect(md).toContain('| &nbsp;&nbsp;`barrier/documentation` | Dokumen kependudukan | Problems \\| with documents. |');
    expect(md).toContain('| `code auto` | 2 | 2026-01-02 03:04 | 2026-01-05 10:00 |');
  });

  it('leaves out what the report does not have, and speaks English when asked', () => {
    const en = renderReportMarkdown(report({ language: 'en', jointDisplay: null, title: { ...report().title, date: '2026-03-01', codes: ['barrier'] } }));
    expect(en).toContain('# Thematic analysis report: Studi BPJS');
    expect(en).toContain('Date: 2026-03-01');
    expect(en).toContain('Codes reported: barrier (with the codes below them)');
    expect(en).not.toContain('Joint display');
    expect(en).toContain('— Sumiati (interview, 09-sumiati 20.3, 00:12:05)');
    expect(en).toContain('Inter-coder agreement is not computed');
    expect(md).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});
