/**
 * Opens a .qdpx archive: its project file (any *.qde: the spec says project.qde, some programs name it
 * after the project) and the plain-text files of its sources folder (`sources/` as the spec and MAXQDA
 * write it, `Sources/` as NVivo does), read within the ZIP limits.
 */
import { InputError } from '../errors.js';
import type { ArchiveText } from './plan-import.js';
import { readProjectTree } from './read-refi-xml.js';
import type { RefiProject } from './refi-model.js';
import { parseXmlTree } from './xml-tree.js';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip.js';

/** A read .qdpx: the project, the name of its .qde entry, and its internal files by path. */
export interface OpenedQdpx {
  project: RefiProject;
  qde: string;
  readInternal(path: string): ArchiveText | undefined;
}

const TEXT_FILE = /^(?:[^/]*\/)?[^/]+\.txt$/i;

/** Reads the archive `bytes`; `file` names it in messages. */
export function readQdpx(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): OpenedQdpx {
  const entries = readZip(bytes, file, (path) => /\.qde$/i.test(path) || (TEXT_FILE.test(path) && isSourcesFile(path)), limits);
  const qdes = [...entries.keys()].filter((p) => /\.qde$/i.test(p)).sort((a, b) => Number(b.toLowerCase() === 'project.qde') - Number(a.toLowerCase() === 'project.qde') || (a < b ? -1 : 1));
  const qde = qdes[0];
  if (qde === undefined) {
    throw new InputError('the archive holds no project file (*.qde)', { file, hint: 'A .qdpx holds project.qde and a sources folder; export the project again as REFI-QDA' });
  }
  const xml = decode(entries.get(qde)!, `${file}:${qde}`);
  const project = readProjectTree(parseXmlTree(xml, `${file}:${qde}`), `${file}:${qde}`);
  const byName = new Map<string, string>();
  for (const path of entries.keys()) if (path !== qde) byName.set(path.slice(path.lastIndexOf('/') + 1).toLowerCase(), path);
  return {
    project,
    qde,
    readInternal(path) {
      const name = path.replace(/^internal:\/\//i, '').replace(/^.*\//, '').toLowerCase();
      const entry = byName.get(name);
      return entry === undefined ? undefined : { entry, bytes: entries.get(entry)! };
    },
  };
}

function isSourcesFile(path: string): boolean {
  const slash = path.indexOf('/');
  return slash < 0 || path.slice(0, slash).toLowerCase() === 'sources';
}

function decode(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('the project file is not UTF-8', { file: where, hint: 'REFI-QDA files are UTF-8 XML; export the project again' });
  }
}
