import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** Extensions telaah reads, with the reader each goes to. */
export const READABLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.vtt', '.srt', '.csv', '.docx'] as const;

/** A file to ingest. */
export interface InputFile {
  /** Absolute and normalised. */
  path: string;
  /** As the user would write it (relative to the working folder when inside it). */
  display: string;
  /** True when the user named the file itself (not found by walking a folder). */
  explicit: boolean;
}

/** Folder names from the filesystem root to the file, for `interviews/`-style type inference. */
export function foldersOf(file: InputFile): string[] {
  return file.path.split(sep).slice(0, -1);
}

/**
 * Expands files and folders (recursively, skipping hidden entries and node_modules) into the files to read,
 * in a stable order. A missing path or a folder with nothing readable is an InputError.
 */
export function collectInputFiles(paths: readonly string[], cwd: string): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const root = resolve(cwd);
  const cwdPrefix = root.endsWith(sep) ? root : root + sep;
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      throw new InputError(`no such file or folder: ${given}`, { hint: 'Check the path' });
    }
    if (!isDir) {
      const ext = extname(absolute).toLowerCase();
      if (!(READABLE_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new InputError(`${given}: telaah does not read ${ext || 'files without an extension'}`, {
          hint: `Save it as one of ${READABLE_EXTENSIONS.join(' ')} (a Word or OpenDocument file as .docx)`,
        });
      }
      add(absolute, true);
      continue;
    }
    const before = files.length;
    walk(absolute);
    if (files.length === before) {
      throw new InputError(`no transcripts found in ${given}`, {
        hint: `telaah reads ${READABLE_EXTENSIONS.join(' ')} files`,
      });
    }
  }
  return files;

  function add(path: string, explicit: boolean): void {
    if (seen.has(path)) return;
    seen.add(path);
    // Relative paths keep the project portable (stored in sources.file); another drive stays absolute.
    // A path under the working folder is its relative path as it stands (path.relative costs ~1 us a file).
    const inside = path.startsWith(cwdPrefix) && path.length > cwdPrefix.length;
    const rel = inside ? path.slice(cwdPrefix.length) : relative(cwd, path);
    files.push({ path, display: rel && !isAbsolute(rel) ? rel : path, explicit });
  }

  function walk(dir: string): void {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` is normalised and a name holds no separator: joined as strings, not by path.join (~2 us a file).
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && (READABLE_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) add(path, false);
    }
  }
}
