// The parse side of `telaah ingest` alone: every corpus file read and parsed with parseFile on this one
// thread, with the setup ingest builds for the project, as the parse worker does (see parse-worker.ts).
// Prints JSON {files, megabytes, cpuSeconds, mbPerCpuSecond, breakdown}; with --digest also a sha256 of every
// outcome (text, packed arrays, counts, warnings; it costs ~0.3 s CPU), so a change that must not alter output
// can be checked against the run before it. The read (readFileSync) and the hash are timed in a pass of their own.
// Usage: node bench/parse-cpu.js PROJECT CORPUS PSEUDONYMS.csv [--repeat N] [--digest]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { collectInputFiles } from '../dist/io/collect-files.js';
import { readPseudonymMap } from '../dist/io/read-pseudonym-map.js';
import { locateProject, readProjectConfig } from '../dist/io/project-files.js';
import { openStore } from '../dist/store/open.js';
import { participantIdsByPseudonym } from '../dist/store/participants.js';
import { listWithdrawnPseudonyms } from '../dist/store/withdrawal-record.js';
import { PARTICIPANT_ROLE_LABELS } from '../dist/core/transcript/role-labels.js';
import { compileRules, parseFile } from '../dist/cli/ingest/parse-file.js';
import { hashBytes } from '../dist/io/read-source-file.js';

const [project, corpus, pseudonyms] = process.argv.slice(2);
const repeatAt = process.argv.indexOf('--repeat');
const repeat = repeatAt > 0 ? Number(process.argv[repeatAt + 1]) : 1;
const withDigest = process.argv.includes('--digest');

// The setup ingest-files.ts builds (no speaker map, no type flag, strict).
const paths = locateProject(project, undefined);
const config = readProjectConfig(paths);
const db = openStore(paths.database, { migrate: false });
const participantIds = participantIdsByPseudonym(db);
const withdrawn = new Map(listWithdrawnPseudonyms(db).map((p) => [p.toLowerCase(), p]));
db.close();
const names = [...participantIds.keys(), ...[...withdrawn.values()].filter((p) => !participantIds.has(p))];
const entries = readPseudonymMap(pseudonyms);
const setup = {
  pseudonymEntries: entries,
  speakerRules: { interviewerLabels: config.interviewerLabels, speakerMap: new Map(), pseudonyms: names },
  readOptions: {
    type: undefined,
    strict: true,
    knownSpeakers: [...names, ...config.interviewerLabels, ...PARTICIPANT_ROLE_LABELS, ...entries.flatMap((e) => [e.realName, ...e.variants]), ...[]],
    columns: {},
  },
  withdrawn,
  includeWithdrawn: false,
};
const rules = compileRules(setup);
const files = collectInputFiles([corpus], process.cwd());

// CPU of this process, every thread (libuv's pool included).
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let best;
for (let r = 0; r < repeat; r++) {
  // Reading and hashing alone (timing each file would cost more than reading it).
  let started = cpu();
  for (const file of files) hashBytes(readFileSync(file.path));
  const readSeconds = cpu() - started;
  const digest = withDigest ? createHash('sha256') : undefined;
  let bytesTotal = 0;
  const kinds = {};
  started = cpu();
  for (const file of files) {
    const bytes = readFileSync(file.path);
    hashBytes(bytes);
    bytesTotal += bytes.length;
    const parsed = await parseFile(file, bytes, rules);
    kinds[parsed.kind] = (kinds[parsed.kind] ?? 0) + 1;
    if (digest) digestOutcome(digest, file, parsed);
  }
  const cpuSeconds = cpu() - started;
  const run = {
    files: files.length,
    megabytes: +(bytesTotal / 1e6).toFixed(1),
    cpuSeconds: +cpuSeconds.toFixed(2),
    mbPerCpuSecond: +(bytesTotal / 1e6 / cpuSeconds).toFixed(1),
    breakdown: { readAndHashSeconds: +readSeconds.toFixed(2), parseSeconds: +(cpuSeconds - readSeconds).toFixed(2), kinds },
    ...(digest ? { digest: digest.digest('hex').slice(0, 16) } : {}),
  };
  if (!best || run.cpuSeconds < best.cpuSeconds) best = run;
}
process.stdout.write(`${JSON.stringify({ ...best, repeat, maxRssKb: process.resourceUsage().maxRSS })}\n`);

function digestOutcome(digest, file, parsed) {
  digest.update(`${file.display}\0${parsed.kind}\0`);
  if (parsed.kind === 'failed') digest.update(`${parsed.error.message}\0${parsed.error.hint}\0`);
  if (parsed.kind !== 'parsed') return;
  const { source, ...rest } = parsed;
  digest.update(canonicalJson(rest));
  digest.update(source.text);
  digest.update(JSON.stringify([source.words, source.turnCount, source.segmentCount, source.strings]));
  for (const array of [source.turnInts, source.turnMs, source.sentenceBounds]) digest.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** JSON with every object's keys sorted: the digest is of what an outcome holds, not of the order its keys were set in. */
function canonicalJson(value) {
  return JSON.stringify(value, (_key, v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
