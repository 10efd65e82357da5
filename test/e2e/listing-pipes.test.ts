import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { BIN, telaah, tempDir } from '../helpers/spawn-cli.js';

let demo: string;
beforeAll(() => {
  demo = join(tempDir(), 'demo');
  expect(telaah(join(demo, '..'), ['demo', demo]).code).toBe(0);
}, 120_000);

/** Runs the CLI into a pipe that is closed after the first chunk, as `| head -1` does. */
function firstChunk(args: string[]): Promise<{ code: number | null; chunk: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: demo });
    let chunk = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      chunk = d.toString();
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, chunk, stderr }));
  });
}

describe('listings in a pipe', () => {
  it('print JSON byte for byte as the whole array, however they stream it', () => {
    for (const args of [['codings', 'list', '--json'], ['search', '--json', 'iuran'], ['query', '--json', 'role/educator'], ['sources', 'list', '--json']]) {
      const { code, stdout } = telaah(demo, args);
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(1000);
      expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
    }
  });

  it('print sources list --csv as the whole rows rendered at once', () => {
    const rows = JSON.parse(telaah(demo, ['sources', 'list', '--json']).stdout) as Record<string, unknown>[];
    const fields = ['name', 'type', 'file', 'sha256', 'date', 'site', 'turns', 'segments', 'words'];
    expect(telaah(demo, ['sources', 'list', '--csv']).stdout).toBe(renderCsv(fields, rows.map((r) => fields.map((f) => r[f]))));
  });

  it('stop quietly with exit 0 when the reader closes the pipe early', async () => {
    for (const args of [['codings', 'list', '--json'], ['codings', 'list', '--csv'], ['codings', 'list'], ['search', '--json', 'iuran'], ['query', '--csv', 'role/educator'], ['sources', 'list', '--json']]) {
      const { code, chunk, stderr } = await firstChunk(args);
      expect(chunk.length, args.join(' ')).toBeGreaterThan(0);
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
      expect(stderr).not.toMatch(/EPIPE|Error/);
    }
  });
});
