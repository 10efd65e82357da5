import { readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** Extensions telaah reads, with the reader each goes to. */
export const READABLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.vtt', '.srt', '.csv', '.docx'] as const;

/** A file to ingest, with the folders between the named path and the file (for type inference). */
export interface InputFile {
  path: string;
  /** As the user would write it (relative to the working folder when inside it). */
  display: string;
  /** Folder names from the filesystem root to the file, for `interviews/`-style type inference. */
  folders: string[];
  /** True when the user named the file itself (not found by walking a folder). */
  explicit: boolean;
}

/**
 * Expands files and folders (recursively, skipping hidden entries and node_modules) into the files to read,
 * in a stable order. A missing path or a folder with nothing readable is an InputError.
 */
export function collectInputFiles(paths: readonly string[], cwd: string): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
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
    const rel = relative(cwd, path);
    files.push({
      path,
      // Relative paths keep the project portable (stored in sources.file); another drive stays absolute.
      display: rel && !isAbsolute(rel) ? rel : path,
      folders: path.split(sep).slice(0, -1),
      explicit,
    });
  }

  function walk(dir: string): void {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && (READABLE_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) add(path, false);
    }
  }
}
