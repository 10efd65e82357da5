/** Source names: what makes one valid, and the names a file may take when its own is taken. */

/** How many of a file's folders may go in front of its name before it is numbered instead. */
const MAX_FOLDERS = 3;
const MAX_LENGTH = 200;

/** Why `name` cannot name a source, or undefined when it can. */
export function sourceNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a source name cannot be empty';
  if (name !== name.trim()) return 'a source name cannot start or end with a space';
  if (name.startsWith('-')) return 'a source name cannot start with "-" (it would read as an option)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a source name cannot hold control characters';
  if (/[/\\]/.test(name)) return 'a source name cannot hold "/" or "\\"';
  if (Array.from(name).length > MAX_LENGTH) return `a source name can be at most ${MAX_LENGTH} characters`;
  return undefined;
}

/** A folder name as it reads inside a source name: spaces become hyphens. */
function nameFolder(folder: string): string {
  return folder.trim().replace(/\s+/g, '-');
}

/**
 * Names a file may be stored under, best first: its own name (unless `depth` asks for folders), then with
 * one, two, three of its closest folders in front (`site-a-w01`), then numbered (`site-a-w01-2`).
 */
export function* nameCandidates(base: string, folders: readonly string[], depth = 0): Generator<string> {
  const usable = folders.map(nameFolder).filter((f) => f !== '' && f !== '.' && f !== '..');
  const deepest = Math.min(usable.length, MAX_FOLDERS);
  const first = Math.min(depth, deepest);
  for (let d = first; d <= deepest; d += 1) yield [...usable.slice(usable.length - d), base].join('-');
  const numbered = [...usable.slice(usable.length - first), base].join('-');
  for (let n = 2; ; n += 1) yield `${numbered}-${n}`;
}

/**
 * For files that would all take the same name, how many folders each needs in front so they differ
 * (at least one: none of them should have the plain name, or the first one would look like the only one).
 */
export function distinguishingDepth(base: string, folderLists: readonly (readonly string[])[]): number {
  const deepest = Math.min(Math.max(0, ...folderLists.map((f) => f.length)), MAX_FOLDERS);
  for (let depth = 1; depth <= deepest; depth += 1) {
    const names = folderLists.map((folders) => nameCandidates(base, folders, depth).next().value as string);
    if (new Set(names).size === names.length) return depth;
  }
  return 1;
}
