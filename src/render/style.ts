import { Chalk, type ChalkInstance } from 'chalk';

/** One explicit chalk instance per run: the global one ignores NO_COLOR and sniffs argv. */
export type Style = ChalkInstance;

export function createStyle(color: boolean): Style {
  return new Chalk({ level: color ? 1 : 0 });
}
