import { describe, expect, it } from 'vitest';
import { inferVariableType } from './variable-values.js';

describe('inferVariableType', () => {
  it.each([
    [['35', '42', '-3'], 'Integer'],
    [['1.5', '2', '0.25'], 'Float'],
    [['true', 'false'], 'Boolean'],
    [['2025-04-19', '2024-02-29'], 'Date'],
    [['01', '2'], 'Text'],
    [['1.50'], 'Text'],
    [['2025-02-30'], 'Text'],
    [['35-44', '25-34'], 'Text'],
    [[], 'Text'],
  ] as const)('%j is %s', (values, type) => expect(inferVariableType(values)).toBe(type));
});
