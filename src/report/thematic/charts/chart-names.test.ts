import { describe, expect, it } from 'vitest';
import { axisNames } from './chart-names.js';
import { textWidth } from './text-width.js';

describe('axisNames', () => {
  it('names codes by label, or by id when the label is empty', () => {
    expect(axisNames([{ code: 'role/educator', label: 'Pendidik' }, { code: 'role/broker', label: ' ' }])).toEqual(['Pendidik', 'role/broker']);
  });

  it('cuts long labels to the axis width', () => {
    const [name] = axisNames([{ code: 'a', label: 'Alamat KTP dan KK tidak sesuai dengan tempat tinggal sekarang di kota tujuan merantau' }]);
    expect(name).toMatch(/^Alamat KTP.*…$/);
    expect(textWidth(name!, 11)).toBeLessThanOrEqual(230);
  });

  it('keeps names apart that would read the same once cut, and codes that share a label', () => {
    const long = (n: number) => ({ code: `k/${n}`, label: `Pendampingan dan hambatan administratif yang dialami pekerja rentan nomor ${n}` });
    const names = axisNames([long(1), long(43), { code: 'a/lain', label: 'Lainnya' }, { code: 'b/lain', label: 'Lainnya' }]);
    expect(new Set(names).size).toBe(4);
    expect(names[0]).toMatch(/nomor 1$/);
    expect(names[1]).toMatch(/nomor 43$/);
    expect(names.slice(2)).toEqual(['Lainnya (a/lain)', 'Lainnya (b/lain)']);
  });
});
