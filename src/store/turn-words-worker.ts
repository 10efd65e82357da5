/**
 * A worker thread of `telaah stats words` (see turn-words.ts): opens the project read-only through the
 * same opener as the main thread, counts its share of the turns and sends the tally back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WordCounter } from '../core/analysis/word-frequencies.js';
import { openStore } from './open.js';
import { countChunks, type TurnWordsJob } from './turn-words.js';

const job = workerData as TurnWordsJob;
const db = openStore(job.database, { readonly: true, key: job.key });
try {
  // Stop-words and stems apply when the main thread makes the result; here every form is tallied.
  const counter = new WordCounter({ stopWords: null, stemmers: null });
  countChunks(db, job.chunks, job.first, counter);
  const data = counter.data();
  parentPort!.postMessage(data, [data.tally.counts.buffer]);
} finally {
  db.close();
}
