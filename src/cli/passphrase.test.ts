import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeCtx } from '../../test/helpers/fake-ctx.js';
import { InputError, ProjectError } from '../errors.js';
import { openStore } from '../store/open.js';
import { choosePassphrase, projectPassphrase } from './passphrase.js';

/** A terminal that answers each prompt with the next of `answers`, recording the prompts. */
function terminal(answers: string[]): { prompts: string[]; readSecret: (prompt: string) => Promise<string> } {
  const prompts: string[] = [];
  return { prompts, readSecret: async (prompt) => (prompts.push(prompt), answers.shift() ?? '') };
}

describe('passphrases', () => {
  it('a new one comes from the variable, else is typed twice; empty or two different typings are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telaah-pass-'));
    expect(await choosePassphrase(fakeCtx(dir, { env: { TELAAH_NEW_PASSPHRASE: 'dari env' } }), 'TELAAH_NEW_PASSPHRASE', 'x')).toBe('dari env');
    const typed = terminal(['sama', 'sama']);
    expect(await choosePassphrase(fakeCtx(dir, { readSecret: typed.readSecret }), 'TELAAH_PASSPHRASE', 'the new project')).toBe('sama');
    expect(typed.prompts).toEqual(['New passphrase for the new project: ', 'The same passphrase again: ']);
    await expect(choosePassphrase(fakeCtx(dir, { readSecret: terminal(['satu', 'dua']).readSecret }), 'TELAAH_PASSPHRASE', 'x')).rejects.toThrow(/the two passphrases differ/);
    await expect(choosePassphrase(fakeCtx(dir, { readSecret: terminal(['']).readSecret }), 'TELAAH_PASSPHRASE', 'x')).rejects.toThrow(InputError);
    await expect(choosePassphrase(fakeCtx(dir), 'TELAAH_PASSPHRASE', 'x')).rejects.toThrow(/needs a passphrase and none was given/);
  });

  it("an encrypted project's is read from the variable or asked once per command; a plain project needs none", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telaah-pass-'));
    const encrypted = join(dir, 'e.db');
    openStore(encrypted, { create: true, key: 'k' }).close();
    const plain = join(dir, 'p.db');
    openStore(plain, { create: true }).close();

    const asked = terminal(['k']);
    const ctx = fakeCtx(dir, { readSecret: asked.readSecret });
    expect(await projectPassphrase(ctx, plain)).toBeUndefined();
    expect(await projectPassphrase(ctx, encrypted)).toBe('k');
    expect(await projectPassphrase(ctx, encrypted)).toBe('k');
    expect(asked.prompts).toEqual(['Passphrase of this project: ']);
    expect(await projectPassphrase(fakeCtx(dir, { env: { TELAAH_PASSPHRASE: 'v' } }), encrypted)).toBe('v');
    await expect(projectPassphrase(fakeCtx(dir), encrypted)).rejects.toThrow(ProjectError);
  });
});
