/**
 * Applying a codebook file (`telaah codebook use`, `code auto --codebook`): store it as a version, make
 * it current, and say which hand-coded codes the new version leaves out. Nothing is deleted.
 */
import { relative } from 'node:path';
import { locateCodebookVersion, suggestNextVersion } from '../core/codebook/codebook-version.js';
import { findDroppedCodes, type DroppedCode } from '../core/codebook/dropped-codes.js';
import type { Codebook } from '../core/codebook/types.js';
import { InputError, ProjectError } from '../errors.js';
import type { CodebookFile } from '../io/read-codebook.js';
import { setConfigValue } from '../io/project-files.js';
import { recordAudit } from '../store/audit.js';
import { countHumanCodingsByCode } from '../store/code-moves.js';
import { findCodebookBySha, findCodebooksByNameVersion, listCodebookVersions, saveCodebookVersion, setCurrentCodebook, type CodebookVersion } from '../store/codebooks.js';
import { actorOf, type Ctx } from './context.js';
import { currentCodebook } from './current-codebook.js';
import type { Project } from './open-project.js';
import { paint } from './style.js';

/** What applying a codebook file did. */
export interface AppliedCodebook {
  version: CodebookVersion;
  /** The version was new to the project. */
  created: boolean;
  /** It was the current codebook already. */
  unchanged: boolean;
  /** Codes with human codings that this version lacks. */
  dropped: DroppedCode[];
}

/**
 * Stores `file` as a codebook version (unless stored already), makes it the project's current one and
 * writes its path to telaah.yaml. A file whose name and version are stored with other content is
 * refused (InputError at its version: line) and nothing changes. `shown` is the path as the user gave it.
 */
export function applyCodebookFile(ctx: Ctx, project: Project, file: CodebookFile & { codebook: Codebook }, shown: string, command: string): AppliedCodebook {
  const { db, paths } = project;
  const { codebook } = file;
  if (!findCodebookBySha(db, file.sha256) && findCodebooksByNameVersion(db, codebook.name, codebook.version).length > 0) {
    const taken = listCodebookVersions(db).filter((v) => v.name === codebook.name).map((v) => v.version);
    const next = suggestNextVersion(codebook.version, taken);
    throw new InputError(`codebook "${codebook.name}" version ${codebook.version} is already stored with different content`, {
      file: shown,
      ...locateCodebookVersion(file.text),
      hint: `Raise version: in the file${next ? ` (e.g. ${next})` : ''} to record a new version`,
    });
  }
  const previous = readPrevious(project);
  const now = ctx.now().toISOString();
  const stored = relative(paths.dir, file.path) || file.path;
  const { version, created } = db.transaction(() => {
    const saved = saveCodebookVersion(db, codebook, { file: stored, sha256: file.sha256, yaml: file.text }, now);
    // Applying the current version again changes nothing, so it leaves no trace in the audit log.
    if (saved.version.id === previous?.id) return saved;
    setCurrentCodebook(db, saved.version.id, now);
    recordAudit(db, { at: now, actor: actorOf(ctx), command, arguments: [shown], counts: { codes: codebook.codes.length, newVersion: saved.created ? 1 : 0 } });
    return saved;
  }).immediate();
  if (project.config.codebook !== stored) {
    setConfigValue(paths, 'codebook', stored);
    project.config.codebook = stored;
  }
  return { version, created, unchanged: previous?.id === version.id, dropped: findDroppedCodes(previous?.codebook, codebook, countHumanCodingsByCode(db)) };
}

/** The current codebook before the change; one that no longer reads counts as none. */
function readPrevious(project: Project): { id: number; codebook: Codebook } | null {
  try {
    return currentCodebook(project, { optional: true });
  } catch (error) {
    if (error instanceof ProjectError) return null;
    throw error;
  }
}

/** One line per dropped code: which, how many human codings, and the command that moves them. */
export function describeDroppedCodes(ctx: Ctx, applied: AppliedCodebook): string[] {
  const c = paint(ctx);
  const { name, version } = applied.version;
  return applied.dropped.map((d) => {
    const what = `${d.code} is not in "${name}" ${version} but has ${d.humanCodings} human ${d.humanCodings === 1 ? 'coding' : 'codings'} (kept under the old id)`;
    const them = d.humanCodings === 1 ? 'it' : 'them';
    const how = d.likely
      ? `likely renamed: \`telaah code rename ${d.code} ${d.likely}\` moves ${them}`
      : `move ${them} with \`telaah code rename ${d.code} NEW\` or \`telaah code merge ${d.code} OTHER\``;
    return `${c.yellow(what)}; ${how}`;
  });
}
