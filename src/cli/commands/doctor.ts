import { InputError, ProjectError } from '../../errors.js';
import { locateProject, readProjectConfig } from '../../io/project-files.js';
import { checkDatabase, checkFiles, type HealthCheck } from '../../store/health.js';
import { openStore, type Db } from '../../store/open.js';
import { WrongPassphraseError } from '../../store/store-key.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { writeJson, writeTable } from '../output.js';
import { projectPassphrase } from '../passphrase.js';
import { paint } from '../style.js';
import { visibleText } from '../../core/text/visible-text.js';

/**
 * `telaah doctor`: checks the project without changing it (read-only, no migration) and says what to do
 * about each problem. Exit 0 when healthy, 3 when a problem was found.
 */
export async function run(ctx: Ctx, _args: string[], opts: JsonOptions): Promise<ExitCode> {
  const paths = locateProject(ctx.cwd, opts.project);
  const checks: HealthCheck[] = [settingsCheck(paths)];
  const key = await projectPassphrase(ctx, paths.database);
  let db: Db | undefined;
  try {
    db = openStore(paths.database, { readonly: true, key });
  } catch (error) {
    if (!(error instanceof ProjectError) || error instanceof WrongPassphraseError) throw error;
    checks.push({ check: 'database', status: 'problem', detail: error.message, advice: error.hint ?? 'Restore the project from a backup' });
  }
  if (db) {
    try {
      checks.push(...checkDatabase(db));
    } catch (error) {
      // A page damaged badly enough fails the checks themselves.
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_')) throw error;
      checks.push({ check: 'database', status: 'problem', detail: `SQLite cannot read it: ${(error as Error).message}`, advice: 'Restore the project from a backup (`telaah backup` makes one)' });
    } finally {
      db.close();
    }
  }
  checks.push(...checkFiles(paths.database));
  const healthy = !checks.some((c) => c.status === 'problem');
  if (opts.json) writeJson(ctx, { healthy, checks });
  else render(ctx, checks, healthy);
  return healthy ? 0 : 3;
}

function settingsCheck(paths: ReturnType<typeof locateProject>): HealthCheck {
  try {
    readProjectConfig(paths);
    return { check: 'settings', status: 'ok', detail: 'telaah.yaml reads and validates' };
  } catch (error) {
    if (error instanceof InputError) {
      const { file, line, col } = error.location;
      const where = [file, line, col].filter((part) => part !== undefined).join(':');
      return { check: 'settings', status: 'problem', detail: where ? `${where}: ${error.message}` : error.message, advice: error.hint ?? 'Fix telaah.yaml at the place named' };
    }
    if (error instanceof ProjectError) return { check: 'settings', status: 'problem', detail: error.message, advice: error.hint ?? 'Check the file and its permissions' };
    throw error;
  }
}

function render(ctx: Ctx, checks: readonly HealthCheck[], healthy: boolean): void {
  const c = paint(ctx);
  writeTable(
    ctx,
    [{ title: 'check' }, { title: 'status' }, { title: 'detail', shrink: true }],
    checks.map((check) => [check.check, check.status === 'problem' ? 'PROBLEM' : check.status, check.detail]),
    { header: c.bold },
  );
  // The table may cut a detail short: what to do about each finding is said in full below it (on stderr
  // when stdout is TSV for a program).
  const out = ctx.stdoutIsTTY ? ctx.stdout : ctx.stderr;
  const advised = checks.filter((check) => check.advice !== undefined);
  if (advised.length && ctx.stdoutIsTTY) out.write('\n');
  for (const check of advised) {
    const lead = check.status === 'problem' ? c.red(`✗ ${check.check}: ${check.detail}.`) : c.yellow(`• ${check.check}:`);
    out.write(`${visibleText(`${lead} ${check.advice}`, { colour: ctx.color })}\n`);
  }
  out.write(healthy ? c.green('The project is healthy.\n') : c.red('Problems found: see above.\n'));
}
