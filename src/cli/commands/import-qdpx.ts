import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseCodebook } from '../../core/codebook/parse-codebook.js';
import { defaultConfig, renderDefaultConfig, type ProjectConfig } from '../../core/config.js';
import type { ImportPlan } from '../../core/interop/import-plan.js';
import { PARTICIPANT_ROLE_LABELS } from '../../core/transcript/role-labels.js';
import { compileSpeakerResolver } from '../../core/transcript/speakers.js';
import { InputError, ProjectError } from '../../errors.js';
import { planImport } from '../../interop/plan-import.js';
import { readQdpx } from '../../interop/read-qdpx.js';
import { locateProject, projectPaths, setConfigValue, type ProjectPaths } from '../../io/project-files.js';
import { hashBytes } from '../../io/read-source-file.js';
import { recordAudit } from '../../store/audit.js';
import { findCurrentCodebook, listCodebookVersions, saveCodebookVersion, setCurrentCodebook } from '../../store/codebooks.js';
import { writeImportPlan, type ImportCounts } from '../../store/interop-import.js';
import { openStore } from '../../store/open.js';
import { participantIdsByPseudonym } from '../../store/participants.js';
import { listSourceNames } from '../../store/sources.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { openProject, withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { notice } from '../notice.js';

/** Options of `telaah import qdpx`. */
export interface ImportQdpxOptions extends JsonOptions {
  into?: string;
  crlf?: '1' | '2';
}

/** What the project holds that the import must know before it plans. */
interface Target {
  paths: ProjectPaths;
  /** The import makes the project: it goes again if the import fails. */
  create: boolean;
  config: ProjectConfig;
  pseudonyms: string[];
  sourceNames: Set<string>;
  hasCodebook: boolean;
  codebookVersions: string[];
}

/**
 * `telaah import qdpx FILE`: a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder, telaah) into a new
 * project (--into DIR) or the current one: text sources as they are, codes as a codebook, codings (origin
 * imported, by their user), cases as participants, notes as memos. Everything is read and checked first;
 * then it lands in one transaction, and a project made for it goes again if it fails.
 */
export async function run(ctx: Ctx, args: string[], opts: ImportQdpxOptions): Promise<ExitCode> {
  const shown = args[0]!;
  if (/\.qdc$/i.test(shown)) throw new InputError(`${shown} is a REFI-QDA codebook, not a project`, { hint: `Import it with \`telaah import qdc ${shown}\`` });
  const opened = readQdpx(readBytes(resolve(ctx.cwd, shown), shown), basename(shown));
  const target = await findTarget(ctx, opts, opened.project.name);
  const caseNames = opened.project.cases.flatMap((c) => (c.name?.trim() ? [c.name.trim()] : []));
  const pseudonyms = [...new Set([...target.pseudonyms, ...caseNames])];
  let version = 1;
  while (target.codebookVersions.includes(String(version))) version += 1;
  const plan = planImport(opened.project, {
    archive: basename(shown),
    qde: opened.qde,
    crlf: opts.crlf === undefined ? undefined : opts.crlf === '1' ? 1 : 2,
    readInternal: opened.readInternal,
    knownSpeakers: [...pseudonyms, ...target.config.interviewerLabels, ...PARTICIPANT_ROLE_LABELS],
    resolveSpeaker: compileSpeakerResolver({ interviewerLabels: target.config.interviewerLabels, speakerMap: new Map(), pseudonyms }),
    takenNames: target.sourceNames,
    languages: target.config.languages,
    codebookVersion: String(version),
  });

  const made: string[] = [];
  try {
    if (target.create) made.push(...createProject(ctx, target.paths, plan.name || basename(target.paths.dir)));
    const codebookFile = plan.codebookYaml === null ? undefined : writeCodebookFile(target.paths, plan.codebookYaml, target.hasCodebook);
    if (codebookFile) made.push(codebookFile);
    const counts = await withProject(ctx, { project: target.paths.dir }, (project) => {
      const now = ctx.now().toISOString();
      const db = project.db;
      return db.transaction(() => {
        let codebookId: number | null = null;
        if (codebookFile && !target.hasCodebook) {
          const { codebook } = parseCodebook(plan.codebookYaml!);
          if (!codebook) throw new Error('the codebook made from the file does not read back');
          const stored = relative(target.paths.dir, codebookFile);
          codebookId = saveCodebookVersion(db, codebook, { file: stored, sha256: hashBytes(Buffer.from(plan.codebookYaml!)), yaml: plan.codebookYaml! }, now).version.id;
          setCurrentCodebook(db, codebookId, now);
        }
        const written = writeImportPlan(db, plan, { now, codebookId });
        recordAudit(db, { at: now, actor: actorOf(ctx), command: 'import qdpx', arguments: [shown], counts: { ...written } });
        return written;
      }).immediate();
    });
    if (codebookFile && !target.hasCodebook) setConfigValue(target.paths, 'codebook', relative(target.paths.dir, codebookFile));
    report(ctx, opts, plan, counts, target, codebookFile);
    return 0;
  } catch (error) {
    // Nothing half-made stays behind: the files this import wrote go, and so does a project it made.
    for (const file of made.reverse()) rmSync(file, { recursive: true, force: true });
    throw error;
  }
}

function readBytes(path: string, shown: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read ${shown}: ${missing ? 'no such file' : (error as Error).message}`, { hint: 'Check the path' });
  }
}

/** The project to import into: a new one at --into, else the one the command runs in. */
async function findTarget(ctx: Ctx, opts: ImportQdpxOptions, name: string): Promise<Target> {
  if (opts.into !== undefined) {
    const paths = projectPaths(resolve(ctx.cwd, opts.into));
    if (existsSync(paths.config) || existsSync(paths.database)) {
      throw new ProjectError(`${paths.dir} is already a telaah project`, { hint: `Import into it without --into (run inside it, or with -C ${opts.into}), or choose a new folder` });
    }
    return { paths, create: true, config: defaultConfig(name || basename(paths.dir)), pseudonyms: [], sourceNames: new Set(), hasCodebook: false, codebookVersions: [] };
  }
  let paths: ProjectPaths;
  try {
    paths = locateProject(ctx.cwd, opts.project);
  } catch (error) {
    if (!(error instanceof ProjectError) || opts.project !== undefined) throw error;
    throw new InputError('not inside a telaah project', { hint: 'Import into a new one with --into DIR, or run this inside a project' });
  }
  const project = await openProject(ctx, { project: paths.dir });
  try {
    return {
      paths,
      create: false,
      config: project.config,
      pseudonyms: [...participantIdsByPseudonym(project.db).keys()],
      sourceNames: new Set(listSourceNames(project.db)),
      hasCodebook: findCurrentCodebook(project.db) !== undefined,
      codebookVersions: listCodebookVersions(project.db).filter((v) => v.name === (name.trim() || 'Imported codebook')).map((v) => v.version),
    };
  } finally {
    project.db.close();
  }
}

/** Makes a new project (as `telaah init` does); returns the paths it made, to remove on failure. */
function createProject(ctx: Ctx, paths: ProjectPaths, name: string): string[] {
  const made: string[] = [];
  if (!existsSync(paths.dir)) {
    mkdirSync(paths.dir, { recursive: true });
    made.push(paths.dir);
  } else made.push(paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.config);
  const db = openStore(paths.database, { create: true });
  try {
    recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'init', arguments: [paths.dir], counts: {} });
  } finally {
    db.close();
  }
  writeFileSync(paths.config, renderDefaultConfig(name), { flag: 'wx' });
  return made;
}

/** Writes the imported codebook into the project folder, under a name no file has. */
function writeCodebookFile(paths: ProjectPaths, yaml: string, hasCodebook: boolean): string {
  const base = hasCodebook ? 'imported-codebook' : 'codebook';
  const taken = new Set(readdirSync(paths.dir));
  let name = `${base}.yaml`;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}.yaml`;
  const path = join(paths.dir, name);
  writeFileSync(path, yaml, { flag: 'wx' });
  return path;
}

function report(ctx: Ctx, opts: ImportQdpxOptions, plan: ImportPlan, counts: ImportCounts, target: Target, codebookFile: string | undefined): void {
  const coders = [...new Set(plan.codings.map((c) => c.coder))].sort();
  const codebook = codebookFile ? relative(ctx.cwd, codebookFile) : null;
  if (opts.json) {
    writeJson(ctx, { project: target.paths.dir, origin: plan.origin, ...counts, coders, codebook, codebookApplied: codebook !== null && !target.hasCodebook, notes: plan.notes });
    return;
  }
  const into = target.create ? `a new project in ${relative(ctx.cwd, target.paths.dir) || '.'}` : 'the project';
  const turns = plan.sources.reduce((n, s) => n + s.built.turns.length, 0);
  notice(
    ctx,
    `Imported from ${plan.origin ?? 'a REFI-QDA file'} into ${into}: ${plural(counts.sources, 'source')} (${plural(turns, 'turn')}), ${plural(counts.codings, 'coding')} (origin imported; ` +
      `coders: ${coders.join(', ') || 'none'}), ${plural(plan.participants.length, 'participant')}, ${plural(counts.memos, 'memo')}`,
  );
  if (counts.merged > 0) notice(ctx, `${plural(counts.merged, 'coding')} fell on a unit the same coder had already coded with that code: one was kept`);
  if (codebook && !target.hasCodebook) notice(ctx, `Codebook: ${codebook} (the project's codebook now; add patterns and raise its version to use code auto)`);
  else if (codebook) notice(ctx, `The file's codes are in ${codebook}; the project keeps its own codebook (codings of codes it lacks are kept under their ids)`);
  for (const note of plan.notes) notice(ctx, `Note: ${note}`);
  ctx.stderr.write('Check the imported text for real names: telaah anonymity check --pseudonyms NAMES.csv\n');
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
