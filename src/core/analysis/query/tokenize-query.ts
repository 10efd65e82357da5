/** The query's words, with the column (1-based, in characters) where each starts. */
import { InputError } from '../../../errors.js';

/** One token of a query. */
export type QueryToken =
  | { type: 'code'; code: string; col: number }
  | { type: 'and' | 'or' | 'not' | 'same-turn' | '(' | ')'; col: number; text: string }
  | { type: 'near'; distance: number; col: number; text: string }
  | { type: 'end'; col: number };

/** A query error at a column, reported as `query:1:COL: message`. */
export function queryError(message: string, col: number, hint?: string): InputError {
  return new InputError(message, { file: 'query', line: 1, col, hint });
}

/**
 * Splits a query into codes, operators and parentheses. Operators are read in any case; a code that
 * would read as an operator, or holds spaces or parentheses, is written in double quotes.
 */
export function tokenizeQuery(text: string): QueryToken[] {
  const chars = Array.from(text);
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    const col = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, col, text: ch });
      i += 1;
    } else if (ch === '"') {
      const close = chars.indexOf('"', i + 1);
      if (close === -1) throw queryError('this quote is not closed', col, 'End the quoted code with "');
      const code = chars.slice(i + 1, close).join('');
      if (!code.trim()) throw queryError('an empty code in quotes', col, 'Write a code id between the quotes');
      tokens.push({ type: 'code', code, col });
      i = close + 1;
    } else {
      let end = i;
      while (end < chars.length && !/[\s()"]/.test(chars[end]!)) end += 1;
      tokens.push(wordToken(chars.slice(i, end).join(''), col));
      i = end;
    }
  }
  tokens.push({ type: 'end', col: chars.length + 1 });
  return tokens;
}

function wordToken(word: string, col: number): QueryToken {
  const upper = word.toUpperCase();
  if (upper === 'AND' || upper === 'OR' || upper === 'NOT' || upper === 'SAME-TURN') {
    return { type: upper.toLowerCase() as 'and' | 'or' | 'not' | 'same-turn', col, text: upper };
  }
  if (upper === 'NEAR' || upper.startsWith('NEAR/')) {
    const m = /^NEAR\/(\d+)$/.exec(upper);
    if (!m) throw queryError(`"${word}" needs a distance in units`, col, 'Write NEAR/n with a whole number, e.g. NEAR/3 (within 3 sentences or turns)');
    const distance = Number(m[1]);
    if (!Number.isSafeInteger(distance)) throw queryError(`NEAR/${m[1]} is too far`, col, 'Write a smaller distance, e.g. NEAR/3');
    return { type: 'near', distance, col, text: `NEAR/${distance}` };
  }
  return { type: 'code', code: word, col };
}
