/** `telaah stats words` for people and spreadsheets: pure renderers of the tally. */
import type { WordFrequencies } from '../core/analysis/word-frequencies.js';
import { wrapText, type TableModel } from './text-layout.js';

/** Shares as percentages with two decimals. */
function percent(share: number): string {
  return (share * 100).toFixed(2);
}

/** The commonest words (or stems, with the forms counted under each). */
export function wordTable(result: WordFrequencies): TableModel {
  const stems = result.unit === 'stem';
  return {
    columns: [
      { title: '#', align: 'right' },
      { title: stems ? 'stem' : 'word', shrink: true },
      { title: 'count', align: 'right' },
      { title: '%', align: 'right' },
      ...(stems ? [{ title: 'forms', shrink: true }] : []),
    ],
    rows: result.top.map((w, i) => [
      i + 1,
      w.word,
      w.count,
      percent(w.share),
      ...(stems ? [(w.forms ?? []).map((f) => `${f.form} ${f.count}`).join(', ')] : []),
    ]),
  };
}

/** The lines under the table, wrapped to `width`: what was counted. */
export function wordSummary(result: WordFrequencies, stopWords: boolean, width: number): string {
  const left = stopWords ? 'numbers, single letters and Indonesian and English stop-words left out' : 'numbers and single letters left out';
  const text = `${result.counted} of ${result.words} words in ${result.turns} turns counted (${left}); ${result.distinct} distinct ${result.unit === 'stem' ? 'stems' : 'words'}; % of the words counted`;
  return `${wrapText(text, Math.max(20, width)).join('\n')}\n`;
}

/** `stats words --csv`: rank, word, count, share (and forms with stems). */
export function wordCsv(result: WordFrequencies): { header: string[]; rows: unknown[][] } {
  const stems = result.unit === 'stem';
  return {
    header: ['rank', stems ? 'stem' : 'word', 'count', 'share', ...(stems ? ['forms'] : [])],
    rows: result.top.map((w, i) => [i + 1, w.word, w.count, w.share, ...(stems ? [(w.forms ?? []).map((f) => `${f.form} ${f.count}`).join('; ')] : [])]),
  };
}
