import { describe, expect, it } from 'vitest';
import { compareCodings, formatCodingLine, parseCodingLine, parseCodingLines, type TeamCoding } from './coding-line.js';
import { errorOf } from '../../../test/helpers/input-error.js';

const SHA = 'a'.repeat(64);

const coding: TeamCoding = {
  source: 'w01-siti',
  sha256: SHA,
  segment: '4.2',
  start: 310,
  end: 360,
  code: 'strategy/tailored-education',
  coder: 'ana',
  origin: 'manual',
  memo: 'leaflet 📄',
  createdAt: '2026-01-02T03:04:05.000Z',
  text: 'Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.',
};

describe('coding lines', () => {
  it('write the keys in the documented order, text last, and read back the same coding', () => {
    const line = formatCodingLine(coding);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['source', 'sha256', 'segment', 'start', 'end', 'code', 'coder', 'origin', 'memo', 'createdAt', 'text']);
    expect(line).not.toContain('\n');
    expect(parseCodingLine(line)).toEqual(coding);
    const suggestion = { ...coding, origin: 'suggested' as const, confidence: 0.72 };
    expect(parseCodingLine(formatCodingLine(suggestion))).toEqual(suggestion);
  });

  it('sort by sha256, start, end, code and coder', () => {
    const lines = [
      { ...coding, start: 5, end: 9, code: 'b' },
      { ...coding, sha256: '0'.repeat(64), start: 900 },
      { ...coding, start: 5, end: 9, code: 'a', coder: 'budi' },
      { ...coding, start: 5, end: 9, code: 'a', coder: 'ana' },
      { ...coding, start: 5, end: 7 },
    ].sort(compareCodings);
    expect(lines.map((c) => [c.sha256[0], c.start, c.end, c.code, c.coder])).toEqual([
      ['0', 900, 360, 'strategy/tailored-education', 'ana'],
      ['a', 5, 7, 'strategy/tailored-education', 'ana'],
      ['a', 5, 9, 'a', 'ana'],
      ['a', 5, 9, 'a', 'budi'],
      ['a', 5, 9, 'b', 'ana'],
    ]);
  });

  it('skip blank lines, a BOM and CRLF line ends', () => {
    const text = `\uFEFF${formatCodingLine(coding)}\r\n\r\n${formatCodingLine({ ...coding, coder: 'budi' })}\r\n`;
    expect(parseCodingLines(text).map((c) => c.coder)).toEqual(['ana', 'budi']);
  });

  it.each([
    ['{"source": "w01"', /^not a JSON object/],
    ['[1, 2]', /^not a JSON object$/],
    [JSON.stringify({ ...coding, sha256: 'abc' }), /"sha256" is not a SHA-256 hash/],
    [JSON.stringify({ ...coding, segment: '4-6' }), /"segment" is not a turn or sentence address: "4-6"/],
    [JSON.stringify({ ...coding, start: -1 }), /"start" must be a whole number of at least 0, not -1/],
    [JSON.stringify({ ...coding, end: 1.5 }), /"end" must be a whole number/],
    [JSON.stringify({ ...coding, start: 400 }), /"end" \(360\) is before "start" \(400\)/],
    [JSON.stringify({ ...coding, origin: 'rejected' }), /"origin" "rejected" is not one of auto, manual, suggested, accepted, imported/],
    [JSON.stringify({ ...coding, code: '' }), /"code" must be non-empty text/],
    [JSON.stringify({ ...coding, coder: undefined }), /^no "coder"$/],
    [JSON.stringify({ ...coding, text: undefined }), /^no "text"$/],
    [JSON.stringify({ ...coding, memo: 3 }), /"memo" must be text or null/],
    ['<<<<<<< HEAD', /a git merge conflict marker/],
  ])('refuse %s', (line, message) => {
    expect(errorOf(() => parseCodingLine(line)).message).toMatch(message);
  });

  it('name the line of the first malformed one', () => {
    const text = [formatCodingLine(coding), '', formatCodingLine(coding).replace('"manual"', '"manul"'), 'not json'].join('\n');
    const error = errorOf(() => parseCodingLines(text));
    expect(error.location.line).toBe(3);
    expect(error.inFile('ana.jsonl').format()).toMatch(/^ana\.jsonl:3: "origin" "manul" is not one of/);
  });
});
