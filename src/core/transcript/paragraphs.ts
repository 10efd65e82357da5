/**
 * Observation notes and documents: the units are paragraphs (separated by blank lines) and list items;
 * markdown headings and horizontal rules only separate them.
 */
import type { TurnDraft } from './types.js';

const LIST_ITEM_RE = /^(?:[-*+•]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK_RE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_RE = /^(?:=+|-+)$/;

/** True for an ATX markdown heading line (`# Title` … `###### Title`), given without leading spaces. */
export function isMarkdownHeading(line: string): boolean {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x23) i++;
  return i >= 1 && i <= 6 && (i === line.length || line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09);
}

/** Paragraph and list-item units (speaker null) of notes or a document whose first line is `firstLine`. */
export function parseParagraphs(body: string, firstLine: number): TurnDraft[] {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const units: TurnDraft[] = [];
  let parts: string[] = [];
  let unitLine = 0;
  let inList = false;
  const finish = (): void => {
    if (parts.length > 0) {
      units.push({ speaker: null, text: parts.join('\n'), startMs: null, endMs: null, line: unitLine });
    }
    parts = [];
    inList = false;
  };

  let lineNo = firstLine;
  for (let start = 0; start <= text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;

    if (line === '' || isMarkdownHeading(line)) {
      finish();
      continue;
    }
    // "Title" underlined with === or --- is a (setext) heading in markdown, not a unit.
    if (SETEXT_RE.test(line) && parts.length > 0 && !inList) {
      parts = [];
      finish();
      continue;
    }
    if (THEMATIC_BREAK_RE.test(line)) {
      finish();
      continue;
    }
    const marker = LIST_ITEM_RE.exec(line);
    if (marker !== null && (inList || parts.length === 0 || !cannotInterruptParagraph(marker[0]))) {
      finish();
      inList = true;
      unitLine = lineNo;
      const item = line.slice(marker[0].length);
      if (item !== '') parts.push(item);
      continue;
    }
    if (parts.length === 0 && !inList) unitLine = lineNo;
    parts.push(line);
  }
  finish();
  return units;
}

// As in CommonMark, only "1." may start a numbered list inside a running paragraph: a wrapped line that begins
// "2020. Then…" is still prose.
function cannotInterruptParagraph(marker: string): boolean {
  const c = marker.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 && !/^0*1[.)]/.test(marker);
}
