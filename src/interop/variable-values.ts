/**
 * Attributes as REFI-QDA variables: one type per variable, chosen so that every value is written as it
 * is (a value that would change when typed — "01" as an Integer, "1.50" as a Float — keeps the variable Text).
 */
import type { VariableType } from './refi-model.js';

const INTEGER = /^-?(?:0|[1-9]\d{0,17})$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)\.\d*[1-9]$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The narrowest type that holds every value unchanged; Text when there are none. */
export function inferVariableType(values: readonly string[]): VariableType {
  if (values.length === 0) return 'Text';
  if (values.every((v) => v === 'true' || v === 'false')) return 'Boolean';
  if (values.every((v) => INTEGER.test(v))) return 'Integer';
  if (values.every((v) => INTEGER.test(v) || DECIMAL.test(v))) return 'Float';
  if (values.every(isDate)) return 'Date';
  return 'Text';
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
