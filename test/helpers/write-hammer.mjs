// One of several processes writing to one project at once (test/e2e/concurrency.test.ts). Through the
// built store (dist/), as the commands do: `rounds` times, in its own transactions, a manual coding, a
// memo, and a replacement of one source's auto codings — a transaction that reads before it writes, the
// kind that fails at once with SQLITE_BUSY when it began deferred and another process wrote meanwhile.
// Usage: node write-hammer.mjs DATABASE CODER ROUNDS. Prints "done N" or the error, and exits 1 on one.
import { addManualCodings } from '../../dist/store/codings.js';
import { replaceSourceAutoCodings } from '../../dist/store/auto-codings.js';
import { addMemo } from '../../dist/store/memos.js';
import { openStore } from '../../dist/store/open.js';

const [database, coder, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText);
const db = openStore(database);
try {
  const sources = db.prepare('SELECT name, first_segment AS first, last_segment AS last FROM sources ORDER BY id').all();
  const codebookId = db.prepare('SELECT codebook_id AS id FROM current_codebook').get().id;
  for (let i = 0; i < rounds; i += 1) {
    const source = sources[i % sources.length];
    const segmentId = source.first + Math.floor(i / sources.length);
    addManualCodings(db, [{ segmentId, code: `hammer/${coder}`, coder, origin: 'manual', start: 0, end: 0, memo: null, codebookId }], new Date().toISOString());
    addMemo(db, { kind: 'segment', segmentId }, coder, `${coder} ${i}`, new Date().toISOString());
    // Alternately none and one auto coding on the source's first segment: every round writes.
    const auto = i % 2 === 0 ? [] : [{ segmentId: source.first, code: `auto/${coder}`, start: 0, end: 0 }];
    replaceSourceAutoCodings(db, source.name, codebookId, auto, new Date().toISOString());
  }
  console.log(`done ${rounds}`);
} catch (error) {
  console.log(`${error.code ?? ''} ${error.message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
