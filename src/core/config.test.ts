import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultConfig, renderDefaultConfig, validateConfig } from './config.js';

describe('project config', () => {
  it('the written template reads back as the defaults', () => {
    const { config, problems } = validateConfig(parse(renderDefaultConfig('Studi BPJS')), 'x');
    expect(problems).toEqual([]);
    expect(config).toEqual(defaultConfig('Studi BPJS'));
  });

  it('a demo project says so in its settings', () => {
    const { config, problems } = validateConfig(parse(renderDefaultConfig('Demo', { demo: true })), 'x');
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...defaultConfig('Demo'), report: { outcome: 'enrolled_after' }, demo: true });
  });

  it('reads the report outcome attribute, trimmed', () => {
    expect(validateConfig({ report: { outcome: ' enrolled_after ' } }, 'x').config.report).toEqual({ outcome: 'enrolled_after' });
    expect(validateConfig({ report: null }, 'x').config.report).toEqual({ outcome: null });
  });

  it.each([
    [{ coding_unit: 'paragraph' }, ['coding_unit'], /sentence" or "turn/],
    [{ languages: ['fr'] }, ['languages'], /unsupported language fr/],
    [{ triangulation: { convergent: 9 } }, ['triangulation', 'convergent'], /1 to 4/],
    [{ triangulation: { convergent: 2, corroborated: 3 } }, ['triangulation'], /cannot exceed/],
    [{ triangulation: { required: 'strong' } }, ['triangulation', 'required'], /one of/],
    [{ codng_unit: 'turn' }, ['codng_unit'], /unknown setting/],
    [{ demo: 'yes' }, ['demo'], /true or false/],
    [{ report: 'enrolled_after' }, ['report'], /must be a mapping/],
    [{ report: { outcome: 3 } }, ['report', 'outcome'], /name of a participant attribute/],
    [{ report: { outcom: 'x' } }, ['report', 'outcom'], /unknown setting "report.outcom"/],
  ])('reports %j at its key', (value, path, message) => {
    const { problems } = validateConfig(value, 'x');
    expect(problems[0]?.path).toEqual(path);
    expect(problems[0]?.message).toMatch(message);
  });
});
