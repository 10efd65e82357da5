// Builds the benchmark corpus: varied copies of the sample study and test fixtures, at least TARGET_MB
// of transcripts in interviews/, fgd/, observations/ and documents/ folders. Deterministic for a size.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';

const TYPED = new Set(['interviews', 'fgd', 'observations', 'documents']);

/** Every sample or fixture file in a typed folder, with its folder and bytes. */
function templates(roots) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const folder = basename(dir);
        if (TYPED.has(folder) && ['.txt', '.md', '.vtt', '.srt', '.csv', '.docx'].includes(extname(entry))) {
          found.push({ folder, name: basename(entry, extname(entry)), ext: extname(entry), bytes: readFileSync(path) });
        }
      }
    }
  };
  for (const root of roots) walk(root);
  return found;
}

// Small, meaning-preserving edits so that no two copies hash alike and the text is not one repeated block.
const SWAPS = [
  ['Medan', 'Binjai'],
  ['Bekasi', 'Depok'],
  ['nggak', 'enggak'],
  ['udah', 'sudah'],
  ['BPJS', 'BPJS'],
];

function vary(text, copy) {
  const [from, to] = SWAPS[copy % SWAPS.length];
  let out = copy % 2 === 0 ? text.split(from).join(to) : text;
  // Text formats get a trailing line that names the copy; it is a paragraph or a continuation line.
  out += `\n\n(salinan ${copy})\n`;
  return out;
}

/** Writes the corpus under `dir` and returns what it wrote: bytes, copies per template, templates, folder. */
export function makeCorpus(dir, roots, targetBytes) {
  rmSync(dir, { recursive: true, force: true });
  const list = templates(roots);
  if (list.length === 0) throw new Error(`no templates found in ${roots.join(', ')}`);
  for (const folder of TYPED) mkdirSync(join(dir, folder), { recursive: true });
  let total = 0;
  let copy = 0;
  while (total < targetBytes) {
    for (const t of list) {
      let bytes;
      // A .docx cannot be varied without rewriting the zip, and identical bytes are skipped as already
      // ingested, so each Word template appears once.
      if (t.ext === '.docx') bytes = copy === 0 ? t.bytes : null;
      else if (t.ext === '.csv' || t.ext === '.vtt' || t.ext === '.srt') bytes = Buffer.from(varyStructured(t, copy));
      else bytes = Buffer.from(vary(t.bytes.toString('utf8'), copy));
      if (!bytes) continue;
      const name = `${t.name}-${copy}`;
      writeFileSync(join(dir, t.folder, `${name}${t.ext}`), bytes);
      total += bytes.length;
      if (total >= targetBytes) break;
    }
    copy += 1;
  }
  return { bytes: total, copies: copy, templates: list.length, dir: relative(process.cwd(), dir) };
}

function varyStructured(t, copy) {
  const [from, to] = SWAPS[copy % SWAPS.length];
  const text = t.bytes.toString('utf8');
  const swapped = copy % 2 === 0 ? text.split(from).join(to) : text;
  if (t.ext === '.csv') {
    // One more row naming the copy in the first column, the rest empty: a transcript reader skips it
    // (no text), a table reader keeps it as a short unit.
    const columns = swapped.split('\n', 1)[0].split(',').length;
    return `${swapped.replace(/\s*$/, '')}\nsalinan ${copy}${','.repeat(columns - 1)}\n`;
  }
  // Subtitles: a NOTE block (ignored by readers) makes each copy's bytes unique without breaking cues.
  if (t.ext === '.vtt') return swapped.replace(/^(\uFEFF?WEBVTT[^\n]*\n)/, `$1\nNOTE salinan ${copy}\n`);
  return `${swapped.replace(/\s*$/, '')}\n\n99999\n99:00:00,000 --> 99:00:01,000\nPeneliti: (salinan ${copy})\n`;
}
