import { SOURCE_TYPES, type SourceType } from './types.js';

const FOLDER_TYPES: Record<string, SourceType> = {
  interview: 'interview',
  interviews: 'interview',
  wawancara: 'interview',
  fgd: 'fgd',
  fgds: 'fgd',
  'focus-groups': 'fgd',
  focus_groups: 'fgd',
  observation: 'observation',
  observations: 'observation',
  observasi: 'observation',
  fieldnotes: 'observation',
  'field-notes': 'observation',
  document: 'document',
  documents: 'document',
  dokumen: 'document',
  docs: 'document',
};

/** The source type a folder path implies (nearest typed folder wins), or undefined. */
export function sourceTypeFromFolders(folders: readonly string[]): SourceType | undefined {
  for (let i = folders.length - 1; i >= 0; i -= 1) {
    const type = FOLDER_TYPES[folders[i]!.toLowerCase()];
    if (type) return type;
  }
  return undefined;
}

/** True for the four source types. */
export function isSourceType(value: unknown): value is SourceType {
  return typeof value === 'string' && (SOURCE_TYPES as readonly string[]).includes(value);
}
