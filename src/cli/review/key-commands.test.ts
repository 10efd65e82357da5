import { describe, expect, it } from 'vitest';
import { promptCommandOf, reviewCommandOf } from './key-commands.js';
import type { Key } from './terminal.js';

const key = (name: string, text = name, mods: Partial<Key> = {}): Key => ({ name, text, ctrl: false, meta: false, ...mods });

describe('keys', () => {
  it('map letters (either case) to review commands, Ctrl-C to an interrupt', () => {
    expect(['a', 'r', 'c', 's', 'u', 'q'].map((k) => reviewCommandOf(key(k)))).toEqual(['accept', 'reject', 'add', 'skip', 'undo', 'quit']);
    expect(reviewCommandOf(key('a', 'A'))).toBe('accept');
    expect(reviewCommandOf(key('', '?'))).toBe('help');
    expect(reviewCommandOf(key('c', '', { ctrl: true }))).toBe('interrupt');
    expect(reviewCommandOf(key('x'))).toEqual({ unknown: 'x' });
    expect(reviewCommandOf(key('return', ''))).toEqual({ unknown: 'return' });
  });

  it('type text in the prompt; Tab completes, Enter submits, Esc cancels', () => {
    expect(promptCommandOf(key('b'))).toEqual({ type: 'type', text: 'b' });
    expect(promptCommandOf(key('', '/'))).toEqual({ type: 'type', text: '/' });
    expect(promptCommandOf(key('a'))).toEqual({ type: 'type', text: 'a' });
    expect(promptCommandOf(key('tab', ''))).toEqual({ type: 'complete' });
    expect(promptCommandOf(key('return', ''))).toEqual({ type: 'submit' });
    expect(promptCommandOf(key('escape', ''))).toEqual({ type: 'cancel' });
    expect(promptCommandOf(key('backspace', ''))).toEqual({ type: 'erase' });
    expect(promptCommandOf(key('w', '', { ctrl: true }))).toEqual({ type: 'erase-word' });
    expect(promptCommandOf(key('c', '', { ctrl: true }))).toEqual({ type: 'interrupt' });
  });
});
