// Builds the .docx interview transcripts of the bpjs-medan sample study from plain-text sources.
//
// Usage (from the repository root):
//   node samples/scripts/make-docx.mjs
//
// Reads every samples/scripts/docx-src/*.txt and writes
// samples/bpjs-medan/interviews/<same-name>.docx. Paths are resolved relative to this script file, so the
// working directory does not matter. Two optional arguments override the source and output folders
// (used for testing): node samples/scripts/make-docx.mjs <src-dir> <out-dir>
//
// Source format: optional YAML front matter (type, date, site, participants, interviewer, duration, title),
// then speaker turns `Name: text`; a line without a label continues the previous turn; blank lines are ignored.
//
// Output: a title paragraph, a 2-column metadata table (Jenis, Tanggal, Lokasi, Peserta, Pewawancara, Durasi),
// then one paragraph per turn: the speaker label in bold, then ': ' and the text as a plain run.
//
// Determinism: docx always stamps docProps/core.xml with the current time and fflate stamps every zip entry with
// the current time, and neither is configurable. This script therefore replaces docProps/core.xml with a fixed one
// (via Packer's overrides) and rewrites the zip entries' DOS date/time fields to a fixed value, so re-running it on
// the same sources gives byte-identical files.

import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Document,
  Packer,
  Paragraph,
  TextRun,
  Table,
  TableRow,
  TableCell,
  WidthType,
  HeadingLevel,
} from 'docx';
import { parse as parseYaml } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const SRC_DIR = resolve(process.argv[2] ?? join(here, 'docx-src'));
const OUT_DIR = resolve(process.argv[3] ?? join(here, '..', 'bpjs-medan', 'interviews'));

/** Fixed timestamp used for core properties and zip entries. */
const FIXED_ISO = '2025-06-01T00:00:00Z';
const FIXED_DOS_TIME = 0; // 00:00:00
const FIXED_DOS_DATE = ((2025 - 1980) << 9) | (6 << 5) | 1; // 2025-06-01

const TYPE_LABELS = { interview: 'Wawancara', fgd: 'Diskusi kelompok terarah (FGD)' };

/** A speaker label: one to four capitalised words (honorifics included), then a colon. */
const TURN_RE = /^((?:\p{Lu}[\p{L}\p{N}.'’-]*)(?: \p{Lu}[\p{L}\p{N}.'’-]*){0,3}):(?:[ \t]+(.*))?$/u;

function splitFrontMatter(text) {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!m) return { meta: {}, body: normalized };
  const meta = parseYaml(m[1]) ?? {};
  return { meta: typeof meta === 'object' ? meta : {}, body: normalized.slice(m[0].length) };
}

function parseTurns(body) {
  const turns = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const m = TURN_RE.exec(line);
    if (m) {
      turns.push({ speaker: m[1], text: (m[2] ?? '').trim() });
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1];
      last.text = last.text === '' ? line : `${last.text} ${line}`;
    } else {
      turns.push({ speaker: null, text: line });
    }
  }
  return turns;
}

function asText(value) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(asText).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

function cell(text, bold = false) {
  return new TableCell({
    width: { size: bold ? 2500 : 6500, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

/** The title paragraph: front-matter `title`, else e.g. "Transkrip Wawancara 08 — Arif". */
function titleFor(name, meta) {
  if (asText(meta.title)) return asText(meta.title);
  const participants = asText(meta.participants);
  const number = name.replace(/-.*$/, '');
  return `Transkrip ${TYPE_LABELS[meta.type] ?? 'Wawancara'} ${number}${participants ? ` — ${participants}` : ''}`;
}

function buildDocument(title, meta, turns) {
  const participants = asText(meta.participants);
  const rows = [
    ['Jenis', asText(meta.type)],
    ['Tanggal', asText(meta.date)],
    ['Lokasi', asText(meta.site)],
    ['Peserta', participants],
    ['Pewawancara', asText(meta.interviewer)],
    ['Durasi', asText(meta.duration)],
  ].map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] }));

  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Table({ width: { size: 9000, type: WidthType.DXA }, columnWidths: [2500, 6500], rows }),
    ...turns.map(
      (t) =>
        new Paragraph({
          children:
            t.speaker === null
              ? [new TextRun(t.text)]
              : [new TextRun({ text: t.speaker, bold: true }), new TextRun(`: ${t.text}`)],
        }),
    ),
  ];

  return new Document({
    creator: 'telaah sample generator',
    lastModifiedBy: 'telaah sample generator',
    title,
    sections: [{ children }],
  });
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A fixed docProps/core.xml, so the file does not carry the time it was built. */
function coreXml(title) {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    '<dc:creator>telaah sample generator</dc:creator>' +
    '<cp:lastModifiedBy>telaah sample generator</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_ISO}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Overwrites the DOS modification time/date of every entry (central directory and local headers) in place. */
function fixZipTimes(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    buf.writeUInt16LE(FIXED_DOS_TIME, p + 12);
    buf.writeUInt16LE(FIXED_DOS_DATE, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    buf.writeUInt16LE(FIXED_DOS_TIME, local + 10);
    buf.writeUInt16LE(FIXED_DOS_DATE, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function main() {
  let names;
  try {
    names = (await readdir(SRC_DIR)).filter((n) => n.endsWith('.txt')).sort();
  } catch (err) {
    console.error(`make-docx: cannot read ${SRC_DIR}: ${err.message}`);
    process.exit(1);
  }
  if (names.length === 0) {
    console.error(`make-docx: no .txt files in ${SRC_DIR}`);
    process.exit(1);
  }
  await mkdir(OUT_DIR, { recursive: true });
  for (const file of names) {
    const name = basename(file, '.txt');
    const { meta, body } = splitFrontMatter(await readFile(join(SRC_DIR, file), 'utf8'));
    const turns = parseTurns(body);
    const title = titleFor(name, meta);
    const doc = buildDocument(title, meta, turns);
    // docProps/core.xml is replaced by a fixed one (see the note at the top).
    const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(title) }]);
    const out = join(OUT_DIR, `${name}.docx`);
    await writeFile(out, fixZipTimes(Buffer.from(buf)));
    console.log(`${file} -> ${out} (${turns.length} turns)`);
  }
}

await main();
