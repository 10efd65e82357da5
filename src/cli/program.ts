import { Command, Option } from 'commander';
import type { Ctx } from './context.js';
import type { ExitCode } from './exit-code.js';
import { fitHelpText } from './fit-help.js';
import { flags, LISTED_ORIGINS, LISTED_ORIGINS_AND_REJECTED } from './flags.js';
import { sinceOption } from './since-option.js';
import { VERSION } from './version.js';

/** A command module: `run` receives the context, the arguments and the options commander parsed. */
type CommandModule = { run: (ctx: Ctx, args: string[], opts: never) => Promise<ExitCode> };

/** A group of subcommands (`telaah sources …`). */
interface GroupSpec {
  group: string;
  summary: string;
  examples: string[];
}

/** A command: what help shows about it, and how to load it when it runs. */
interface CommandSpec {
  /** `init`, or `sources list` under its group. */
  command: string;
  summary: string;
  args?: { name: string; description: string; default?: string }[];
  options?: Option[];
  /** Prose after the options: what a researcher needs to know beyond the flags. */
  notes?: string;
  examples: string[];
  load: () => Promise<CommandModule>;
}

/**
 * Every command of telaah, in the order help lists them. Command modules are imported only when their
 * command runs, so `telaah --help` never loads sqlite, docx or mammoth.
 */
function commandTable(): (GroupSpec | CommandSpec)[] {
  return [
    {
      command: 'init',
      summary: 'create a new project (telaah.yaml and its database) in DIR or the current folder',
      args: [{ name: '[dir]', description: 'folder for the project; created if missing', default: '.' }],
      options: [
        flags.text('--name <name>', 'the study name written to telaah.yaml (default: the folder name)'),
        new Option('--encrypt', 'encrypt the database with a passphrase (from TELAAH_PASSPHRASE, or typed twice at the terminal)'),
      ],
      notes: `An encrypted project (SQLCipher 4 format) needs its passphrase for every command: TELAAH_PASSPHRASE, or
typed (hidden) when telaah runs in a terminal. It is never accepted on the command line, and a lost
passphrase cannot be recovered. \`telaah encrypt\` encrypts an existing project, \`telaah rekey\` changes it.`,
      examples: ['telaah init bpjs-study', 'telaah init . --name "BPJS Ketenagakerjaan study"', 'telaah init bpjs-study --encrypt     # asks for a passphrase twice'],
      load: () => import('./commands/init.js'),
    },

    {
      command: 'encrypt',
      summary: 'encrypt a plain project with a passphrase (from TELAAH_PASSPHRASE, or typed twice at the terminal)',
      notes: `The database is replaced by an encrypted copy, checked before it takes the original's place: a crash
midway leaves the plain project as it was. Backups and exports made before stay plain: delete them. The
passphrase is never accepted on the command line; a lost passphrase cannot be recovered.`,
      examples: ['telaah encrypt', 'TELAAH_PASSPHRASE="$(pass show bpjs-study)" telaah encrypt'],
      load: () => import('./commands/encrypt.js'),
    },
    {
      command: 'rekey',
      summary: "change an encrypted project's passphrase (the new one from TELAAH_NEW_PASSPHRASE, or typed twice)",
      notes: `The old passphrase comes from TELAAH_PASSPHRASE or is typed first. The change is one transaction: after a
crash the old passphrase still opens the project. Backups made before keep the old passphrase.`,
      examples: ['telaah rekey', 'TELAAH_PASSPHRASE=old TELAAH_NEW_PASSPHRASE=new telaah rekey     # scripted; both stay out of argv'],
      load: () => import('./commands/rekey.js'),
    },

    {
      command: 'backup',
      summary: 'copy the project, consistent and safe while others read it, to FILE (and its telaah.yaml to FILE.telaah.yaml)',
      args: [{ name: '<file>', description: 'where to write the copy of the database; best on another disk' }],
      options: [new Option('--force', 'replace FILE (and FILE.telaah.yaml) if they exist')],
      notes: `The copy holds everything the project stores: participants, sources and their texts, codings, review
decisions, memos, every codebook version applied and the audit trail. An encrypted project's backup is
encrypted with the same passphrase. Not copied: the files you ingested, your pseudonyms CSV (keep the
key to real names apart from the data) and reports or exports. To restore, copy FILE to telaah.db and
FILE.telaah.yaml to telaah.yaml in an empty folder.`,
      examples: ['telaah backup /media/usb/bpjs-2026-12-06.db', 'telaah backup ~/backups/bpjs.db --force'],
      load: () => import('./commands/backup.js'),
    },
    {
      command: 'doctor',
      summary: 'check the project: database integrity, references, segments and codings, schema version, encryption',
      options: [flags.json('print the checks as JSON')],
      notes: `Read-only: doctor changes nothing and does not migrate. Exit 0 when the project is healthy, 3 when a
problem was found; each problem comes with advice.`,
      examples: ['telaah doctor', 'telaah doctor --json | jq ".checks[] | select(.status != \\"ok\\")"'],
      load: () => import('./commands/doctor.js'),
    },

    { group: 'participants', summary: 'import and list study participants (pseudonyms and attributes)', examples: ['telaah participants import participants.csv', 'telaah participants list --csv'] },
    {
      command: 'participants import',
      summary: 'add participants from a CSV with a pseudonym column, a group column and any attributes, or update them',
      args: [{ name: '<csv>', description: 'CSV file; header names pseudonym, group and further attribute columns' }],
      options: [flags.json('print the summary as JSON'), new Option('--include-withdrawn', 'add participants who withdrew (telaah withdraw) too; left out otherwise')],
      notes: `A participant already in the project (same pseudonym, any case) is updated column by column: each column
of the file replaces that attribute, columns the file lacks keep their values, and an empty cell keeps the
old value too (an import never clears one). The pseudonym column may be called pseudonym, pseudonim,
alias, samaran, nama_samaran, participant, peserta, code, kode or id; a file without one is refused.`,
      examples: ['telaah participants import samples/bpjs-medan/participants.csv', 'telaah participants import enrolment-2025.csv     # pseudonym,enrolled_after: adds one attribute'],
      load: () => import('./commands/participants-import.js'),
    },
    {
      command: 'participants list',
      summary: 'list participants with their attributes and how many turns they speak',
      options: flags.listing(),
      examples: ['telaah participants list', 'telaah participants list --json | jq ".[].pseudonym"'],
      load: () => import('./commands/participants-list.js'),
    },

    {
      command: 'ingest',
      summary: 'read transcripts, notes and documents (txt, md, vtt, srt, csv, docx) into the project',
      args: [{ name: '<paths...>', description: 'files and folders (folders are read recursively)' }],
      options: [
        flags.sourceType('source type for every file (default: front matter, then folder name)'),
        flags.text('--pseudonyms <csv>', 'replace real names with pseudonyms (CSV: real_name,pseudonym[,variants]) before storing'),
        flags.text('--speakers <csv>', 'map speaker labels to participants (CSV: label,pseudonym)'),
        new Option('--replace', "replace sources whose file changed, or that this run's options would store differently (human codings on unchanged sentences are kept)"),
        new Option('--lenient', 'skip malformed subtitle cues with a warning instead of refusing the file'),
        new Option('--include-withdrawn', 'keep the turns of participants who withdrew (telaah withdraw); left out otherwise'),
        flags.text('--language <code>', 'language of the texts (default: the first of telaah.yaml languages)'),
        flags.text('--speaker-column <name>', 'CSV transcripts: the column holding the speaker'),
        flags.text('--text-column <name>', 'CSV transcripts: the column holding the text'),
        flags.text('--start-column <name>', 'CSV transcripts: the column holding the start time'),
        flags.json('print the summary as JSON'),
      ],
      notes: `Source types come from --type, else the file's front matter (type: interview), else the folder name
(interviews/, fgd/, observations/, documents/). Unchanged files are skipped; each file lands whole or not
at all. A source is found again by its file's path; files with the same name in different folders get the
folder in front (site-a-w01, site-b-w01). Ctrl-C stops after the file in hand and keeps what landed.
Files adding up to 4 MB or more are read in a second thread while this one stores them and, when that
thread is behind, reads files too (TELAAH_THREADS=1 keeps to one).`,
      examples: [
        'telaah ingest samples/bpjs-medan --pseudonyms samples/bpjs-medan/pseudonyms.csv',
        'telaah ingest zoom-export.vtt --type fgd --speakers speakers.csv',
        'telaah ingest answers.csv --type document --text-column jawaban',
        'telaah ingest transcripts/ --pseudonyms names.csv --replace   # apply a map to sources ingested without it',
      ],
      load: () => import('./commands/ingest.js'),
    },

    { group: 'sources', summary: 'list, show and correct ingested sources', examples: ['telaah sources list', 'telaah sources show 09-sumiati', 'telaah sources set 09-sumiati site=Binjai'] },
    {
      command: 'sources list',
      summary: 'list sources with type, date, site and counts',
      options: [flags.sourceType('only this source type'), ...flags.listing()],
      examples: ['telaah sources list --type fgd', 'telaah sources list --json'],
      load: () => import('./commands/sources-list.js'),
    },
    {
      command: 'sources show',
      summary: 'print a source turn by turn with speakers, participants and timestamps',
      args: [{ name: '<name>', description: 'source name (the file name without extension)' }],
      options: [new Option('--sentences', 'number each sentence (T.S) as it can be addressed in coding'), flags.json()],
      examples: ['telaah sources show 02-hendra', 'telaah sources show fgd1-medan-pekerja --sentences | less -R'],
      load: () => import('./commands/sources-show.js'),
    },
    {
      command: 'sources remove',
      summary: 'delete sources with their segments, codings, review decisions and memos (asks first when human work would go)',
      args: [{ name: '<names...>', description: 'source names' }],
      options: [new Option('--yes', 'remove even when human codings or review decisions go with them, without asking')],
      notes: `Says what goes with each source. When human codings, review decisions or memos would go, it asks on a terminal;
elsewhere it refuses (exit 2, nothing removed) unless --yes is given.`,
      examples: ['telaah sources remove w01-draft', 'telaah sources remove obs01-old obs02-old --yes'],
      load: () => import('./commands/sources-remove.js'),
    },
    {
      command: 'sources rename',
      summary: 'give a source a new name; its codings and review decisions stay with it',
      args: [
        { name: '<old>', description: 'the current name' },
        { name: '<new>', description: 'the new name (unique)' },
      ],
      examples: ['telaah sources rename interviews-w01 w01-sumiati'],
      load: () => import('./commands/sources-rename.js'),
    },
    {
      command: 'sources set',
      summary: "set a source's date, site, language, type or any attribute (key= removes an attribute)",
      args: [
        { name: '<name>', description: 'source name' },
        { name: '<settings...>', description: 'key=value: date=YYYY-MM-DD, site=…, language=…, type=interview|fgd|observation|document, or any attribute' },
      ],
      notes: `Values set here are kept when the source is ingested again with --replace, unless the file itself gives
that field (front matter).`,
      examples: ['telaah sources set fgd1-medan-pekerja date=2025-04-19 site=Medan', 'telaah sources set obs03 observer=Rina weather=hujan', 'telaah sources set w01-sumiati note='],
      load: () => import('./commands/sources-set.js'),
    },

    {
      command: 'withdraw',
      summary: "remove a participant who withdrew: their turns, the codings and memos on them, and every trace in the project's files",
      args: [{ name: '<participant>', description: 'the pseudonym' }],
      options: [new Option('--yes', 'withdraw without asking'), flags.json('print the summary as JSON')],
      notes: `Their turns leave the source texts (other speakers' turns stay, with the same addresses and their codings on
the same words), with every coding, review decision and memo on them, memos on the participant, and their
participant row. Quotes of their words in memos, coding memos, the audit trail and stored codebooks become
[withdrawn]. The project's files are then rewritten (secure delete, checkpoint, VACUUM), so no page holds
their words. The audit trail and the project keep only their pseudonym, the time and the counts; ingest
leaves their turns out of a file read again unless --include-withdrawn is given. Shows what will go and
asks on a terminal; elsewhere it refuses (exit 2) unless --yes is given.`,
      examples: ['telaah withdraw Sumiati', 'telaah withdraw Sumiati --yes --json'],
      load: () => import('./commands/withdraw.js'),
    },

    { group: 'anonymity', summary: 'check the project for identifying names', examples: ['telaah anonymity check --pseudonyms names.csv'] },
    {
      command: 'anonymity check',
      summary: 'list every real name from the map still present in the project (exit 1 if any)',
      options: [flags.text('--pseudonyms <csv>', 'the real-name map used at ingest (CSV: real_name,pseudonym[,variants])').makeOptionMandatory(), flags.json()],
      examples: ['telaah anonymity check --pseudonyms samples/bpjs-medan/pseudonyms.csv'],
      load: () => import('./commands/anonymity-check.js'),
    },

    { group: 'codebook', summary: 'check, choose, show, compare and test the YAML codebook (see docs/codebook.md)', examples: ['telaah codebook validate codebooks/bpjs-social-work.yaml', 'telaah codebook use codebooks/bpjs-social-work.yaml'] },
    {
      command: 'codebook validate',
      summary: 'report every problem in a codebook at file:line:col (exit 2 if any is an error)',
      args: [{ name: '[file]', description: "codebook file (default: the project's current codebook, as stored)" }],
      options: [flags.json()],
      examples: ['telaah codebook validate codebooks/bpjs-social-work.yaml', "telaah codebook validate            # the project's current codebook"],
      load: () => import('./commands/codebook-validate.js'),
    },
    {
      command: 'codebook use',
      summary: "store a codebook file as a version and make it the project's current one (nothing is coded yet)",
      args: [{ name: '<file>', description: 'codebook file' }],
      notes: `Commands read the stored version, not the file: edit the file, raise its version:, and run this again.
A file whose name and version are already stored with other content is refused. Codes with human
codings that the new version leaves out are named, with \`telaah code rename\`/\`code merge\` to move them.`,
      examples: ['telaah codebook use codebooks/bpjs-social-work.yaml && telaah code auto'],
      load: () => import('./commands/codebook-use.js'),
    },
    {
      command: 'codebook show',
      summary: 'print the code tree with labels and how many segments are coded with each code',
      args: [{ name: '[file]', description: "codebook file (default: the project's current codebook, as stored)" }],
      options: [flags.json()],
      notes: 'Counts follow the evidence rules, as triangulate and codings list count: each segment once per code.',
      examples: ['telaah codebook show', 'telaah codebook show codebooks/bpjs-social-work.yaml --json'],
      load: () => import('./commands/codebook-show.js'),
    },
    {
      command: 'codebook diff',
      summary: 'list the codes added, removed and changed from one codebook to another',
      args: [
        { name: '<a>', description: 'the earlier codebook file' },
        { name: '<b>', description: 'the later codebook file' },
      ],
      options: [flags.json()],
      examples: ['telaah codebook diff old.yaml codebooks/bpjs-social-work.yaml'],
      load: () => import('./commands/codebook-diff.js'),
    },
    {
      command: 'codebook test',
      summary: "run each code's examples and counterexamples through the auto-coder (exit 1 on a miss)",
      args: [{ name: '[file]', description: "codebook file (default: the project's current codebook, as stored)" }],
      options: [flags.json()],
      examples: ['telaah codebook test codebooks/bpjs-social-work.yaml   # e.g. as a CI step'],
      load: () => import('./commands/codebook-test.js'),
    },

    {
      group: 'code',
      summary: 'code segments: automatically from the codebook, or by hand; rename and merge codes',
      examples: ['telaah code auto', 'telaah code add 09-sumiati 20.3 barrier/documentation --memo "KK di kampung"', 'telaah code rename barrier/documentation barrier/identity-documents'],
    },
    {
      command: 'code auto',
      summary: "code every unit with the current codebook's patterns (interviewer turns left out); human codings are kept",
      options: [
        flags.text('--codebook <file>', "apply this codebook file first, making it the project's current one (as `telaah codebook use` does)"),
        new Option('--unit <unit>', 'coding unit (default: coding_unit of telaah.yaml)').choices(['sentence', 'turn']),
        new Option('--include-interviewer', 'code interviewer and moderator turns too'),
        flags.json('print the summary as JSON'),
      ],
      notes: `The codebook is the project's current one as it was stored by \`telaah codebook use\`: edits to its file
count only once you apply the file again (\`codebook use FILE\` or \`code auto --codebook FILE\`). Ctrl-C
stops between sources and keeps those coded. A large project (200 k segments and more) is coded in as many
threads as there are cores, at most 4, the command's own among them: it also stores (TELAAH_THREADS=n sets how many).`,
      examples: ['telaah code auto', 'telaah code auto --codebook codebooks/draft.yaml --unit turn'],
      load: () => import('./commands/code-auto.js'),
    },
    {
      command: 'code add',
      summary: 'code segments by hand: a turn (T), a sentence (T.S) or a range (T-U, T.S-U.V)',
      args: [
        { name: '<source>', description: 'source name' },
        { name: '<segment>', description: 'T, T.S, T-U or T.S-U.V (a range leaves interviewer turns out)' },
        { name: '<codes...>', description: 'code ids' },
      ],
      options: [flags.coder('who codes (default: TELAAH_USER or the login name)'), flags.text('--memo <text>', 'a note kept with the coding (added to a coding already there)')],
      examples: ['telaah code add 09-sumiati 20.3 barrier/documentation', 'telaah code add fgd1-medan-pekerja 14-16 role/organizer --coder rina'],
      load: () => import('./commands/code-add.js'),
    },
    {
      command: 'code remove',
      summary: "remove a coder's codings of the given codes from segments, rejecting the auto or suggested codings there",
      args: [
        { name: '<source>', description: 'source name' },
        { name: '<segment>', description: 'T, T.S, T-U or T.S-U.V' },
        { name: '<codes...>', description: 'code ids' },
      ],
      options: [flags.coder('whose codings (default: TELAAH_USER or the login name; `auto` rejects the automatic codings only)')],
      notes: `An automatic or suggested coding of those codes on those segments is recorded as your rejection: it stops
counting as evidence, and the next \`code auto\` does not bring it back (\`codings list --origin rejected\`).`,
      examples: ['telaah code remove 09-sumiati 20.3 barrier/documentation', 'telaah code remove 09-sumiati 20.15 barrier/economic --coder auto'],
      load: () => import('./commands/code-remove.js'),
    },
    {
      command: 'code rename',
      summary: 'move every coding, review decision and memo of code OLD to NEW (and of OLD/x to NEW/x), e.g. after a new codebook version renamed it',
      args: [
        { name: '<old>', description: 'the code the codings have now (it need not be in the codebook)' },
        { name: '<new>', description: 'a code of the current codebook' },
      ],
      options: [new Option('--dry-run', 'print what would move and change nothing'), flags.json('print what moved as JSON')],
      notes: `All coders and origins move. Where a coder already has NEW on the same segment, the two codings become
one (a human origin wins over auto or suggested, memos are joined with " | ", the earlier time is kept).`,
      examples: ['telaah code rename barrier/economic barrier/cost --dry-run', 'telaah code rename barrier obstacle        # barrier/economic → obstacle/economic, …'],
      load: () => import('./commands/code-rename.js'),
    },
    {
      command: 'code merge',
      summary: 'move every coding, review decision and memo of code A to code B, folding codings a coder has of both',
      args: [
        { name: '<a>', description: 'the code to merge away (it need not be in the codebook; codes below it stay)' },
        { name: '<b>', description: 'a code of the current codebook' },
      ],
      options: [new Option('--dry-run', 'print what would move and change nothing'), flags.json('print what moved as JSON')],
      notes: `Where a coder has both A and B on a segment, one coding stays (a human origin wins over auto or
suggested, memos are joined with " | ", the earlier time is kept); the summary says how many were folded.`,
      examples: ['telaah code merge barrier/cost barrier/economic --dry-run', 'telaah code merge role/peer-educator role/educator'],
      load: () => import('./commands/code-merge.js'),
    },

    { group: 'codings', summary: 'list codings', examples: ['telaah codings list --code barrier --type fgd'] },
    {
      command: 'codings list',
      summary: 'list codings with the unit they code and their evidence, filtered by code (with its descendants), source, type, coder, origin or participant attribute',
      options: [
        flags.code('this code and its descendants'),
        flags.text('--source <name>', 'one source'),
        flags.sourceType('one source type'),
        flags.coder('one coder'),
        flags.origin('origins, comma-separated: auto, manual, accepted, imported, suggested (listed only when named), rejected (the rejections)', LISTED_ORIGINS_AND_REJECTED),
        flags.where('participant attribute or group, e.g. site=Medan'),
        new Option('--wide', 'do not cut the table to the terminal width'),
        ...flags.listing(),
      ],
      notes: `Rows follow the evidence rules: a rejected proposal is never listed (but with --origin rejected, which lists
the rejections), suggestions only with --origin suggested. text is the whole sentence or turn coded;
matched (in --json and --csv) the words that carry the code. The count line counts each coded segment once.`,
      examples: [
        'telaah codings list --code barrier --origin manual,accepted',
        'telaah codings list --origin rejected --coder rina',
        'telaah codings list --where group=pekerja-sosial --csv > codings.csv',
      ],
      load: () => import('./commands/codings-list.js'),
    },

    {
      command: 'review',
      summary: 'decide on proposed codings one by one in the terminal: accept, reject, add codes, undo (interactive)',
      options: [
        flags.coder('who reviews (default: TELAAH_USER or the login name)'),
        flags.code('only proposals of this code and its descendants'),
        new Option('--uncoded', 'also go through the units nobody has coded (sentences or turns, per coding_unit)'),
      ],
      notes: `Goes through every auto and suggested coding you have not decided yet, by source and segment. Each
decision is saved at once: a accepts (it becomes your coding), r rejects (not asked again), c adds codes
by hand (Tab completes), s skips, u undoes, q quits. Run it again to go on where you stopped.`,
      examples: ['telaah review', 'telaah review --coder rina --code barrier', 'telaah review --uncoded'],
      load: () => import('./commands/review.js'),
    },

    {
      command: 'suggest',
      summary: 'propose codes for units nobody coded, learnt from human codings (stored with origin suggested)',
      options: [
        flags.code('only this code and the codes below it'),
        flags.number('--min-confidence <p>', 'suggest a code when its calibrated confidence is at least this, 0-1 (default: 0.6)', { min: 0, max: 1, example: '0.6' }),
        flags.coder("learn only from this coder's codings (default: every human coder)"),
        new Option('--include-notes', "also propose codes for observation notes and documents (default: participants' turns only)"),
        new Option('--evaluate', 'cross-validate on the human-coded units instead: precision, recall and F1 per code; stores nothing'),
        flags.number('--folds <k>', 'folds for --evaluate (default: 5)', { min: 2, max: Number.MAX_SAFE_INTEGER, whole: true, example: '5' }),
        flags.number('--seed <n>', 'seed for the training order and the folds (default: 1)', { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, whole: true, example: '7' }),
        flags.json('print the summary as JSON'),
      ],
      notes: `Learns one model per code from units coded by hand (origin manual or accepted): a code needs at least 5
coded units, and its negatives are the human-coded units without it. Suggestions go to units of the
coding unit spoken by participants (notes and documents only with --include-notes) that carry no coding
of that code; a new run replaces the earlier suggestions and never touches other codings. Suggestions are
proposals: they count as evidence only once accepted in \`telaah review\`.`,
      examples: ['telaah suggest --evaluate', 'telaah suggest --min-confidence 0.7', 'telaah suggest --code barrier --coder rina && telaah codings list --origin suggested'],
      load: () => import('./commands/suggest.js'),
    },

    {
      command: 'triangulate',
      summary: 'audit, for every code and category, which kinds of source support it (interview, FGD, observation, document)',
      options: [
        flags.coder("only this coder's codings"),
        flags.origin('only these origins, comma-separated (e.g. manual,accepted: leave unreviewed auto codings out; suggested counts only when named)'),
        new Option('--by <what>', 'one table per site or per participant group').choices(['site', 'group']),
        flags.code('one code in depth: every piece of evidence by source type'),
        new Option('--strict', 'exit 1 when a required code (codebook `required: true`) is below triangulation.required of telaah.yaml'),
        new Option('--all', 'with --strict: every code, not only the required ones'),
        ...flags.listing(),
      ],
      notes: `Status per code: convergent (at least triangulation.convergent source types, 3 by default), corroborated
(triangulation.corroborated, 2), single-source (1), absent (0). Flags: participant-concentrated, not-observed,
observed-only, one-sided, contrasted (codes the codebook declares as contrasting, at the same site).
Rejected proposals never count, suggestions only once accepted, and each segment counts once per code.`,
      examples: [
        'telaah triangulate',
        'telaah triangulate --origin manual,accepted --by site',
        'telaah triangulate --code barrier/distrust',
        'telaah triangulate --strict           # in CI: exit 1 if a required theme stands on one kind of source',
      ],
      load: () => import('./commands/triangulate.js'),
    },

    {
      command: 'query',
      summary: 'list the units whose codes match an expression: codes with AND, OR, NOT, NEAR/n, SAME-TURN and parentheses',
      args: [{ name: '<expression...>', description: 'e.g. "barrier/distrust AND (role/educator OR role/broker)" (quote it for the shell)' }],
      options: [
        flags.unit('the unit matched and listed (default: coding_unit of telaah.yaml)'),
        flags.where('only units of participants, or of sources, with this attribute: site=Medan, group=pekerja-sosial, source.site=Medan, source.observer=Rina'),
        flags.sourceType('only units of this source type'),
        flags.text('--source <name>', 'only units of one source'),
        flags.coder("only this coder's codings count"),
        flags.origin('only these origins count, comma-separated (e.g. manual,accepted; suggested counts only when named)'),
        flags.wide(),
        ...flags.listing(),
      ],
      notes: `A code stands for itself and every code below it (barrier: every barrier/…). A unit is a sentence (or a
turn, per coding_unit or --unit); it carries a code when a coding counts as evidence on it, on its turn
(a coded turn covers its sentences), or, at the turn level, on one of its sentences. Interviewer turns are
never units. Operators, tightest first:
  NOT a          coded units without a (units without any code never match)
  a NEAR/n b     units with a that have a unit with b at most n units away in
                 the same source (every sentence or turn counts, the
                 interviewer's too), and those units with b: both sides
  a SAME-TURN b  units with a or b in a turn that holds both
                 (at the turn level, the same as AND)
  a AND b        units with both
  a OR b         units with either
NEAR/n and SAME-TURN bind tighter than AND: a AND b NEAR/2 c is a AND (b NEAR/2 c). Operators may be
written in lower case; a code that reads like one goes in double quotes ("not"). The filters choose the
units the expression is evaluated on. --where names a participant's attribute or group; a key
participants do not have names the source's (site, date, type, language, or an attribute), and
source.KEY=VALUE picks the source's where both have the key (site). "query A AND B" counts the units
\`telaah matrix cooccurrence\` puts in the cell (A, B).`,
      examples: [
        'telaah query "barrier/distrust AND role/educator"',
        'telaah query "barrier NEAR/2 strategy/peer-agents" --type fgd',
        'telaah query "barrier/documentation AND NOT outcome/enrollment" --where group=pekerja-rentan',
        'telaah query "barrier/distrust SAME-TURN outcome/enrollment" --json | jq length',
      ],
      load: () => import('./commands/query.js'),
    },

    { group: 'matrix', summary: 'code co-occurrence and the framework matrix (codes against participant or source attributes)', examples: ['telaah matrix cooccurrence', 'telaah matrix attributes --by site'] },
    {
      command: 'matrix cooccurrence',
      summary: 'codes against codes: how many units are coded with both (or their Jaccard index)',
      options: [
        new Option('--jaccard', 'the Jaccard index (units with both over units with either) instead of counts'),
        ...flags.matrix(),
      ],
      notes: `Rows are the codebook's codes (leaf codes; categories too with --categories), or --codes / --code.
A cell counts the units (sentences, or turns) carrying both codes, by the rule \`telaah query\` uses: the cell
(A, B) is the count of \`telaah query "A AND B"\`, the diagonal the count of \`telaah query A\`. Interviewer
turns are never units. On a terminal the columns are numbered as the rows and the table is split into
panels that fit the width (--wide: one table); piped, it is one tab-separated table.`,
      examples: ['telaah matrix cooccurrence', 'telaah matrix cooccurrence --code barrier --jaccard', 'telaah matrix cooccurrence --codes barrier,role,strategy --csv > cooccurrence.csv'],
      load: () => import('./commands/matrix-cooccurrence.js'),
    },
    {
      command: 'matrix attributes',
      summary: "codes against an attribute's values (the framework matrix): units, participants and their share of the group",
      options: [
        flags.text('--by <key>', 'a participant attribute or group (site, group, category, …), or source.KEY for a source field or attribute (source.site, source.type)').makeOptionMandatory(),
        new Option('--cell <what>', 'what a cell shows: counts, or the shortest quotes (the framework chart)').choices(['counts', 'quotes']).default('counts'),
        flags.number('--quotes <n>', 'quotes per cell with --cell quotes (default: 2)', { min: 1, max: 50, whole: true, example: '3' }),
        ...flags.matrix(),
      ],
      notes: `A cell counts the units coded (by the rule \`telaah query\` uses), the participants who said them, and
what share they are of the participants with that value in the project (within --where when it names a
participant attribute). Units without a participant (observation notes, documents, unnamed speakers) have no
participant attribute and are left out, with their number under the table; --by source.KEY groups units by
their source instead (the share is then of the sources with that value). Participants without the
attribute form a (none) column when they said any of it. --cell quotes shows each cell's shortest units of
at least 30 characters as quotes (shorter ones only when a cell has no other), cut at 160 characters.`,
      examples: [
        'telaah matrix attributes --by site',
        'telaah matrix attributes --by category --code barrier --where group=pekerja-rentan',
        'telaah matrix attributes --by group --cell quotes --quotes 3 --csv > framework-chart.csv',
        'telaah matrix attributes --by source.type --categories',
      ],
      load: () => import('./commands/matrix-attributes.js'),
    },

    {
      command: 'agree',
      summary: "inter-coder agreement per code: percent agreement, Cohen's kappa, Krippendorff's alpha, pooled (and P/R/F1 of auto against a human)",
      options: [
        flags.list('--coders <list>', 'the coders to compare, comma-separated (at least two; `auto` and `suggest` are coders too)').makeOptionMandatory(),
        new Option('--unit <unit>', 'the unit judged (default: turn)').choices(['turn', 'sentence']),
        new Option('--all-sources', 'compare every source any of the coders coded (a coder who did not code a source is missing there)'),
        new Option('--exclude-uncoded', 'leave out units no coder gave any compared code'),
        new Option('--disagreements', 'list each unit the coders judged differently, with its text and each coder\'s codes (with --csv: the list instead of the table)'),
        flags.list('--codes <list>', 'only these codes, comma-separated (a category means the codes below it)'),
        flags.list('--source <names>', 'only these sources, comma-separated or repeated'),
        ...flags.listing(),
      ],
      notes: `For each code, every unit is a yes/no judgement per coder (the coder gave the unit the code or not, as
they coded it: auto's rejected proposals count as auto's). By default only sources every coder coded are
compared, since a source one coder never opened would count as all "no" for them. --all-sources adds the
sources only some coders coded, the others missing there: a unit counts when two or more coders judged
it (alpha handles missing data; kappa takes the units all judged), so with two coders only the number of
units changes. Interviewer turns are never units. (pooled) takes every code × unit judgement as one item; (mean) averages
over codes. kappa is Cohen's for two coders, Fleiss' for more; a dash means undefined (no variation).
With a machine coder (auto, suggest) against one human, P/R/F1 score the machine against the human.`,
      examples: [
        'telaah agree --coders ana,budi',
        'telaah agree --coders ana,auto --codes barrier        # how far to trust auto-coding of barriers',
        'telaah agree --coders ana,budi --disagreements --source 09-sumiati',
        'telaah agree --coders ana,budi,cici --unit sentence --all-sources --json',
      ],
      load: () => import('./commands/agree.js'),
    },

    {
      command: 'report',
      summary: 'the thematic report: study overview, method, each code with counts, triangulation, quotes and memos, figures, joint display, appendix',
      options: [
        new Option('-o, --output <file>', 'the file to write (replaced if it exists); - writes Markdown, JSON or HTML to stdout').makeOptionMandatory(),
        new Option('--format <format>', 'docx, html, md or json (default: from the file extension)').choices(['docx', 'html', 'md', 'json']),
        flags.codes('only these codes, each with the codes below it, comma-separated'),
        flags.origin('count only these origins, comma-separated (suggested counts only when named)'),
        new Option('--lang <lang>', "language of headings and fixed phrases (default: the codebook's first language, else id)").choices(['id', 'en']),
        flags.day('--date <day>', 'the date printed on the title page, YYYY-MM-DD (without it the report holds no date)'),
        flags.text('--outcome <attribute>', 'the participant attribute for the joint display, e.g. enrolled_after (default: report.outcome of telaah.yaml)'),
      ],
      notes: `Counts follow the evidence rules and agree with stats, codebook show and triangulate. Quotes (3-5 per code)
are whole sentences or turns chosen to span source types and participants, preferring units a person coded.
Agreement figures appear when two or more human coders coded the same sources (as \`telaah agree\` at the
turn). The same project gives the same bytes: nothing depends on the clock unless --date is given.
--format json writes the report's data (see README) for other programs.`,
      examples: [
        'telaah report -o laporan.md',
        'telaah report --format json -o - | jq ".themes[].counts"',
        'telaah report -o report.md --lang en --codes barrier,outcome --date 2026-03-01',
        'telaah report -o laporan.md --origin manual,accepted --outcome enrolled_after',
      ],
      load: () => import('./commands/report.js'),
    },
    {
      command: 'member-check',
      summary: "a Word packet for one participant: their own turns with the themes people gave them, a plain summary, and a note inviting corrections",
      args: [{ name: '<participant>', description: 'the participant\'s pseudonym (see `telaah participants list`)' }],
      options: [
        new Option('-o, --output <file>', 'the .docx file to write (replaced if it exists)').makeOptionMandatory(),
        new Option('--lang <lang>', 'language of the packet (default: id)').choices(['id', 'en']),
      ],
      notes: `Holds only the participant's words (source by source, in order), never anyone else's, and only the
themes a person gave or accepted: unreviewed and rejected automatic codings are left out. Everything comes
from the stored, pseudonymized texts, so the participant appears under their pseudonym.`,
      examples: ['telaah member-check Sumiati -o member-check-sumiati.docx', 'telaah member-check Hendra -o hendra.docx --lang en'],
      load: () => import('./commands/member-check.js'),
    },

    {
      command: 'search',
      summary: 'find words across the sources, stem-aware: each sentence that holds them, in context, with source, segment and speaker',
      args: [{ name: '<words...>', description: 'words (all must occur in a sentence); an argument of several words, or "quoted" words, is a phrase; daft* a word start' }],
      options: [
        new Option('--exact', 'match the words as written (case and diacritics aside), not their stems'),
        new Option('--any', 'a sentence needs one of the words or phrases, not all'),
        flags.sourceType('only this source type'),
        flags.text('--source <name>', 'only this source'),
        flags.where('only what participants with this attribute or group said, e.g. site=Medan'),
        flags.number('--limit <n>', 'at most this many hits (default: 50 on a terminal, all otherwise)', { min: 1, max: Number.MAX_SAFE_INTEGER, whole: true, example: '200' }),
        ...flags.listing(),
      ],
      notes: `Words are matched by their stems with the stemmers of the auto-coder, in the languages of telaah.yaml:
daftar finds mendaftar, pendaftaran and didaftarkan; --exact finds daftar and Daftar only. Units are
sentences (and turns or paragraphs without sentences); interviewer turns are searched too and their
speaker is shown in [brackets]. Nothing in the words is syntax but quotes and a final *: AND, OR and -
are searched as words or ignored. The first search indexes the project (a progress line on a terminal);
later ones index only sources added or replaced since.`,
      examples: [
        'telaah search daftar',
        'telaah search "kartu keluarga" --type interview',
        'telaah search \'"kartu keluarga" iuran\'        # the phrase and the word',
        'telaah search daftar --exact --where group=pekerja-rentan',
        'telaah search iuran mahal --any --json | jq ".[].segment"',
      ],
      load: () => import('./commands/search.js'),
    },

    {
      command: 'stats',
      summary: 'what the project holds (sources, turns, words, media time, participants, codings), then coded segments, sources and participants per code',
      options: [
        flags.sourceType('only sources of this type'),
        flags.coder("count only this coder's codings in the code table"),
        flags.origin('count only these origins in the code table, comma-separated (suggested counts only when named)'),
        new Option('--by <what>', 'split the code table into one column group per coder or per origin').choices(['coder', 'origin']),
        ...flags.listing(),
      ],
      notes: `Code counts follow the evidence rules, as codebook show and triangulate count: rejected proposals never
count, suggestions only with --origin suggested, each segment once per code, and a category counts each
segment once whichever of its codes it carries. Media minutes run from the start of each recording to its
last time stamp; sources without time stamps are counted as untimed ("unknown" when none has times).
--csv prints the code table; --json prints everything (see README).`,
      examples: ['telaah stats', 'telaah stats --type fgd', 'telaah stats --by coder --origin manual,accepted', 'telaah stats --csv > codes.csv', 'telaah stats words --top 50'],
      load: () => import('./commands/stats.js'),
    },
    {
      command: 'stats words',
      summary: "the commonest words (or stems) of participants' turns, without Indonesian and English stop-words",
      options: [
        flags.sourceType('only sources of this type (observation or document: their notes, which have no speaker)'),
        flags.text('--source <name>', 'one source'),
        flags.where('only turns of participants with this attribute or group, e.g. category=ojol'),
        new Option('--include-interviewer', 'count interviewer and moderator turns too'),
        flags.number('--top <n>', 'how many words to list (default: 30)', { min: 1, max: Number.MAX_SAFE_INTEGER, whole: true, example: '50' }),
        new Option('--stems', 'count stems (daftar for mendaftar, pendaftaran, …), each with its commonest forms'),
        new Option('--keep-stop-words', 'count stop-words too (yang, di, nggak, udah, the, and, …)'),
        ...flags.listing(),
      ],
      notes: `Words are counted as the auto-coder reads them, lower-cased; numbers and single letters are left out,
and so are the stop-words of src/core/text/stop-words.ts (function words of both languages, with the
colloquial nggak, udah, aja, sih, dong, kayak, gitu, …). Stems use the Indonesian stemmer, or Porter for
sources whose language is en. Reads one source at a time, however large the project; a large project is
shared among threads, one per core up to 4 (TELAAH_THREADS=n sets how many).`,
      examples: ['telaah stats words', 'telaah stats words --stems --where group=pekerja-rentan', 'telaah stats words --type fgd --top 50 --csv > words.csv', 'telaah stats words --type observation'],
      load: () => import('./commands/stats-words.js'),
    },

    {
      group: 'memo',
      summary: 'write, list, edit and remove memos on the project, a source, a segment, a code or a participant',
      examples: ['telaah memo add code:barrier/distrust "Muncul setelah kasus klaim ditolak"', 'telaah memo list --target source:09-sumiati'],
    },
    {
      command: 'memo add',
      summary: 'write a memo on the project, a source, a segment, a code or a participant',
      args: [
        { name: '<target>', description: 'project, source:NAME, segment:NAME:T.S (or :T), code:ID or participant:PSEUDONYM' },
        { name: '<text>', description: 'the memo; - reads it from stdin' },
      ],
      options: [flags.text('--author <name>', 'who writes it (default: TELAAH_USER or the login name)'), flags.json('print the memo as JSON')],
      notes: `A memo on a source follows \`sources rename\` and goes with \`sources remove\`; on a segment it stays with
its sentence when the file is ingested again with --replace (or goes to the source, listed, when the
sentence changed); on a code it follows \`code rename\`/\`code merge\`. Segment memos show in \`codings list\`,
code and segment memos in \`triangulate --code\`. The audit trail records the memo's id and target, never
its text. A coding's own note (\`code add --memo\`) is something else: it belongs to that one coding.`,
      examples: [
        'telaah memo add segment:09-sumiati:20.3 "KK masih di Tebing Tinggi: dokumen, bukan kemauan"',
        'telaah memo add code:barrier/distrust "Muncul setelah kasus klaim ditolak" --author rina',
        'telaah memo add project - < refleksi-minggu-3.md',
      ],
      load: () => import('./commands/memo-add.js'),
    },
    {
      command: 'memo list',
      summary: 'list memos, oldest first (on a terminal with their whole text)',
      options: [
        flags.text('--target <target>', 'one target (a source includes its segments, a code the codes below it) or a kind: source, segment, code, participant, project'),
        flags.text('--author <name>', 'one author'),
        ...flags.listing(),
      ],
      examples: ['telaah memo list', 'telaah memo list --target code:barrier --author rina', 'telaah memo list --target segment --json'],
      load: () => import('./commands/memo-list.js'),
    },
    {
      command: 'memo edit',
      summary: "give a memo new text, move it to another target, or both (its author and creation time stay)",
      args: [
        { name: '<id>', description: 'the memo id (memo list shows it)' },
        { name: '[text]', description: 'the new text; - reads it from stdin' },
      ],
      options: [flags.text('--target <target>', 'move the memo: project, source:NAME, segment:NAME:T.S, code:ID or participant:PSEUDONYM')],
      examples: ['telaah memo edit 12 "Dokumen KK, bukan kemauan: lihat juga obs03"', 'telaah memo edit 12 --target segment:09-sumiati:21.1'],
      load: () => import('./commands/memo-edit.js'),
    },
    {
      command: 'memo remove',
      summary: 'delete memos by id (an id that is not a memo refuses them all)',
      args: [{ name: '<ids...>', description: 'memo ids' }],
      examples: ['telaah memo remove 12', 'telaah memo remove 3 4 5'],
      load: () => import('./commands/memo-remove.js'),
    },

    {
      group: 'export',
      summary: 'write the project out: REFI-QDA for NVivo, ATLAS.ti, MAXQDA and QualCoder; CSV tables for R, SPSS and Excel; codings as JSON Lines for another coder',
      examples: ['telaah export qdpx study.qdpx', 'telaah export qdc codebook.qdc', 'telaah export csv --what quotes -o quotes.csv --bom', 'telaah export codings --coder ana -o codings-ana.jsonl'],
    },
    {
      command: 'export csv',
      summary: 'a table for R, SPSS or Excel: segments, codings, a matrix, or coded quotes with attributes and code path',
      options: [
        new Option('--what <table>', 'segments (every turn and sentence), codings (as codings list --csv), matrix, or quotes (one row per coded quote)')
          .choices(['segments', 'codings', 'matrix', 'quotes'])
          .makeOptionMandatory(),
        flags.text('-o, --out <file>', 'write to this file (atomically: it appears whole or not at all); default stdout'),
        new Option('--bom', 'start with a UTF-8 byte order mark, so Excel reads the accents right'),
        flags.code('codings, quotes: this code and its descendants; matrix: the codes below this category as rows'),
        flags.codes('matrix: these codes as rows, comma-separated'),
        flags.coder("only this coder's codings"),
        flags.origin('origins, comma-separated: auto, manual, accepted, imported, suggested (counted only when named); rejected (codings only: the rejections)', LISTED_ORIGINS_AND_REJECTED),
        flags.text('--source <name>', 'one source'),
        flags.sourceType('one source type'),
        flags.where('codings, quotes, matrix: participant or source attribute, e.g. site=Medan'),
        flags.unit('segments: only turns or only sentences (default both); matrix: the unit counted'),
        new Option('--matrix <kind>', 'matrix: attributes (codes against --by KEY, the default) or cooccurrence (codes against codes)').choices(['attributes', 'cooccurrence']),
        flags.text('--by <key>', 'matrix attributes: a participant attribute or group, or source.KEY (as matrix attributes --by)'),
        new Option('--categories', 'matrix: also a row for each category'),
        new Option('--jaccard', 'matrix cooccurrence: the Jaccard index instead of counts'),
      ],
      notes: `Columns are fixed and documented in the README (Exporting). segments: source, source_type, segment,
turn, sentence, speaker, role, participant, participant_group, participant_KEY for every participant
attribute, start, end (code points), start_ms, end_ms, media_time, text. codings: the columns of
\`codings list --csv\`, with its filters and evidence rules. matrix: what \`matrix attributes --by KEY --csv\`
or \`matrix cooccurrence --csv\` prints. quotes: one row per unit that counts as evidence for a code (as
codebook show and triangulate count: each segment once per code, a coded turn absorbing its sentences),
with the source's fields and attributes (source_KEY), the participant's (participant_KEY), the whole
unit's text, code, code_label, code_1 … code_N (the label of each level of the code's path), coders and
origins. A cell starting with = + - @ (or a tab or carriage return) gets a leading ' so a spreadsheet
never runs it as a formula; numbers stay numbers. Rows are written as they are read.`,
      examples: [
        'telaah export csv --what quotes -o quotes.csv --bom          # for Excel',
        'telaah export csv --what segments --unit sentence -o sentences.csv',
        'telaah export csv --what codings --origin manual,accepted -o codings.csv',
        'telaah export csv --what matrix --by group --code barrier -o barriers-by-group.csv',
        'telaah export csv --what matrix --matrix cooccurrence --jaccard > cooccurrence.csv',
      ],
      load: () => import('./commands/export-csv.js'),
    },
    {
      command: 'export codings',
      summary: 'codings as JSON Lines anchored by source sha256, offsets and quoted text, sorted, for git and `import codings`',
      options: [
        new Option('--jsonl', 'JSON Lines, one coding per line (the format, and the default)'),
        flags.text('-o, --out <file>', 'write to this file (atomically); default stdout'),
        flags.coder("only this coder's codings"),
        flags.origin('origins, comma-separated (default: manual,accepted,imported, the human codings)'),
        flags.code('only this code and its descendants'),
        flags.text('--source <name>', 'one source'),
      ],
      notes: `Each line: {"source","sha256","segment","start","end","code","coder","origin","memo","createdAt","text"}
(plus "confidence" for suggestions), sorted by sha256, start, end, code and coder, so two coders' files
diff and merge line by line in git. start/end are code points of the source's text and text is the
words they span. Rejected proposals are never written; review decisions and memos are not codings and
stay behind.`,
      examples: ['telaah export codings --coder ana -o codings/ana.jsonl', 'telaah export codings --origin manual,accepted,auto > all.jsonl'],
      load: () => import('./commands/export-codings.js'),
    },
    {
      group: 'import',
      summary: "bring other people's work into the project: REFI-QDA projects and codebooks, another coder's codings",
      examples: ['telaah import qdpx nvivo-export.qdpx --into study', 'telaah import qdc atlas-codebook.qdc', 'telaah import codings codings/budi.jsonl --dry-run'],
    },
    {
      command: 'import codings',
      summary: "merge another coder's codings (from `export codings`) into this project, reporting conflicts and text that moved",
      args: [{ name: '<file>', description: 'a JSON Lines file written by `telaah export codings`' }],
      options: [new Option('--dry-run', 'report what would happen and change nothing'), flags.json('print the summary as JSON')],
      notes: `Sources are matched by sha256 (a source with another sha256 but the same name is tried too, its codings
placed by their quoted text). A coding goes on the segment its address and offsets name when the text
there is the quoted text; otherwise the quoted text is looked for in the source (re-anchored, nearest to
where it was) or the coding is reported as not anchored. A coder's coding already here is left as it is:
the same one is "already present", a different origin, memo or span (or a rejection of that code there
by that coder) is a conflict, reported and not imported. Codes not in the current codebook are reported
and not imported (apply a codebook that has them first). Sources not in the project are reported. All or
nothing: one transaction; a malformed line is an error at FILE:LINE and nothing is imported.`,
      examples: ['telaah import codings codings/budi.jsonl --dry-run', 'telaah import codings codings/budi.jsonl && telaah agree --coders ana,budi'],
      load: () => import('./commands/import-codings.js'),
    },

    {
      command: 'log',
      summary: 'the audit trail: who changed the project, when, with which command, and what changed (newest first)',
      options: [
        flags.text('--command <name>', 'one command (code add) or a group of them (code)'),
        flags.text('--actor <name>', 'one person (as TELAAH_USER or the login name gave it)'),
        sinceOption('entries from this day (local time) or moment on: 2026-01-31, "2026-01-31 14:00"'),
        flags.number('--limit <n>', `at most this many, the latest (default on a terminal: 20; otherwise all)`, { min: 1, max: Number.MAX_SAFE_INTEGER, whole: true, example: '50' }),
        ...flags.listing(),
      ],
      notes: `Every command that changed the project is recorded with its arguments and counts (ingest's added and
replaced files, code add's codings, …). Memo commands record the memo's id and target, not its text.`,
      examples: ['telaah log', 'telaah log --command code --since 2026-01-01', 'telaah log --actor rina --json | jq ".[0]"'],
      load: () => import('./commands/log.js'),
    },
    {
      command: 'migrate',
      summary: 'upgrade a project written by an older telaah to the current database schema (a backup is written first)',
      notes: `The old database is first copied beside the new one, named for its schema (telaah.db.schema-5.bak), and
kept. Commands that change the project upgrade it the same way by themselves and say so; commands that only read
(stats, codings list, report, export, …) refuse an older project with exit 3 instead of changing it. A project
from a newer telaah is refused by every command: upgrade telaah to open it.`,
      examples: ['telaah migrate', 'telaah migrate -C ../pilot-study'],
      load: () => import('./commands/migrate.js'),
    },

    {
      command: 'export qdpx',
      summary: 'the project as a REFI-QDA archive: sources, codebook, codings, participants (cases) and memos (notes)',
      args: [{ name: '<file>', description: 'the .qdpx file to write (replaced if it exists)' }],
      options: [
        flags.coder("only this coder's codings"),
        flags.origin('codings of these origins, comma-separated (default: auto, manual, accepted, imported, as codings list; suggested only when named; manual,accepted leaves unreviewed auto codings out)', LISTED_ORIGINS),
        flags.json('print what was written as JSON'),
      ],
      notes: `Codings follow the evidence rules: a rejected proposal is never exported, a suggestion only with
--origin suggested. Each coding is exported on the sentence or turn it codes, by its coder (Users: the
coders, "telaah auto-coder" for auto). Participants are cases with their attributes as variables; source
fields are variables named source.type, source.date, source.site, …; memos are notes. GUIDs are the same on
every export of the project, and the same project gives the same bytes.`,
      examples: ['telaah export qdpx study.qdpx', 'telaah export qdpx reviewed.qdpx --origin manual,accepted', 'telaah export qdpx rina.qdpx --coder rina'],
      load: () => import('./commands/export-qdpx.js'),
    },
    {
      command: 'export qdc',
      summary: "the project's current codebook as a REFI-QDA codebook (.qdc), definitions as descriptions",
      args: [{ name: '<file>', description: 'the .qdc file to write (replaced if it exists)' }],
      examples: ['telaah export qdc bpjs-codebook.qdc'],
      load: () => import('./commands/export-qdc.js'),
    },

    {
      command: 'import qdpx',
      summary: 'a REFI-QDA project into a new project (--into DIR) or this one: text sources, codes, codings, cases and notes',
      args: [{ name: '<file>', description: 'the .qdpx file (from NVivo, ATLAS.ti, MAXQDA, QualCoder or telaah)' }],
      options: [
        flags.text('--into <dir>', 'make a new project in this folder and import into it'),
        new Option('--crlf <count>', 'how the file counts a CRLF line end: 1 (ATLAS.ti) or 2 (others); default from the file\'s origin').choices(['1', '2']),
        flags.json('print what was imported as JSON'),
      ],
      notes: `Source texts are kept as they are (made canonical: no BOM, LF line ends, NFC) with the positions carried
over; turns and sentences are found as ingest finds them. Codings get origin imported and the REFI user as
coder; a selection across turns codes each turn. Cases become participants (variables as attributes),
notes become memos. A broken file (not well-formed, a selection outside its text, a coding of a code the
file lacks, no .qde) is refused with one line and nothing is imported.`,
      examples: ['telaah import qdpx nvivo-export.qdpx --into study-nvivo', 'telaah import qdpx atlas.qdpx --into study --crlf 1', 'cd study && telaah import qdpx more-interviews.qdpx'],
      load: () => import('./commands/import-qdpx.js'),
    },
    {
      command: 'import qdc',
      summary: 'a REFI-QDA codebook (.qdc) as a telaah codebook file (YAML) to read, extend and apply',
      args: [{ name: '<file>', description: 'the .qdc file' }],
      options: [
        flags.text('--output <file>', 'the codebook file to write (default: the .qdc name with .yaml, in the current folder)'),
        new Option('--use', "apply it as the project's codebook at once (as `telaah codebook use` does)"),
      ],
      notes: `Code names become ids (lower case, - between words, / between levels) and stay as labels; descriptions
become definitions; colours are kept. The codebook has no patterns: add them for \`code auto\`, or code by hand.`,
      examples: ['telaah import qdc atlas-codebook.qdc && telaah codebook use atlas-codebook.yaml', 'telaah import qdc nvivo.qdc --output codebooks/nvivo.yaml --use'],
      load: () => import('./commands/import-qdc.js'),
    },

    {
      command: 'demo',
      summary: 'build a demo project from the bundled sample study and show what telaah found',
      args: [{ name: '[dir]', description: 'folder for the demo project', default: 'telaah-demo' }],
      examples: ['npx telaah demo', 'telaah demo /tmp/demo && cd /tmp/demo && telaah sources list'],
      load: () => import('./commands/demo.js'),
    },
  ];
}

/** The help text after a command's options: its notes, then its examples. */
function helpAfter(notes: string | undefined, examples: readonly string[]): string {
  return `${notes ? `\n${notes}\n` : ''}\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`;
}

/**
 * A subcommand of a command (`stats words`) receives the options its parent parsed: commander lets the
 * parent take its options wherever they stand, so `stats words --type fgd` arrives as the parent's
 * --type. An option only the parent declares (`stats words --by coder`) would then be ignored in
 * silence; it is refused as unknown instead. The program's own options (--project) stay global.
 */
function refuseParentOnlyOptions(command: Command): void {
  const own = new Set(command.options.map((o) => o.attributeName()));
  for (let parent = command.parent; parent?.parent; parent = parent.parent) {
    const given = parent.options.find((o) => !own.has(o.attributeName()) && parent!.getOptionValueSource(o.attributeName()) === 'cli');
    if (given) command.error(`error: unknown option '${given.long ?? given.flags}'`, { code: 'commander.unknownOption', exitCode: 2 });
  }
}

/** Builds the commander program from the command table; `setExitCode` receives what the command returned. */
export function buildProgram(ctx: Ctx, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('telaah')
    .description('Qualitative research analysis in the terminal: ingest, pseudonymize, code, audit, report.')
    .version(VERSION, '-V, --version')
    .option('-C, --project <dir>', 'the project folder (default: found from the current folder upwards)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .exitOverride()
    // Help fits the terminal (subcommands inherit both settings); 20: wrap even beside long option names.
    .configureHelp({ helpWidth: ctx.columns, minWidthToWrap: 20 })
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(fitHelpText(text, ctx.columns)),
      writeErr: (text) => ctx.stderr.write(text),
      // Usage errors read like every other telaah error: one line, the suggestion on it.
      outputError: (text, write) => write(text.replace(/^error: /, 'telaah: ').replace(/\n\((Did you mean [^)]*)\)/, '. $1')),
    })
    .addHelpText(
      'after',
      helpAfter(undefined, [
        'telaah demo                       build a demo project from the bundled sample study',
        'telaah init my-study && cd my-study',
        'telaah participants import participants.csv',
        'telaah ingest transcripts/ --pseudonyms names.csv',
        'telaah sources list',
        'telaah codebook use codebook.yaml && telaah code auto',
        'telaah review',
      ]),
    );

  const run =
    (load: () => Promise<CommandModule>) =>
    async (...params: unknown[]): Promise<void> => {
      const command = params[params.length - 1] as Command;
      const args = params.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
      refuseParentOnlyOptions(command);
      const opts = command.optsWithGlobals();
      const effective: Ctx = opts.color === false || opts.json === true ? { ...ctx, color: false } : ctx;
      const module = await load();
      setExitCode(await module.run(effective, args, opts as never));
    };

  // A command may also have subcommands (`stats` and `stats words`), so parents are found among both.
  const groups = new Map<string, Command>();
  for (const entry of commandTable()) {
    if ('group' in entry) {
      groups.set(entry.group, program.command(entry.group).description(entry.summary).addHelpText('after', helpAfter(undefined, entry.examples)));
      continue;
    }
    const words = entry.command.split(' ');
    const parent = words.length > 1 ? groups.get(words[0]!)! : program;
    const command = parent.command(words[words.length - 1]!).description(entry.summary);
    // Its own options stop at a subcommand's name: `stats words --type fgd` is the subcommand's --type.
    if (words.length === 1) groups.set(words[0]!, command.enablePositionalOptions());
    for (const arg of entry.args ?? []) command.argument(arg.name, arg.description, arg.default);
    for (const option of entry.options ?? []) command.addOption(option);
    command.addHelpText('after', helpAfter(entry.notes, entry.examples)).action(run(entry.load));
  }
  return program;
}
