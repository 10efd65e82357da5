import type { ProjectConfig } from '../core/config.js';
import { locateProject, readProjectConfig, type ProjectPaths } from '../io/project-files.js';
import { openStore, type Db } from '../store/open.js';
import type { Ctx } from './context.js';
import { adoptConfiguredCodebook } from './current-codebook.js';
import { projectPassphrase } from './passphrase.js';
import { bringSchemaUpToDate, type ProjectAccess } from './project-schema.js';

/** An open project: where it is, its settings and its database. */
export interface Project {
  paths: ProjectPaths;
  config: ProjectConfig;
  db: Db;
}

/**
 * Opens the project the command runs in (from --project or the current folder upwards), with its
 * passphrase when it is encrypted. A project from before the current codebook was stored gets the one
 * telaah.yaml names stored as current. An older schema is upgraded (after a backup) for a command that
 * writes, refused for one that only reads.
 */
export async function openProject(ctx: Ctx, opts: { project?: string }, access: ProjectAccess = 'write'): Promise<Project> {
  const paths = locateProject(ctx.cwd, opts.project);
  const config = readProjectConfig(paths);
  const key = await projectPassphrase(ctx, paths.database);
  const db = openStore(paths.database, { key, migrate: false });
  const project = { paths, config, db };
  try {
    bringSchemaUpToDate(ctx, project, access);
    adoptConfiguredCodebook(ctx, project);
  } catch (error) {
    db.close();
    throw error;
  }
  return project;
}

/** Runs `work` with the project open and closes it afterwards, whatever happens. */
export async function withProject<T>(ctx: Ctx, opts: { project?: string }, work: (project: Project) => Promise<T> | T, access: ProjectAccess = 'write'): Promise<T> {
  const project = await openProject(ctx, opts, access);
  try {
    return await work(project);
  } finally {
    project.db.close();
  }
}

/** withProject for a command that only reads: an older project is left as it is (see project-schema.ts). */
export function withProjectToRead<T>(ctx: Ctx, opts: { project?: string }, work: (project: Project) => Promise<T> | T): Promise<T> {
  return withProject(ctx, opts, work, 'read');
}
