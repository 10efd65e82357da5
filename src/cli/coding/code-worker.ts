/**
 * A worker thread of `code auto` (see coding-threads.ts): opens the project read-only through the same
 * opener as the main thread, compiles the codebook, codes its batches and sends each back as it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { openStore } from '../../store/open.js';
import { codeBatch, transferablesOf, type CodingJob } from './coding-threads.js';

const job = workerData as CodingJob;
const db = openStore(job.database, { readonly: true, key: job.key });
try {
  const coder = compileCoder(job.codebook, createStemmers());
  const batches = job.starts.length - 1;
  for (let b = job.first; b < batches; b = Atomics.add(job.next, 0, 1)) {
    const coded = codeBatch(db, coder, job, b);
    parentPort!.postMessage(coded, transferablesOf(coded));
  }
} finally {
  db.close();
}
