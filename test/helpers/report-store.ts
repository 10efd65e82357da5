import type { Codebook } from '../../src/core/codebook/types.js';
import { replaceSourceAutoCodings } from '../../src/store/auto-codings.js';
import { saveCodebookVersion } from '../../src/store/codebooks.js';
import { addManualCodings } from '../../src/store/codings.js';
import { interviewStore } from './interview-store.js';

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

/** The interview store (see interviewStore) with three auto proposals in w01, one in the note, and rina's manual coding of turn 4. */
export function reportStore(): ReturnType<typeof interviewStore> {
  const { db, seg } = interviewStore();
  const { version } = saveCodebookVersion(db, CODEBOOK, { file: 'mini.yaml', sha256: 'cb1', yaml: '' }, 'now');
  const proposal = (address: string, code: string) => ({ segmentId: seg('w01', address).id, code, start: seg('w01', address).start, end: seg('w01', address).end });
  replaceSourceAutoCodings(db, 'w01', version.id, [proposal('2.1', 'outcome/enrollment'), proposal('2.2', 'strategy/tailored-education'), proposal('4.1', 'barrier/economic')], 'now');
  replaceSourceAutoCodings(db, 'a-note', version.id, [{ segmentId: seg('a-note', '1.1').id, code: 'strategy/tailored-education', start: seg('a-note', '1.1').start, end: seg('a-note', '1.1').end }], 'now');
  const turn = seg('w01', '4');
  addManualCodings(db, [{ segmentId: turn.id, code: 'barrier/economic', coder: 'rina', origin: 'manual', start: turn.start, end: turn.end, memo: null, codebookId: version.id }], 'now');
  return { db, seg };
}

