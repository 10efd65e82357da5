import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config.js';
import { collectInputFiles } from '../../io/collect-files.js';
import { openStore } from '../../store/open.js';
import { listSourceNames } from '../../store/sources.js';
import { ingestFiles, type IngestSettings } from './ingest-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaah-ingest-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SETTINGS: IngestSettings = { replace: false, strict: true, columns: {}, realNames: [], speakerMap: new Map(), now: 'now', projectDir: '.' };

describe('ingestFiles when interrupted', () => {
  it('finishes the file in hand, stops, and commits every file that landed', async () => {
    mkdirSync(join(dir, 'interviews'));
    for (let i = 1; i <= 6; i += 1) writeFileSync(join(dir, 'interviews', `w0${i}.txt`), `Pewawancara: Sudah daftar?\nRina: Belum, Bu. Nomor ${i}.\n`);
    const files = collectInputFiles([join(dir, 'interviews')], dir);
    const database = join(dir, 'telaah.db');
    const db = openStore(database, { create: true });
    const controller = new AbortController();
    const started: number[] = [];
    const outcomes = await ingestFiles(db, defaultConfig('x'), files, { ...SETTINGS, signal: controller.signal, projectDir: dir }, {
      onFile(index) {
        started.push(index);
        // Ctrl-C while the third file is read.
        if (index === 2) controller.abort();
      },
    });
    db.close();
    expect(started).toEqual([0, 1, 2]);
    expect(outcomes.map((o) => `${o.status} ${o.file}`)).toEqual(['added interviews/w01.txt', 'added interviews/w02.txt', 'added interviews/w03.txt']);
    const reopened = openStore(database);
    expect(listSourceNames(reopened)).toEqual(['w01', 'w02', 'w03']);
    reopened.close();
  });
});
