/**
 * Word .docx transcripts and documents, through mammoth's HTML: paragraphs in order, a key | value table at the
 * top as metadata, speaker labels (bold or plain) as turns. A turn's `line` is its paragraph number.
 */
import mammoth from 'mammoth';
import { buildDraftMeta } from '../core/transcript/front-matter.js';
import type { MetaEntry } from '../core/transcript/front-matter.js';
import { isProseLabel, parseSpeakerLines } from '../core/transcript/speaker-lines.js';
import type { DraftMeta, ReadWarning, TranscriptDraft, TurnDraft } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import { checkedDocxPackage } from './docx-package.js';

interface Paragraph {
  /** Text with `<br>` as '\n'. */
  text: string;
  heading: boolean;
  /** Bold text the paragraph starts with, when it does ("Pewawancara:"). */
  boldLead: string | null;
}

interface Table {
  rows: string[][];
  /** How many paragraphs come before the table. */
  after: number;
}

/** Reads a .docx file's bytes into a draft: metadata table, speaker turns, or paragraph units. */
export async function readDocx(
  bytes: Buffer,
  options: { knownSpeakers?: readonly string[] } = {},
): Promise<TranscriptDraft> {
  let html: string;
  const warnings: ReadWarning[] = [];
  // Mammoth reads only what passed the size and DOCTYPE checks, never the file's own bytes.
  const checked = checkedDocxPackage(bytes);
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) });
    html = result.value;
    for (const m of result.messages) if (m.type === 'error') warnings.push({ message: m.message });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`not a readable Word .docx file: ${reason.split('\n')[0]}`, {
      hint: 'open it in Word or LibreOffice and save it again as .docx',
      cause: err,
    });
  }
  const { paragraphs, tables } = collectBlocks(html);
  const metaTables = tables.filter(isKeyValueTable);
  const bold = paragraphs.flatMap((p) => boldSpeaker(p) ?? []);
  const known = [...(options.knownSpeakers ?? []), ...bold];

  let parsed = readSpeakerTurns(paragraphs, [...known, ...participantsIn(metaTables)]);
  const firstSpeaker = parsed.turns.find((t) => t.speaker !== null)?.line;
  // Metadata comes before the first speaker turn; in a file without turns, at most a title may precede it.
  const kept = metaTables.filter((t) =>
    firstSpeaker !== undefined ? t.after < firstSpeaker : countText(paragraphs, t.after) <= 1,
  );
  const meta = readMetaTables(kept);
  if (kept.length !== metaTables.length) {
    parsed = readSpeakerTurns(paragraphs, [...known, ...(meta.participants ?? [])]);
  }
  tables.forEach((table, i) => {
    if (kept.includes(table)) return;
    warnings.push({
      ...(table.after < paragraphs.length ? { line: table.after + 1 } : {}),
      message:
        `skipped table ${i + 1} (${table.rows.length} rows): tables are not read as turns; ` +
        'copy its text into paragraphs or export it as CSV',
    });
  });
  if (!parsed.turns.some((t) => t.speaker !== null)) return { meta, turns: paragraphUnits(paragraphs), warnings };
  return { meta, turns: parsed.turns, warnings: [...warnings, ...parsed.warnings] };
}

function readSpeakerTurns(
  paragraphs: Paragraph[],
  knownSpeakers: string[],
): { turns: TurnDraft[]; warnings: ReadWarning[] } {
  const lines: string[] = [];
  const paragraphOf: number[] = [];
  paragraphs.forEach((p, i) => {
    if (p.heading) return;
    for (const line of p.text.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      lines.push(trimmed);
      paragraphOf.push(i + 1);
    }
  });
  const at = (line: number | undefined): number | undefined => (line === undefined ? undefined : paragraphOf[line - 1]);
  let result: { turns: TurnDraft[]; warnings: ReadWarning[] };
  try {
    result = parseSpeakerLines(lines.join('\n'), 1, { knownSpeakers });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(`${err.message} (paragraph ${at(err.location.line) ?? '?'})`, {
      line: at(err.location.line),
      col: err.location.col,
      hint: err.hint,
      cause: err,
    });
  }
  for (const turn of result.turns) turn.line = at(turn.line) ?? turn.line;
  const warnings = result.warnings.map(({ line, ...rest }) => {
    const paragraph = at(line);
    return paragraph === undefined ? rest : { ...rest, line: paragraph };
  });
  return { turns: result.turns, warnings };
}

function paragraphUnits(paragraphs: Paragraph[]): TurnDraft[] {
  const units: TurnDraft[] = [];
  paragraphs.forEach((p, i) => {
    if (p.heading) return;
    const text = p.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text !== '') units.push({ speaker: null, text, startMs: null, endMs: null, line: i + 1 });
  });
  return units;
}

const HEADER_KEYS = new Set(['key', 'field', 'kunci', 'item', 'atribut', 'attribute', 'metadata', 'keterangan']);
const HEADER_VALUES = new Set(['value', 'nilai', 'isi', 'data', 'keterangan', 'detail']);

function readMetaTables(tables: Table[]): DraftMeta {
  const entries: MetaEntry[] = [];
  for (const table of tables) {
    table.rows.forEach(([key = '', value = ''], i) => {
      const name = key.replace(/:\s*$/, '').trim();
      // A first row "Key | Value" labels the columns; it is not metadata.
      if (i === 0 && HEADER_KEYS.has(name.toLowerCase()) && HEADER_VALUES.has(value.trim().toLowerCase())) return;
      if (name !== '') entries.push({ key: name, value: value.trim() === '' ? null : value.trim(), line: undefined, col: undefined });
    });
  }
  try {
    return buildDraftMeta(entries);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(`in the metadata table: ${err.message}`, { hint: err.hint, cause: err });
  }
}

/** Participants named by tables that may turn out to be metadata; their errors wait until they are. */
function participantsIn(tables: Table[]): string[] {
  try {
    return readMetaTables(tables).participants ?? [];
  } catch {
    return [];
  }
}

function isKeyValueTable(table: Table): boolean {
  return table.rows.length > 0 && table.rows.every((row) => row.length === 2);
}

function countText(paragraphs: Paragraph[], upTo: number): number {
  return paragraphs.slice(0, upTo).filter((p) => !p.heading).length;
}

/** The speaker of a paragraph starting with a bold label (`<strong>Name:</strong>` or `<strong>Name</strong>:`). */
function boldSpeaker(p: Paragraph): string | null {
  if (p.boldLead === null || p.heading) return null;
  const name = p.boldLead.trim().replace(/\s*:$/, '').trim();
  if (name === '' || name.length > 60 || isProseLabel(name)) return null;
  const rest = p.text.trimStart().slice(name.length).trimStart();
  return rest.startsWith(':') ? name : null;
}

const TOKEN_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
// Footnotes, endnotes and comments (and the references to them) are not what anyone said.
const NOTE_ID_RE = /\bid="(?:footnote|endnote|comment)/;

interface OpenTable extends Table {
  row: string[] | null;
  cell: string[] | null;
}

/** Paragraphs and tables of mammoth's HTML, in document order. */
function collectBlocks(html: string): { paragraphs: Paragraph[]; tables: Table[] } {
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];
  const open: OpenTable[] = [];
  let text = '';
  let heading = false;
  let boldStart = -1;
  let boldLead: string | null = null;
  let skipTag: string | null = null;
  let skipDepth = 0;

  const flush = (): void => {
    const table = open[open.length - 1];
    const trimmed = text.trim();
    if (table !== undefined) {
      if (table.cell !== null && trimmed !== '') table.cell.push(trimmed);
    } else if (trimmed !== '') {
      paragraphs.push({ text, heading, boldLead });
    }
    text = '';
    heading = false;
    boldStart = -1;
    boldLead = null;
  };

  for (const m of html.matchAll(TOKEN_RE)) {
    if (m[4] !== undefined) {
      if (skipTag === null) text += decodeEntities(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    const attrs = m[3] ?? '';
    if (skipTag !== null) {
      if (tag === skipTag) skipDepth += closing ? -1 : 1;
      if (skipDepth === 0) skipTag = null;
      continue;
    }
    if (!closing && NOTE_ID_RE.test(attrs) && !attrs.endsWith('/')) {
      skipTag = tag;
      skipDepth = 1;
      continue;
    }
    const table = open[open.length - 1];
    switch (tag) {
      case 'p': case 'li': case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'ul': case 'ol':
        flush();
        heading = !closing && tag.startsWith('h');
        break;
      case 'br':
        text += '\n';
        break;
      case 'strong': case 'b':
        if (!closing && boldLead === null && boldStart < 0 && text.trim() === '') boldStart = text.length;
        else if (closing && boldStart >= 0 && boldLead === null) boldLead = text.slice(boldStart);
        break;
      case 'table':
        flush();
        if (!closing) {
          open.push({ rows: [], after: paragraphs.length, row: null, cell: null });
          break;
        }
        open.pop();
        if (table === undefined) break;
        if (open.length === 0) tables.push({ rows: table.rows, after: table.after });
        // A table nested in a cell becomes lines of that cell.
        else open[open.length - 1]?.cell?.push(...table.rows.map((row) => row.join(' | ')));
        break;
      case 'tr':
        if (table === undefined) break;
        if (!closing) table.row = [];
        else if (table.row !== null) {
          table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'td': case 'th':
        if (table === undefined) break;
        flush();
        if (!closing) table.cell = [];
        else if (table.cell !== null) {
          table.row?.push(table.cell.join('\n'));
          table.cell = null;
        }
        break;
      default:
        break;
    }
  }
  flush();
  return { paragraphs, tables };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}
