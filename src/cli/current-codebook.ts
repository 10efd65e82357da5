/**
 * The project's current codebook: a stored version (its YAML as applied), chosen by `telaah codebook
 * use`. Every command that needs it loads it with `currentCodebook`, never from the file, so editing the
 * file changes nothing until it is applied again.
 */
import { relative, resolve } from 'node:path';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import type { Codebook } from '../core/codebook/types.js';
import { InputError, ProjectError } from '../errors.js';
import { hashCodebookFile, loadValidCodebook, readCodebookFile } from '../io/read-codebook.js';
import { recordAudit } from '../store/audit.js';
import {
  findCodebookBySha,
  findCodebooksByNameVersion,
  findCurrentCodebook,
  findLatestCodebookFromFile,
  saveCodebookVersion,
  setCurrentCodebook,
  type CodebookVersion,
} from '../store/codebooks.js';
import { actorOf, type Ctx } from './context.js';
import type { Project } from './open-project.js';
import { notice } from './notice.js';

/** The current codebook, parsed from its stored YAML. */
export interface CurrentCodebook {
  codebook: Codebook;
  sha256: string;
  /** The file the version was read from (absolute); it may have changed since. */
  path: string;
  /** The stored version's id (what codings record as codebook_id). */
  id: number;
  version: CodebookVersion;
  /** The YAML as applied. */
  yaml: string;
}

/** The project's current codebook; an InputError saying how to choose one when there is none (null with `optional`). */
export function currentCodebook(project: Project): CurrentCodebook;
export function currentCodebook(project: Project, options: { optional: true }): CurrentCodebook | null;
export function currentCodebook(project: Project, options: { optional?: boolean } = {}): CurrentCodebook | null {
  const stored = findCurrentCodebook(project.db);
  if (!stored) {
    if (options.optional) return null;
    const named = project.config.codebook;
    throw new InputError(named ? `the codebook ${named} named in telaah.yaml is not stored in the project` : 'the project has no codebook yet', {
      hint: named ? `Apply it with \`telaah codebook use ${named}\`` : 'Choose one with `telaah codebook use FILE`',
    });
  }
  const { yaml, ...version } = stored;
  const { codebook, problems } = parseCodebook(yaml);
  if (!codebook) {
    const first = problems.find((p) => p.severity === 'error');
    throw new ProjectError(`the stored codebook "${version.name}" ${version.version} no longer reads (line ${first?.line}: ${first?.message})`, {
      hint: `Fix ${version.file} and apply it as a new version with \`telaah codebook use ${version.file}\``,
    });
  }
  return { codebook, sha256: version.sha256, path: resolve(project.paths.dir, version.file), id: version.id, version, yaml };
}

/**
 * A line for stderr when the codebook file (telaah.yaml `codebook:`) differs from the current stored
 * version, else undefined: the stored version is still the one used.
 */
export function describeCodebookFileChange(ctx: Ctx, project: Project, current: CurrentCodebook): string | undefined {
  const path = project.config.codebook ? resolve(project.paths.dir, project.config.codebook) : current.path;
  const sha = hashCodebookFile(path);
  if (sha === undefined || sha === current.sha256) return undefined;
  const shown = relative(ctx.cwd, path) || path;
  const { name, version } = current.version;
  const edited = readCodebookFile(path).codebook;
  const apply = edited?.name === name && edited.version === version ? `raise version: in it and run \`telaah codebook use ${shown}\`` : `run \`telaah codebook use ${shown}\``;
  return `${shown} differs from the project's current codebook ("${name}" ${version}, as applied), which is still the one used; to apply the file, ${apply}`;
}

/**
 * Projects from before codebooks were stored as current name a file in telaah.yaml only. On opening
 * such a project, make that file's stored version current (by its hash), else store the file once,
 * else fall back to the newest version stored from that path; when none of this works, nothing is
 * changed and `currentCodebook` asks for `telaah codebook use`.
 */
export function adoptConfiguredCodebook(ctx: Ctx, project: Project): void {
  const { db, config } = project;
  const file = config.codebook;
  if (!file || findCurrentCodebook(db)) return;
  const now = ctx.now().toISOString();
  let read: ReturnType<typeof loadValidCodebook> | undefined;
  try {
    read = loadValidCodebook(resolve(project.paths.dir, file));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const adopted = db.transaction((): { version: CodebookVersion; created: boolean } | undefined => {
    let found = read && findCodebookBySha(db, read.sha256);
    let created = false;
    // A file edited without a new version: keep what was applied from it rather than storing a twin.
    if (read && !found && findCodebooksByNameVersion(db, read.codebook.name, read.codebook.version).length === 0) {
      ({ version: found, created } = saveCodebookVersion(db, read.codebook, { file, sha256: read.sha256, yaml: read.text }, now));
    }
    found ??= findLatestCodebookFromFile(db, file);
    if (!found) return undefined;
    setCurrentCodebook(db, found.id, now);
    recordAudit(db, { at: now, actor: actorOf(ctx), command: 'codebook use', arguments: [file], counts: { newVersion: created ? 1 : 0, fromSettings: 1 } });
    return { version: found, created };
  }).immediate();
  if (!adopted) return;
  notice(
    ctx,
    `Stored "${adopted.version.name}" ${adopted.version.version} (${file}) in the project as its current codebook; ` +
      `from now on, edits to the file apply only after \`telaah codebook use ${file}\``,
  );
}
