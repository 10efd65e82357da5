import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMemberCheck, type MemberCheckPacket } from '../core/report/member-check.js';
import { renderMemberCheckDocx } from './member-check-docx.js';

function packet(participant: string): MemberCheckPacket {
  return buildMemberCheck({
    language: 'id',
    participant,
    project: 'bpjs-medan',
    codes: [{ id: 'barrier/documentation', parent: null, label: 'Dokumen kependudukan', definition: null }],
    turns: [
      { source: '09-sumiati', sourceType: 'interview', date: '2025-03-01', turn: 4, startMs: 61_000, text: 'KTP saya masih alamat kampung.', codes: ['barrier/documentation'] },
      { source: 'fgd1-medan-pekerja', sourceType: 'fgd', date: null, turn: 12, startMs: null, text: 'Saya takut uangnya hilang.\nItu saja.', codes: [] },
    ],
  });
}

describe('renderMemberCheckDocx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same packet, at another time and after another packet', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-05T08:00:00Z'));
    const first = await renderMemberCheckDocx(packet('Sumiati'));
    vi.setSystemTime(new Date('2026-07-19T17:42:13Z'));
    await renderMemberCheckDocx(packet('Rahmat'));
    const second = await renderMemberCheckDocx(packet('Sumiati'));
    expect(second.equals(first)).toBe(true);
  });

  it('carries no clock in its core properties', async () => {
    const core = strFromU8(unzipSync(await renderMemberCheckDocx(packet('Sumiati')))['docProps/core.xml']!);
    expect(core).toContain('<dc:title>Untuk diperiksa: kata-kata Sumiati</dc:title>');
    expect(core).not.toContain('dcterms:created');
    expect(core).not.toContain('dcterms:modified');
  });
});
