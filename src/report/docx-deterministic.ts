/**
 * What makes two renders of the same Word document byte-identical (the thematic report and the
 * member-check packet both go through it). docx stamps the core properties with the current time, fflate
 * stamps every zip entry with it, and docx numbers the headings' bookmarks and the drawings from counters
 * that live as long as the process (a second document in the same process gets other numbers).
 * So the package is unzipped and zipped again: the core properties without a clock (dated by the
 * document's own date, e.g. the report's `--date`, when it has one), bookmarks and drawings numbered from 1
 * in document order, every entry dated 1980-01-01 00:00, the zip epoch. fflate is the zip library docx itself uses.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => XML[c] ?? c);

/** docProps/core.xml with no clock in it: dated by the document's date when it has one. */
export function coreProperties(p: { title: string; creator: string; date: string | null }): string {
  const stamp = p.date ? `${p.date}T00:00:00Z` : null;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${esc(p.title)}</dc:title>`,
    `<dc:creator>${esc(p.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${esc(p.creator)}</cp:lastModifiedBy>`,
    stamp ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` : '',
    '</cp:coreProperties>',
  ].join('');
}

/**
 * The document's process-wide numbers made the document's own: bookmarks (`_TocN` names and their
 * `w:id`s) and drawings (`wp:docPr` ids) numbered 1, 2, … in the order they first appear.
 */
export function renumberIds(documentXml: string): string {
  let drawing = 0;
  const ids = new Map<string, number>();
  const idOf = (old: string): number => {
    let id = ids.get(old);
    if (id === undefined) ids.set(old, (id = ids.size + 1));
    return id;
  };
  // A heading's bookmark `_TocN` has the id N: both take the same new number.
  return documentXml
    .replace(/_Toc(\d+)/g, (_m, n: string) => `_Toc${idOf(n)}`)
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"/g, (_m, tag: string, n: string) => `${tag}${idOf(n)}"`)
    .replace(/(<wp:docPr\b[^>]*\bid=")(\d+)"/g, (_m, tag: string) => `${tag}${(drawing += 1)}"`);
}

/** The zip epoch, in local time as fflate reads it, so the entries' dates do not depend on the time zone. */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** The .docx package made deterministic: fixed core properties, bookmarks from 1, entries at the zip epoch. */
export function deterministicDocx(packed: Uint8Array, core: { title: string; creator: string; date: string | null }): Buffer {
  const files = unzipSync(packed);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    if (path === 'docProps/core.xml') out[path] = strToU8(coreProperties(core));
    else if (path === 'word/document.xml') out[path] = strToU8(renumberIds(strFromU8(data)));
    // Pictures are compressed already: stored as they are, which spares most of the zipping time.
    else out[path] = path.startsWith('word/media/') ? [data, { level: 0 }] : data;
  }
  return Buffer.from(zipSync(out, { level: 6, mtime: ZIP_EPOCH }));
}
