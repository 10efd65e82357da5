import { describe, expect, it } from 'vitest';
import { readInteropNamespace } from './interop-snapshot.js';
import { migrate, openStore } from './open.js';
import { migrations } from './migrations.js';

describe('the project namespace for REFI-QDA GUIDs (m008_interop)', () => {
  it('is drawn once per project, and kept when the migrations run again', () => {
    const db = openStore(':memory:', { create: true });
    const namespace = readInteropNamespace(db);
    expect(namespace).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    db.pragma(`user_version = ${migrations.length - 1}`);
    expect(migrate(db)).toBe(1);
    expect(readInteropNamespace(db)).toBe(namespace);
    expect(readInteropNamespace(openStore(':memory:', { create: true }))).not.toBe(namespace);
  });
});
