import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { validateConfig, type ProjectConfig } from '../core/config.js';
import { InputError, ProjectError } from '../errors.js';

export const CONFIG_FILE = 'telaah.yaml';
export const DATABASE_FILE = 'telaah.db';

/** Where a project's files are. */
export interface ProjectPaths {
  dir: string;
  config: string;
  database: string;
}

/** The paths of a project rooted at `dir` (whether or not it exists). */
export function projectPaths(dir: string): ProjectPaths {
  const root = resolve(dir);
  return { dir: root, config: join(root, CONFIG_FILE), database: join(root, DATABASE_FILE) };
}

/** Finds the project: `explicit` if given, else the nearest folder upwards from `cwd` with a telaah.yaml. */
export function locateProject(cwd: string, explicit?: string): ProjectPaths {
  if (explicit !== undefined) {
    const paths = projectPaths(resolve(cwd, explicit));
    if (!existsSync(paths.config)) {
      throw new ProjectError(`no telaah project in ${paths.dir} (no ${CONFIG_FILE})`, {
        hint: `Create one with \`telaah init ${explicit}\``,
      });
    }
    return paths;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return projectPaths(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ProjectError(`no telaah project in ${resolve(cwd)} or any folder above it`, {
    hint: 'Run `telaah init` to create one, or pass --project DIR',
  });
}

/** Reads and validates telaah.yaml; problems are reported at file:line:col. */
export function readProjectConfig(paths: ProjectPaths): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(paths.config, 'utf8');
  } catch (error) {
    throw new ProjectError(`cannot read ${paths.config}: ${(error as Error).message}`, { cause: error });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new InputError(`telaah.yaml is not valid YAML: ${first.message.split('\n')[0]}`, {
      file: paths.config,
      line: pos.line,
      col: pos.col,
      hint: 'Fix the syntax (a template is in the README)',
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // A billion-laughs chain of aliases (&a [*b, *b, …]) is stopped here, before it expands.
    throw new InputError(`telaah.yaml cannot be read: ${(error as Error).message.split('\n')[0]}`, {
      file: paths.config,
      hint: 'Write the settings out without chains of aliases (*name)',
      cause: error,
    });
  }
  const { config, problems } = validateConfig(data, basename(paths.dir));
  const problem = problems[0];
  if (problem) {
    const node = problem.path.length ? doc.getIn(problem.path, true) : doc.contents;
    const range = (node as { range?: [number, number, number] } | undefined)?.range ?? keyRange(doc, problem.path);
    const pos = range ? lineCounter.linePos(range[0]) : undefined;
    throw new InputError(`telaah.yaml: ${problem.message}`, {
      file: paths.config,
      line: pos?.line,
      col: pos?.col,
      hint: 'Correct the setting and run the command again',
    });
  }
  return config;
}

function keyRange(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): [number, number, number] | undefined {
  // An unknown key has no value node to point at in some cases; point at the key itself.
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      if (!pair) return undefined;
      if (step === path[path.length - 1]) return (pair.key as { range?: [number, number, number] }).range;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(step)];
    } else return undefined;
  }
  return undefined;
}

/** True when `path` exists and is a folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Sets one top-level setting in telaah.yaml, keeping its comments and layout; written atomically. */
export function setConfigValue(paths: ProjectPaths, key: string, value: string | null): void {
  const doc = parseDocument(readFileSync(paths.config, 'utf8'));
  doc.set(key, value);
  const temporary = `${paths.config}.tmp-${process.pid}`;
  writeFileSync(temporary, doc.toString());
  renameSync(temporary, paths.config);
}
