import { spawnSync } from 'node:child_process';

/** True when xmllint (Debian: libxml2-utils) is installed; tests that need it say so when it is not. */
export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

/** Validates `file` against the XSD `schema` with xmllint; returns its exit code and messages. */
export function xmllintSchema(schema: string, file: string): { code: number; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
