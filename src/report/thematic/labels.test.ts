import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bpjsReport } from '../../../test/fixtures/thematic-report.js';
import type { ReportLanguage } from '../../core/report/report-model.js';
import { renderReportDocx } from './docx.js';
import { renderReportHtml } from './html.js';
import { labels } from './labels.js';
import { renderReportMarkdown } from './markdown.js';
import { flattenThemes } from './report-text.js';

describe('labels', () => {
  it('formats numbers, media times and counts in each language', () => {
    const id = labels('id');
    const en = labels('en');
    expect([id.number(1178.1, 1), en.number(1178.1, 1), id.number(1234567), en.number(-1234)]).toEqual(['1.178,1', '1,178.1', '1.234.567', '-1,234']);
    // As transcripts mark time, so a quote is found again in its source.
    expect([id.mediaTime(725_000), en.mediaTime(3_723_000), id.mediaTime(5_000)]).toEqual(['00:12:05', '01:02:03', '00:00:05']);
    expect([id.countOf(1, 'segment'), en.countOf(1, 'segment'), en.countOf(2, 'proposal'), id.countOf(2, 'proposal'), en.countOf(1234, 'turn')]).toEqual([
      '1 segmen', '1 segment', '2 proposals', '2 usulan', '1,234 turns',
    ]);
    expect([id.percent(0.875), en.percent(null), id.statistic(0.7843), en.statistic(null), id.minutes(136.1), en.minutes(1178.6), id.minutes(null)]).toEqual([
      '87,5%', '—', '0,78', '—', '136', '1,179', '—',
    ]);
  });

  it('names origins, keeping one it does not know as it is', () => {
    expect(['auto', 'accepted', 'imported', 'merged'].map(labels('id').origin)).toEqual(['otomatis', 'usulan diterima', 'diimpor', 'merged']);
    expect(['auto', 'accepted', 'suggested'].map(labels('en').origin)).toEqual(['automatic', 'accepted proposal', 'suggested']);
  });

  it('writes the method sentences with the unit agreement was measured at', () => {
    const en = labels('en');
    expect(en.methodAgreement({ coders: ['ana', 'budi'], unit: 'turn', units: 120, percentAgreement: 0.9, kappa: 0.712, alpha: null })).toBe(
      "Agreement of ana and budi on 120 turns of sources more than one of them coded: percent agreement 90.0%, Cohen's kappa 0.71, Krippendorff's alpha undefined (pooled over codes).",
    );
    expect(labels('id').methodAgreement({ coders: ['ana', 'budi', 'citra'], unit: 'sentence', units: 1500, percentAgreement: 0.8, kappa: null, alpha: 0.7 })).toBe(
      'Kesepakatan ana, budi dan citra pada 1.500 kalimat dari sumber yang dikode lebih dari satu di antara mereka: persentase kesepakatan 80,0%, alfa Krippendorff 0,70 (gabungan semua kode).',
    );
    expect(labels('id').methodAgreement(null)).toBe(labels('id').agreementNone);
  });

  it('states the triangulation rule with the same status and source type names the sections use', () => {
    const id = labels('id');
    expect(id.triangulationRule({ convergent: 3, corroborated: 2 })).toBe(
      'Status triangulasi: konvergen bila bukti datang dari sedikitnya 3 jenis sumber (wawancara, FGD, observasi, dokumen), terkonfirmasi bila dari 2, satu jenis sumber bila dari satu.',
    );
    expect(labels('en').triangulationLine('single-source', { interview: 4, fgd: 0, observation: 0, document: 0 }, ['not-observed', 'one-sided'])).toBe(
      'single source type (interview 4, focus group 0, observation 0, document 0); not seen in observations; voiced by one group only.',
    );
  });
});

/** What a reader sees of a rendered file: entities decoded, Markdown's escapes and emphasis dropped, space collapsed. */
function readable(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_[\]<>|#~])/g, '$1')
    .replace(/\s+/g, ' ');
}

describe.each(['id', 'en'] as ReportLanguage[])('one wording in every format (%s)', (language) => {
  it('prints the same headings, scope, statuses, flags and notes in Markdown, HTML and Word', async () => {
    const report = bpjsReport(language);
    const L = labels(language);
    const docx = unzipSync(await renderReportDocx(report));
    const outputs = {
      markdown: readable(renderReportMarkdown(report)),
      html: readable(await renderReportHtml(report)),
      word: readable(strFromU8(docx['word/document.xml']!)),
    };
    const flags = [...new Set(flattenThemes(report.themes).flatMap((t) => t.triangulation.flags))];
    expect(flags.length).toBeGreaterThan(1);
    const words = [
      L.title, L.countedLine(report.title.origins), L.codebookLine(report.title.codebook.name, report.title.codebook.version),
      L.overview, L.sources, L.method, L.themes, L.cooccurrence, L.byGroup, L.byGroupNote, L.jointDisplay, L.jointDisplayNote(report.jointDisplay!.attribute),
      L.appendix, L.codebook, L.audit, L.column.sourceType, L.column.turns, L.column.mediaMinutes, L.column.total, L.byCoder,
      L.status('convergent'), ...flags.map((f) => L.flag(f)), L.noQuotes, L.jointCell(12, 41), L.percent(report.method.agreement!.percentAgreement),
    ];
    for (const [format, text] of Object.entries(outputs)) {
      for (const w of words) expect(text, `${format} says "${w}"`).toContain(w);
    }
  });
});
