import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each `db.transaction(…)` call's text and what follows it. */
function transactions(text: string): { after: string; assignedTo?: string }[] {
  const found: { after: string; assignedTo?: string }[] = [];
  for (let at = text.indexOf('db.transaction('); at >= 0; at = text.indexOf('db.transaction(', at + 1)) {
    let end = at + 'db.transaction('.length;
    for (let depth = 1; depth > 0; end += 1) {
      if (text[end] === '(') depth += 1;
      else if (text[end] === ')') depth -= 1;
    }
    const assignedTo = /(?:const|let)\s+(\w+)\s*=\s*$|this\.(\w+)\s*=\s*$/.exec(text.slice(Math.max(0, at - 80), at));
    found.push({ after: text.slice(end, end + 12), assignedTo: assignedTo?.[1] ?? assignedTo?.[2] });
  }
  return found;
}

describe('write transactions', () => {
  // A deferred transaction that reads and then writes cannot wait for another process's write lock:
  // SQLite fails the upgrade at once with SQLITE_BUSY, whatever busy_timeout says. BEGIN IMMEDIATE waits.
  it('every transaction in src takes the write lock when it begins (.immediate)', () => {
    const deferred: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const call of transactions(text)) {
        if (call.after.startsWith('(')) deferred.push(`${file}: db.transaction(…)()`);
        if (call.assignedTo && new RegExp(`\\b${call.assignedTo}\\(`).test(text)) deferred.push(`${file}: ${call.assignedTo}(…)`);
      }
      // EXCLUSIVE takes the lock when it begins as well (encrypt and rekey want sole access).
      if (/exec\(\s*'BEGIN(?! IMMEDIATE| EXCLUSIVE)/.test(text)) deferred.push(`${file}: BEGIN without IMMEDIATE`);
    }
    expect(deferred).toEqual([]);
  });
});
