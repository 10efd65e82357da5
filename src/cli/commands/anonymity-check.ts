import { compilePseudonymizer } from '../../core/pseudonymize.js';
import { LineColLocator } from '../../core/text/line-col.js';
import { readPseudonymMap } from '../../io/read-pseudonym-map.js';
import { type FreeTextPlaceId, iterateFreeText } from '../../store/free-text-places.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah anonymity check`. */
export interface AnonymityCheckOptions extends JsonOptions {
  /** The real-name map (required). */
  pseudonyms: string;
}
import { withProjectToRead } from '../open-project.js';
import { writeJson, writeText } from '../output.js';
import { paint } from '../style.js';

/** One real name found in the project. */
interface Finding {
  /** The row: a source name, "participant Sumiati", "audit 3, ingest", … */
  source: string;
  where: string;
  place: FreeTextPlaceId;
  line: number | null;
  col: number | null;
  matched: string;
  realName: string;
  /** Written in lower case in prose: perhaps the common word; listed, but the check does not fail on it. */
  possible: boolean;
}

/** `where` in --json (the short names of the first release) and the words of the human listing, per place. */
const PLACE_NAMES: Record<FreeTextPlaceId, { where: string; shown: string }> = {
  'sources.text': { where: 'text', shown: 'text' },
  'sources.name': { where: 'name', shown: 'name' },
  'sources.file': { where: 'file', shown: 'file' },
  'sources.site': { where: 'site', shown: 'site' },
  'sources.attributes.keys': { where: 'attributes', shown: 'attribute names' },
  'sources.attributes.values': { where: 'attributes', shown: 'attributes' },
  'segments.speaker': { where: 'speaker', shown: 'speaker label' },
  'participants.pseudonym': { where: 'participant', shown: 'pseudonym' },
  'participants.group': { where: 'participant', shown: 'group' },
  'participants.attributes.keys': { where: 'participant', shown: 'attribute names' },
  'participants.attributes.values': { where: 'participant', shown: 'attributes' },
  'audit.arguments': { where: 'audit', shown: 'arguments' },
  'codings.memo': { where: 'memo', shown: 'memo' },
  'memos.text': { where: 'memo', shown: 'memo' },
  'codebooks.file': { where: 'codebook', shown: 'file' },
  'codebooks.yaml': { where: 'codebook', shown: 'YAML' },
  'search_index.words': { where: 'search index', shown: 'words' },
  'withdrawals.pseudonym': { where: 'withdrawal', shown: 'pseudonym' },
};

/** Places long enough to point into by line and column. */
const LINED = new Set<FreeTextPlaceId>(['sources.text', 'codebooks.yaml']);

/** `telaah anonymity check --pseudonyms map.csv`: exit 1 when any real name of the map is still present. */
export async function run(ctx: Ctx, _args: string[], opts: AnonymityCheckOptions): Promise<ExitCode> {
  const entries = readPseudonymMap(opts.pseudonyms);
  const finder = compilePseudonymizer(entries);
  return withProjectToRead(ctx, opts, ({ db }) => {
    const findings: Finding[] = [];
    let scanned = 0;
    // Every free-text place of the store, with the rule ingest replaces by: a lower-case name in prose is
    // only possible, in file names, paths and labels it is the name.
    for (const { place, row, text } of iterateFreeText(db)) {
      if (place.id === 'sources.text') scanned += 1;
      const locator = LINED.has(place.id) ? new LineColLocator(text) : null;
      for (const hit of finder.find(text)) {
        const at = locator?.locate(hit.start) ?? { line: null, col: null };
        const { where } = PLACE_NAMES[place.id];
        findings.push({ source: row, where, place: place.id, ...at, matched: hit.matched, realName: hit.realName, possible: hit.possible && !place.anyCase });
      }
    }
    const found = findings.filter((f) => !f.possible);
    const possible = findings.filter((f) => f.possible);
    if (opts.json) writeJson(ctx, { sources: scanned, found: found.length, possible: possible.length, findings });
    else renderFindings(ctx, scanned, found, possible);
    return found.length > 0 ? 1 : 0;
  });
}

function renderFindings(ctx: Ctx, scanned: number, found: Finding[], possible: Finding[]): void {
  const c = paint(ctx);
  const placeOf = (f: Finding): string => (f.line !== null ? `${f.source}:${f.line}:${f.col}` : `${f.source} (${PLACE_NAMES[f.place].shown})`);
  for (const f of found) writeText(ctx, `${placeOf(f)}: ${c.red(`"${f.matched}"`)} is the real name ${f.realName}\n`);
  if (possible.length > 0) {
    ctx.stdout.write(`${found.length > 0 ? '\n' : ''}Possible (written in lower case, perhaps a common word; check by eye):\n`);
    for (const f of possible) writeText(ctx, `${placeOf(f)}: ${c.yellow(`"${f.matched}"`)} may be the real name ${f.realName}\n`);
  }
  const maybe = possible.length === 0 ? '' : ` ${possible.length} lower-case ${possible.length === 1 ? 'word matches' : 'words match'} a name: see "Possible" above.`;
  if (found.length === 0) {
    ctx.stderr.write(c.green(`No real names from the map found in ${scanned} sources or elsewhere in the project.`) + `${maybe}\n`);
    return;
  }
  const inSources = found.some((f) => f.place.startsWith('sources.') || f.place === 'segments.speaker');
  const elsewhere = found.some((f) => !f.place.startsWith('sources.') && f.place !== 'segments.speaker');
  const hint =
    (inSources ? ' Re-ingest those sources with --pseudonyms and --replace.' : '') +
    (elsewhere ? ' Re-ingesting does not rewrite participants, the audit trail, memos or codebooks.' : '');
  ctx.stderr.write(c.red(`${found.length} real ${found.length === 1 ? 'name' : 'names'} found in the project.${hint}`) + `${maybe}\n`);
}
