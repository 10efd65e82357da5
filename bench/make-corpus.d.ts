/** Writes a corpus of at least `targetBytes` into `dir`, varied copies of the transcripts under `roots`; says what it wrote. */
export function makeCorpus(dir: string, roots: string[], targetBytes: number): { bytes: number; copies: number; templates: number; dir: string };
