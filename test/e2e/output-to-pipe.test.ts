import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, telaah, tempDir } from '../helpers/spawn-cli.js';

// `-o /dev/null` or `-o /dev/stdout` used to write a temporary file and rename it over the device: as root
// that put a plain file where /dev/null was, for every program on the machine. A named pipe stands in for
// the device here (the real /dev is never touched): output goes into it, and it stays a pipe.

let dir: string;

beforeAll(() => {
  const root = tempDir();
  expect(telaah(root, ['demo', 'demo']).code).toBe(0);
  dir = join(root, 'demo');
});

/** Runs telaah with `PIPE` in `args` naming a new named pipe while `cat` reads it; returns what came through. */
function throughPipe(name: string, args: string[]): { code: number; stderr: string; read: string } {
  const pipe = join(dir, name);
  const got = join(dir, `${name}.got`);
  expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
  // cat gives up after a while: a command that never opens the pipe must fail the test, not hang it.
  const script = 'p=$1 g=$2 b=$3; shift 3; timeout 60 cat "$p" > "$g" & node "$b" "$@"; code=$?; wait; exit $code';
  const argv = args.map((arg) => (arg === 'PIPE' ? pipe : arg));
  const run = spawnSync('sh', ['-c', script, 'sh', pipe, got, BIN, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(lstatSync(pipe).isFIFO(), `${name} is still a named pipe`).toBe(true);
  return { code: run.status ?? -1, stderr: run.stderr, read: readFileSync(got, 'utf8') };
}

describe('-o naming a pipe or a device', () => {
  it('export csv writes into the pipe what it writes to a file, and leaves no temporary file', () => {
    expect(telaah(dir, ['export', 'csv', '--what', 'segments', '-o', 'segments-file.csv']).code).toBe(0);
    const expected = readFileSync(join(dir, 'segments-file.csv'), 'utf8');
    const result = throughPipe('segments.csv', ['export', 'csv', '--what', 'segments', '-o', 'PIPE']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.read).toBe(expected);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('report and export qdc write into the pipe too', () => {
    const report = throughPipe('report.md', ['report', '-o', 'PIPE']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.read).toMatch(/^# /m);
    const qdc = throughPipe('codebook.qdc', ['export', 'qdc', 'PIPE']);
    expect(qdc.code, qdc.stderr).toBe(0);
    expect(qdc.read).toContain('<CodeBook');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('backup refuses a pipe: one line, exit 2, the pipe left as it was', () => {
    const pipe = join(dir, 'copy.db');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const result = telaah(dir, ['backup', 'copy.db', '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')[0]).toMatch(/cannot back up to copy\.db: it is not a file/);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });
});
