import type { ProjectConfig } from '../core/config.js';
import { locateProject, readProjectConfig, type ProjectPaths } from '../io/project-files.js';
import { openStore, type Db } from '../store/open.js';
import type { Ctx } from './context.js';
import { adoptConfiguredCodebook } from './current-codebook.js';
import { projectPassphrase } from './passphrase.js';

/** An open project: where it is, its settings and its database. */
export interface Project {
  paths: ProjectPaths;
  config: ProjectConfig;
  db: Db;
}

/**
 * Opens the project the command runs in (from --project or the current folder upwards), with its
 * passphrase when it is encrypted. A project from before the current codebook was stored gets the one
 * telaah.yaml names stored as current.
 */
export async function openProject(ctx: Ctx, opts: { project?: string }): Promise<Project> {
  const paths = locateProject(ctx.cwd, opts.project);
  const config = readProjectConfig(paths);
  const key = await projectPassphrase(ctx, paths.database);
  const db = openStore(paths.database, { key });
  const project = { paths, config, db };
  try {
    adoptConfiguredCodebook(ctx, project);
  } catch (error) {
    db.close();
    throw error;
  }
  return project;
}

/** Runs `work` with the project open and closes it afterwards, whatever happens. */
export async function withProject<T>(ctx: Ctx, opts: { project?: string }, work: (project: Project) => Promise<T> | T): Promise<T> {
  const project = await openProject(ctx, opts);
  try {
    return await work(project);
  } finally {
    project.db.close();
  }
}
