/**
 * How each report language writes numbers and lists: Indonesian 1.234,5 and "a, b dan c", English
 * 1,234.5 and "a, b and c". Every renderer that prints for a reader in a chosen language (the thematic
 * report in all its formats, the member-check packet) formats through here. No locale data is used, so
 * every machine (and every browser, for the HTML report's live count) prints the same digits.
 */
import type { ReportLanguage } from '../core/report/report-model.js';

/** Shown in every language where a figure is missing: no media time, no statistic, no definition. */
export const DASH = '—';

/** A language's number separators and its formatter. */
export interface NumberFormat {
  /** Between groups of three digits: '.' in Indonesian, ',' in English. */
  group: string;
  /** Before the decimals: ',' in Indonesian, '.' in English. */
  point: string;
  /** A number with `digits` decimals (0: a whole number), digits grouped by three. */
  number(n: number, digits?: number): string;
}

const SEPARATORS: Record<ReportLanguage, { group: string; point: string }> = { id: { group: '.', point: ',' }, en: { group: ',', point: '.' } };

/** The number format of `language`. */
export function numberFormat(language: ReportLanguage): NumberFormat {
  const { group, point } = SEPARATORS[language];
  return { group, point, number: (n, digits = 0) => formatNumber(n, digits, group, point) };
}

function formatNumber(n: number, digits: number, group: string, point: string): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // A negative number that rounds to zero prints as zero, not "-0".
  const sign = n < 0 && /[1-9]/.test(fixed) ? '-' : '';
  return `${sign}${grouped}${fraction ? point + fraction : ''}`;
}

/** A list read aloud: `a, b dan c` with and = 'dan', `a, b and c` with 'and'; one item alone, none empty. */
export function joinList(items: readonly string[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The first letter in upper case: a name that stands alone (a table cell, a list item). */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
