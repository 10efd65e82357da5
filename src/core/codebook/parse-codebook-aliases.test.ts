import { describe, expect, it } from 'vitest';
import { parseCodebook } from './parse-codebook.js';

const HEAD = `codebook:\n  name: T\n  version: '1'\n  languages: [id]\ncodes:\n`;

function errorsOf(yaml: string): string[] {
  return parseCodebook(yaml)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.line}:${p.col} ${p.message}`);
}

describe('parseCodebook and YAML alias bombs', () => {
  it('refuses 3,000 codes sharing one 20,000-term list (read term by term, this never ended) at the alias', () => {
    const terms = `[${Array.from({ length: 20_000 }, () => 'a').join(', ')}]`;
    const codes = Array.from({ length: 3000 }, (_, i) => `  - {id: c${i}, label: t, definition: tttt, examples: *e, patterns: *p}`).join('\n');
    const yaml = `${HEAD}  - id: first\n    label: t\n    definition: tttt\n    examples: &e ${terms}\n    patterns: &p {id: ${terms}}\n${codes}\n`;
    const errors = errorsOf(yaml);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\d+:\d+ \*[ep] and the aliases like it repeat values so often that reading them would not end \(a "billion laughs" file\)/);
  });

  it('refuses nested anchors that multiply (billion laughs) in codes and children', () => {
    const levels = ['  - id: top', '    label: t', '    definition: tttt', '    examples: [t]', '    patterns: {id: [t]}', '    children:', '      - {id: top/l0, label: a, definition: aaaa, examples: &L0 [a, a, a, a, a, a, a, a, a, a]}'];
    for (let i = 1; i <= 9; i++) levels.push(`      - {id: top/l${i}, label: a, definition: aaaa, examples: &L${i} [${Array.from({ length: 10 }, () => `*L${i - 1}`).join(', ')}]}`);
    const errors = errorsOf(`${HEAD}${levels.join('\n')}\n`);
    expect(errors).toEqual([expect.stringMatching(/^\d+:\d+ \*L\d and the aliases like it repeat values so often/)]);
  });

  it('still reads a codebook that uses a few aliases', () => {
    const yaml = `${HEAD}  - id: a\n    label: a\n    definition: aaaa\n    examples: &e [iuran mahal]\n    patterns: &p {id: [iuran]}\n  - id: b\n    label: b\n    definition: bbbb\n    examples: *e\n    patterns: *p\n`;
    const { codebook, problems } = parseCodebook(yaml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(codebook?.codes.map((c) => c.id)).toEqual(['a', 'b']);
  });
});
