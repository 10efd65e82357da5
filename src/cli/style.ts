import { Chalk, type ChalkInstance } from 'chalk';
import type { Ctx } from './context.js';

/** A chalk that colours only when the context allows it (TTY, no NO_COLOR, no --json). */
export function paint(ctx: Ctx): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}
