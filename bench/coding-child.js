// Auto-codes every unit of a project in this process and prints tokens/s (the coder alone, one core).
import { readFileSync } from 'node:fs';
import { parseCodebook } from '../dist/core/codebook/parse-codebook.js';
import { compileCoder } from '../dist/core/coding/auto-coder.js';
import { createStemmers } from '../dist/core/coding/stemmers.js';
import { createWordSpans, scanWords, tokenize } from '../dist/core/coding/tokenize.js';
import { iterateCodingUnits } from '../dist/store/codings.js';
import { openStore } from '../dist/store/open.js';

const [database, codebookPath] = process.argv.slice(2);
const { codebook } = parseCodebook(readFileSync(codebookPath, 'utf8'));
const db = openStore(database, { readonly: true });
const texts = [];
let bytes = 0;
for (const { units } of iterateCodingUnits(db, { unit: 'sentence', includeInterviewer: true })) {
  for (const u of units) {
    texts.push(u.text);
    bytes += Buffer.byteLength(u.text);
  }
}
let tokens = 0;
for (const t of texts) tokens += tokenize(t).length;
// The tokens `code auto` codes by default (participants' sentences, notes and documents; no interviewer).
let codedTokens = 0;
const spans = createWordSpans();
for (const { units } of iterateCodingUnits(db, { unit: 'sentence', includeInterviewer: false })) {
  for (const u of units) {
    scanWords(u.text, spans);
    codedTokens += spans.count;
  }
}
const coder = compileCoder(codebook, createStemmers());
// A first pass stems every new word form; the second shows the steady state of a warm memo.
const passes = [];
for (let pass = 0; pass < 2; pass++) {
  let codings = 0;
  const started = process.hrtime.bigint();
  for (const t of texts) codings += coder.code(t).length;
  passes.push({ seconds: Number(process.hrtime.bigint() - started) / 1e9, codings });
}
process.stdout.write(`${JSON.stringify({ units: texts.length, tokens, codedTokens, megabytes: bytes / 1048576, passes })}\n`);
