import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../core/interop/snapshot.js';
import { buildRefiProject, outlineOf } from './build-refi-project.js';
import { renderProjectXml } from './write-qde.js';
import { writeQdpx } from './write-qdpx.js';
import { readZip, writeZip } from './zip.js';
import { ZipWriter, type ZipOutput } from './zip-writer.js';

const AT = '2026-01-02T03:04:05.000Z';
const snapshot: ProjectSnapshot = {
  name: 'Studi BPJS',
  namespace: '0f6a3c52-1b1e-4c55-9d8e-2a8f0f7c1e10',
  createdAt: AT,
  modifiedAt: AT,
  codebook: { name: 'cb', version: '1', codes: [{ id: 'barrier', parent: null, label: {}, definition: 'Barriers.' }, { id: 'barrier/cost', parent: 'barrier', label: {}, definition: 'Cost.' }] },
  sources: ['w02', 'w01', 'n03'].map((name, i) => ({
    id: i + 1,
    name,
    type: 'interview' as const,
    text: `Siti: Belum daftar ${name}. Mahal sekali iurannya.\nRina: Kenapa?\n`.repeat(40),
    language: 'id',
    date: null,
    site: i === 0 ? 'Medan' : null,
    attributes: {},
    addedAt: AT,
  })),
  codings: [1, 2, 3].flatMap((sourceId) =>
    Array.from({ length: 30 }, (_, k) => ({ sourceId, start: k * 47, end: k * 47 + 30, code: k % 3 ? 'barrier/cost' : 'barrier/old', coder: k % 2 ? 'auto' : 'ana', origin: k % 2 ? 'auto' : 'manual', createdAt: AT, memo: k === 4 ? 'catatan' : null })),
  ),
  participants: [{ id: 7, pseudonym: 'Siti', group: 'pekerja', attributes: { age: '41' }, sourceIds: [1, 3] }],
  memos: [
    { id: 1, kind: 'project', author: 'rina', text: 'Refleksi', createdAt: AT, updatedAt: AT },
    { id: 2, kind: 'segment', span: { sourceId: 2, start: 0, end: 30 }, author: 'budi', text: 'Di sini', createdAt: AT, updatedAt: AT },
    { id: 3, kind: 'participant', participantId: 7, author: 'rina', text: 'Ramah', createdAt: AT, updatedAt: AT },
  ],
};

class MemoryOutput implements ZipOutput {
  readonly chunks: Uint8Array[] = [];
  write(bytes: Uint8Array): void {
    this.chunks.push(bytes.slice());
  }
  writeAt(bytes: Uint8Array, position: number): void {
    let at = 0;
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.length; i++) if (at + i >= position && at + i < position + bytes.length) chunk[i] = bytes[at + i - position]!;
      at += chunk.length;
    }
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

async function exported(hold: number): Promise<Buffer> {
  const out = new MemoryOutput();
  const reader = { text: (id: number) => snapshot.sources.find((s) => s.id === id)!.text, codings: (id: number) => snapshot.codings.filter((c) => c.sourceId === id) };
  let paced = 0;
  await writeQdpx(new ZipWriter(out, hold), outlineOf(snapshot), 'telaah test', reader, () => {
    paced += 1;
    return undefined;
  });
  expect(paced).toBe(2 * snapshot.sources.length);
  return out.bytes();
}

describe('writeQdpx', () => {
  it('writes, source by source, the archive the whole project gives', async () => {
    const { project, files } = buildRefiProject(snapshot, 'telaah test');
    const encoder = new TextEncoder();
    const whole = writeZip([['project.qde', encoder.encode(renderProjectXml(project))], ...[...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, t]): [string, Uint8Array] => [p, encoder.encode(t)])]);
    expect((await exported(1 << 20)).equals(Buffer.from(whole))).toBe(true);
  });

  it('streams a project.qde larger than it holds, with the same document inside', async () => {
    const streamed = readZip(await exported(4096), 'x.qdpx', () => true);
    const { project } = buildRefiProject(snapshot, 'telaah test');
    expect(streamed.get('project.qde')!.length).toBeGreaterThan(4 * 4096);
    expect(new TextDecoder().decode(streamed.get('project.qde'))).toBe(renderProjectXml(project));
    expect(streamed.size).toBe(1 + snapshot.sources.length);
  });
});
