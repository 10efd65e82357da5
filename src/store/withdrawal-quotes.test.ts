import { describe, expect, it } from 'vitest';
import { QuoteFinder } from '../core/withdrawal/quotes.js';
import { openStore } from './open.js';
import { scrubQuotes } from './withdrawal-quotes.js';

describe('scrubQuotes', () => {
  it('replaces quotes in memos, coding memos, audit arguments and stored codebooks, and nothing else', () => {
    const db = openStore(':memory:', { create: true });
    const said = 'KK-ku masih alamat Tebing Tinggi, katanya';
    db.exec(`
      INSERT INTO memos (target, author, text, created_at, updated_at) VALUES ('project', 'rina', 'Dia: "${said}".', 'now', 'now'), ('project', 'rina', 'Tebing Tinggi jauh.', 'now', 'now');
      INSERT INTO audit (at, actor, command, arguments, counts) VALUES ('now', 'rina', 'memo add', '["project", "${said}"]', '{}');
      INSERT INTO codebooks (name, version, file, sha256, yaml, added_at) VALUES ('cb', '1', 'cb.yaml', 'x', 'examples: ["${said}"]', 'now');
    `);
    const scrubbed = scrubQuotes(db, new QuoteFinder([`${said}. Saya takut.`]));
    expect(scrubbed).toEqual({ memos: 1, codingMemos: 0, audit: 1, codebooks: 1 });
    expect(db.prepare('SELECT text FROM memos ORDER BY id').pluck().all()).toEqual(['Dia: "[withdrawn]".', 'Tebing Tinggi jauh.']);
    expect(db.prepare('SELECT arguments FROM audit').pluck().get()).toBe('["project","[withdrawn]"]');
    expect(db.prepare('SELECT yaml, sha256 FROM codebooks').get()).toEqual({ yaml: 'examples: ["[withdrawn]"]', sha256: 'x' });
  });
});
