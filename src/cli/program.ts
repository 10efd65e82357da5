import { Command, Option } from 'commander';
import type { Ctx } from './context.js';
import type { ExitCode } from './exit-code.js';
import { fitHelpText } from './fit-help.js';
import { VERSION } from './version.js';

/** Options every command receives, whatever it declares. */
export interface GlobalOptions {
  project?: string;
  color?: boolean;
}

type Runner = (ctx: Ctx, args: string[], opts: Record<string, unknown>) => Promise<ExitCode>;

/**
 * Builds the commander program. Command modules are imported only when their command runs, so
 * `telaah --help` never loads sqlite, docx or mammoth.
 */
export function buildProgram(ctx: Ctx, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('telaah')
    .description('Qualitative research analysis in the terminal: ingest, pseudonymize, code, audit, report.')
    .version(VERSION, '-V, --version')
    .option('-C, --project <dir>', 'the project folder (default: found from the current folder upwards)')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    // Help fits the terminal (subcommands inherit both settings); 20: wrap even beside long option names.
    .configureHelp({ helpWidth: ctx.columns, minWidthToWrap: 20 })
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(fitHelpText(text, ctx.columns)),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ telaah demo                       build a demo project from the bundled sample study
  $ telaah init my-study && cd my-study
  $ telaah participants import participants.csv
  $ telaah ingest transcripts/ --pseudonyms names.csv
  $ telaah sources list
  $ telaah codebook use codebook.yaml && telaah code auto
  $ telaah review`,
    );

  const lazy =
    (load: () => Promise<{ run: Runner }>) =>
    async (...params: unknown[]): Promise<void> => {
      const command = params[params.length - 1] as Command;
      const args = params.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
      const opts = command.optsWithGlobals() as Record<string, unknown>;
      const effective: Ctx = opts.color === false || opts.json === true ? { ...ctx, color: false } : ctx;
      const { run } = await load();
      setExitCode(await run(effective, args, opts));
    };

  program
    .command('init')
    .description('create a new project (telaah.yaml and its database) in DIR or the current folder')
    .argument('[dir]', 'folder for the project; created if missing', '.')
    .option('--name <name>', 'the study name written to telaah.yaml (default: the folder name)')
    .addHelpText('after', '\nExamples:\n  $ telaah init bpjs-study\n  $ telaah init . --name "BPJS Ketenagakerjaan study"')
    .action(lazy(() => import('./commands/init.js')));

  const participants = program
    .command('participants')
    .description('import and list study participants (pseudonyms and attributes)')
    .addHelpText('after', '\nExamples:\n  $ telaah participants import participants.csv\n  $ telaah participants list --csv');
  participants
    .command('import')
    .description('add participants from a CSV with a pseudonym column, a group column and any attributes, or update them')
    .argument('<csv>', 'CSV file; header names pseudonym, group and further attribute columns')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
A participant already in the project (same pseudonym, any case) is updated column by column: each column
of the file replaces that attribute, columns the file lacks keep their values, and an empty cell keeps the
old value too (an import never clears one). The pseudonym column may be called pseudonym, pseudonim,
alias, samaran, nama_samaran, participant, peserta, code, kode or id; a file without one is refused.

Examples:
  $ telaah participants import samples/bpjs-medan/participants.csv
  $ telaah participants import enrolment-2025.csv     # pseudonym,enrolled_after: adds one attribute`,
    )
    .action(lazy(() => import('./commands/participants-import.js')));
  participants
    .command('list')
    .description('list participants with their attributes and how many turns they speak')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addHelpText('after', '\nExamples:\n  $ telaah participants list\n  $ telaah participants list --json | jq ".[].pseudonym"')
    .action(lazy(() => import('./commands/participants-list.js')));

  program
    .command('ingest')
    .description('read transcripts, notes and documents (txt, md, vtt, srt, csv, docx) into the project')
    .argument('<paths...>', 'files and folders (folders are read recursively)')
    .addOption(
      new Option('--type <type>', 'source type for every file (default: front matter, then folder name)').choices([
        'interview',
        'fgd',
        'observation',
        'document',
      ]),
    )
    .option('--pseudonyms <csv>', 'replace real names with pseudonyms (CSV: real_name,pseudonym[,variants]) before storing')
    .option('--speakers <csv>', 'map speaker labels to participants (CSV: label,pseudonym)')
    .option('--replace', 'replace sources whose file changed, or that this run\'s options would store differently (human codings on unchanged sentences are kept)')
    .option('--lenient', 'skip malformed subtitle cues with a warning instead of refusing the file')
    .option('--language <code>', 'language of the texts (default: the first of telaah.yaml languages)')
    .option('--speaker-column <name>', 'CSV transcripts: the column holding the speaker')
    .option('--text-column <name>', 'CSV transcripts: the column holding the text')
    .option('--start-column <name>', 'CSV transcripts: the column holding the start time')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Source types come from --type, else the file's front matter (type: interview), else the folder name
(interviews/, fgd/, observations/, documents/). Unchanged files are skipped; each file is its own transaction.
A source is found again by its file's path; files with the same name in different folders get the folder
in front (site-a-w01, site-b-w01).

Examples:
  $ telaah ingest samples/bpjs-medan --pseudonyms samples/bpjs-medan/pseudonyms.csv
  $ telaah ingest zoom-export.vtt --type fgd --speakers speakers.csv
  $ telaah ingest answers.csv --type document --text-column jawaban
  $ telaah ingest transcripts/ --pseudonyms names.csv --replace   # apply a map to sources ingested without it`,
    )
    .action(lazy(() => import('./commands/ingest.js')));

  const sources = program
    .command('sources')
    .description('list, show and correct ingested sources')
    .addHelpText('after', '\nExamples:\n  $ telaah sources list\n  $ telaah sources show 09-sumiati\n  $ telaah sources set 09-sumiati site=Binjai');
  sources
    .command('list')
    .description('list sources with type, date, site and counts')
    .addOption(new Option('--type <type>', 'only this source type').choices(['interview', 'fgd', 'observation', 'document']))
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addHelpText('after', '\nExamples:\n  $ telaah sources list --type fgd\n  $ telaah sources list --json')
    .action(lazy(() => import('./commands/sources-list.js')));
  sources
    .command('show')
    .description('print a source turn by turn with speakers, participants and timestamps')
    .argument('<name>', 'source name (the file name without extension)')
    .option('--sentences', 'number each sentence (T.S) as it can be addressed in coding')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah sources show 02-hendra\n  $ telaah sources show fgd1-medan-pekerja --sentences | less -R')
    .action(lazy(() => import('./commands/sources-show.js')));
  sources
    .command('remove')
    .description('delete sources with their segments, codings and review decisions (asks first when human work would go)')
    .argument('<names...>', 'source names')
    .option('--yes', 'remove even when human codings or review decisions go with them, without asking')
    .addHelpText(
      'after',
      `
Says what goes with each source. When human codings or review decisions would go, it asks on a terminal;
elsewhere it refuses (exit 2, nothing removed) unless --yes is given.

Examples:
  $ telaah sources remove w01-draft
  $ telaah sources remove obs01-old obs02-old --yes`,
    )
    .action(lazy(() => import('./commands/sources-remove.js')));
  sources
    .command('rename')
    .description('give a source a new name; its codings and review decisions stay with it')
    .argument('<old>', 'the current name')
    .argument('<new>', 'the new name (unique)')
    .addHelpText('after', '\nExamples:\n  $ telaah sources rename interviews-w01 w01-sumiati')
    .action(lazy(() => import('./commands/sources-rename.js')));
  sources
    .command('set')
    .description('set a source\'s date, site, language, type or any attribute (key= removes an attribute)')
    .argument('<name>', 'source name')
    .argument('<settings...>', 'key=value: date=YYYY-MM-DD, site=…, language=…, type=interview|fgd|observation|document, or any attribute')
    .addHelpText(
      'after',
      `
Values set here are kept when the source is ingested again with --replace, unless the file itself gives
that field (front matter).

Examples:
  $ telaah sources set fgd1-medan-pekerja date=2025-04-19 site=Medan
  $ telaah sources set obs03 observer=Rina weather=hujan
  $ telaah sources set w01-sumiati note=`,
    )
    .action(lazy(() => import('./commands/sources-set.js')));

  const anonymity = program
    .command('anonymity')
    .description('check the project for identifying names')
    .addHelpText('after', '\nExamples:\n  $ telaah anonymity check --pseudonyms names.csv');
  anonymity
    .command('check')
    .description('list every real name from the map still present in the project (exit 1 if any)')
    .requiredOption('--pseudonyms <csv>', 'the real-name map used at ingest (CSV: real_name,pseudonym[,variants])')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah anonymity check --pseudonyms samples/bpjs-medan/pseudonyms.csv')
    .action(lazy(() => import('./commands/anonymity-check.js')));

  const codebook = program
    .command('codebook')
    .description('check, choose, show, compare and test the YAML codebook (see docs/codebook.md)')
    .addHelpText('after', '\nExamples:\n  $ telaah codebook validate codebooks/bpjs-social-work.yaml\n  $ telaah codebook use codebooks/bpjs-social-work.yaml');
  codebook
    .command('validate')
    .description('report every problem in a codebook at file:line:col (exit 2 if any is an error)')
    .argument('[file]', "codebook file (default: the project's current codebook, as stored)")
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah codebook validate codebooks/bpjs-social-work.yaml\n  $ telaah codebook validate            # the project\'s current codebook')
    .action(lazy(() => import('./commands/codebook-validate.js')));
  codebook
    .command('use')
    .description("store a codebook file as a version and make it the project's current one (nothing is coded yet)")
    .argument('<file>', 'codebook file')
    .addHelpText(
      'after',
      `
Commands read the stored version, not the file: edit the file, raise its version:, and run this again.
A file whose name and version are already stored with other content is refused. Codes with human
codings that the new version leaves out are named, with \`telaah code rename\`/\`code merge\` to move them.

Examples:
  $ telaah codebook use codebooks/bpjs-social-work.yaml && telaah code auto`,
    )
    .action(lazy(() => import('./commands/codebook-use.js')));
  codebook
    .command('show')
    .description('print the code tree with labels and how many codings each code has')
    .argument('[file]', "codebook file (default: the project's current codebook, as stored)")
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah codebook show\n  $ telaah codebook show codebooks/bpjs-social-work.yaml --json')
    .action(lazy(() => import('./commands/codebook-show.js')));
  codebook
    .command('diff')
    .description('list the codes added, removed and changed from one codebook to another')
    .argument('<a>', 'the earlier codebook file')
    .argument('<b>', 'the later codebook file')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah codebook diff old.yaml codebooks/bpjs-social-work.yaml')
    .action(lazy(() => import('./commands/codebook-diff.js')));
  codebook
    .command('test')
    .description("run each code's examples and counterexamples through the auto-coder (exit 1 on a miss)")
    .argument('[file]', "codebook file (default: the project's current codebook, as stored)")
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ telaah codebook test codebooks/bpjs-social-work.yaml   # e.g. as a CI step')
    .action(lazy(() => import('./commands/codebook-test.js')));

  const code = program
    .command('code')
    .description('code segments: automatically from the codebook, or by hand; rename and merge codes')
    .addHelpText(
      'after',
      '\nExamples:\n  $ telaah code auto\n  $ telaah code add 09-sumiati 20.3 barrier/documentation --memo "KK di kampung"\n  $ telaah code rename barrier/documentation barrier/identity-documents',
    );
  code
    .command('auto')
    .description("code every unit with the current codebook's patterns (interviewer turns left out); human codings are kept")
    .option('--codebook <file>', "apply this codebook file first, making it the project's current one (as `telaah codebook use` does)")
    .addOption(new Option('--unit <unit>', 'coding unit (default: coding_unit of telaah.yaml)').choices(['sentence', 'turn']))
    .option('--include-interviewer', 'code interviewer and moderator turns too')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
The codebook is the project's current one as it was stored by \`telaah codebook use\`: edits to its file
count only once you apply the file again (\`codebook use FILE\` or \`code auto --codebook FILE\`).

Examples:
  $ telaah code auto
  $ telaah code auto --codebook codebooks/draft.yaml --unit turn`,
    )
    .action(lazy(() => import('./commands/code-auto.js')));
  code
    .command('add')
    .description('code segments by hand: a turn (T), a sentence (T.S) or a range (T-U, T.S-U.V)')
    .argument('<source>', 'source name')
    .argument('<segment>', 'T, T.S, T-U or T.S-U.V')
    .argument('<codes...>', 'code ids')
    .option('--coder <name>', 'who codes (default: TELAAH_USER or the login name)')
    .option('--memo <text>', 'a note kept with the coding')
    .addHelpText('after', '\nExamples:\n  $ telaah code add 09-sumiati 20.3 barrier/documentation\n  $ telaah code add fgd1-medan-pekerja 14-16 role/organizer --coder rina')
    .action(lazy(() => import('./commands/code-add.js')));
  code
    .command('remove')
    .description("remove a coder's codings of the given codes from segments")
    .argument('<source>', 'source name')
    .argument('<segment>', 'T, T.S, T-U or T.S-U.V')
    .argument('<codes...>', 'code ids')
    .option('--coder <name>', 'whose codings (default: TELAAH_USER or the login name)')
    .addHelpText('after', '\nExamples:\n  $ telaah code remove 09-sumiati 20.3 barrier/documentation')
    .action(lazy(() => import('./commands/code-remove.js')));
  code
    .command('rename')
    .description('move every coding and review decision of code OLD to NEW (and of OLD/x to NEW/x), e.g. after a new codebook version renamed it')
    .argument('<old>', 'the code the codings have now (it need not be in the codebook)')
    .argument('<new>', 'a code of the current codebook')
    .option('--dry-run', 'print what would move and change nothing')
    .option('--json', 'print what moved as JSON')
    .addHelpText(
      'after',
      `
All coders and origins move. Where a coder already has NEW on the same segment, the two codings become
one (a human origin wins over auto or suggested, memos are joined with " | ", the earlier time is kept).

Examples:
  $ telaah code rename barrier/economic barrier/cost --dry-run
  $ telaah code rename barrier obstacle        # barrier/economic → obstacle/economic, …`,
    )
    .action(lazy(() => import('./commands/code-rename.js')));
  code
    .command('merge')
    .description("move every coding and review decision of code A to code B, folding codings a coder has of both")
    .argument('<a>', 'the code to merge away (it need not be in the codebook; codes below it stay)')
    .argument('<b>', 'a code of the current codebook')
    .option('--dry-run', 'print what would move and change nothing')
    .option('--json', 'print what moved as JSON')
    .addHelpText(
      'after',
      `
Where a coder has both A and B on a segment, one coding stays (a human origin wins over auto or
suggested, memos are joined with " | ", the earlier time is kept); the summary says how many were folded.

Examples:
  $ telaah code merge barrier/cost barrier/economic --dry-run
  $ telaah code merge role/peer-educator role/educator`,
    )
    .action(lazy(() => import('./commands/code-merge.js')));

  program
    .command('codings')
    .description('list codings')
    .addHelpText('after', '\nExamples:\n  $ telaah codings list --code barrier --type fgd')
    .command('list')
    .description('list codings with the unit they code and their evidence, filtered by code (with its descendants), source, type, coder, origin or participant attribute')
    .option('--code <id>', 'this code and its descendants')
    .option('--source <name>', 'one source')
    .option('--type <type>', 'one source type (interview, fgd, observation, document)')
    .option('--coder <name>', 'one coder')
    .option('--origin <list>', 'origins, comma-separated: auto, manual, accepted, imported, suggested (listed only when named), rejected (the rejections)')
    .option('--where <key=value>', "participant attribute or group, e.g. site=Medan")
    .option('--wide', 'do not cut the table to the terminal width')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addHelpText(
      'after',
      `
Rows follow the evidence rules: a rejected proposal is never listed (but with --origin rejected, which lists
the rejections), suggestions only with --origin suggested. text is the whole sentence or turn coded;
matched (in --json and --csv) the words that carry the code. The count line counts each coded segment once.

Examples:
  $ telaah codings list --code barrier --origin manual,accepted
  $ telaah codings list --origin rejected --coder rina
  $ telaah codings list --where group=pekerja-sosial --csv > codings.csv`,
    )
    .action(lazy(() => import('./commands/codings-list.js')));

  program
    .command('review')
    .description('decide on proposed codings one by one in the terminal: accept, reject, add codes, undo (interactive)')
    .option('--coder <name>', 'who reviews (default: TELAAH_USER or the login name)')
    .option('--code <id>', 'only proposals of this code and its descendants')
    .option('--uncoded', 'also go through the units nobody has coded (sentences or turns, per coding_unit)')
    .addHelpText(
      'after',
      `
Goes through every auto and suggested coding you have not decided yet, by source and segment. Each
decision is saved at once: a accepts (it becomes your coding), r rejects (not asked again), c adds codes
by hand (Tab completes), s skips, u undoes, q quits. Run it again to go on where you stopped.

Examples:
  $ telaah review
  $ telaah review --coder rina --code barrier
  $ telaah review --uncoded`,
    )
    .action(lazy(() => import('./commands/review.js')));

  program
    .command('suggest')
    .description('propose codes for units nobody coded, learnt from human codings (stored with origin suggested)')
    .option('--code <id>', 'only this code and the codes below it')
    .option('--min-confidence <p>', 'suggest a code when its calibrated confidence is at least this, 0-1 (default: 0.6)')
    .option('--coder <name>', "learn only from this coder's codings (default: every human coder)")
    .option('--include-notes', 'also propose codes for observation notes and documents (default: participants\' turns only)')
    .option('--evaluate', 'cross-validate on the human-coded units instead: precision, recall and F1 per code; stores nothing')
    .option('--folds <k>', 'folds for --evaluate (default: 5)')
    .option('--seed <n>', 'seed for the training order and the folds (default: 1)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Learns one model per code from units coded by hand (origin manual or accepted): a code needs at least 5
coded units, and its negatives are the human-coded units without it. Suggestions go to units of the
coding unit spoken by participants (notes and documents only with --include-notes) that carry no coding
of that code; a new run replaces the earlier suggestions and never touches other codings. Suggestions are
proposals: they count as evidence only once accepted in \`telaah review\`.

Examples:
  $ telaah suggest --evaluate
  $ telaah suggest --min-confidence 0.7
  $ telaah suggest --code barrier --coder rina && telaah codings list --origin suggested`,
    )
    .action(lazy(() => import('./commands/suggest.js')));

  program
    .command('triangulate')
    .description('audit, for every code and category, which kinds of source support it (interview, FGD, observation, document)')
    .option('--coder <name>', "only this coder's codings")
    .option('--origin <list>', 'only these origins, comma-separated (e.g. manual,accepted: leave unreviewed auto codings out)')
    .addOption(new Option('--by <what>', 'one table per site or per participant group').choices(['site', 'group']))
    .option('--code <id>', 'one code in depth: every piece of evidence by source type')
    .option('--strict', 'exit 1 when a required code (codebook `required: true`) is below triangulation.required of telaah.yaml')
    .option('--all', 'with --strict: every code, not only the required ones')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .addHelpText(
      'after',
      `
Status per code: convergent (at least triangulation.convergent source types, 3 by default), corroborated
(triangulation.corroborated, 2), single-source (1), absent (0). Flags: participant-concentrated, not-observed,
observed-only, one-sided, contrasted (codes the codebook declares as contrasting, at the same site).

Examples:
  $ telaah triangulate
  $ telaah triangulate --origin manual,accepted --by site
  $ telaah triangulate --code barrier/distrust
  $ telaah triangulate --strict           # in CI: exit 1 if a required theme stands on one kind of source`,
    )
    .action(lazy(() => import('./commands/triangulate.js')));

  program
    .command('demo')
    .description('build a demo project from the bundled sample study and show what telaah found')
    .argument('[dir]', 'folder for the demo project', 'telaah-demo')
    .addHelpText('after', '\nExamples:\n  $ npx telaah demo\n  $ telaah demo /tmp/demo && cd /tmp/demo && telaah sources list')
    .action(lazy(() => import('./commands/demo.js')));

  return program;
}
