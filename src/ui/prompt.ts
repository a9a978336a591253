import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Operator } from '../fixes/types.js';

/** The operator pressed Ctrl-C at a prompt. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor() {
    super('interrupted');
  }
}

export interface Prompter extends Operator {
  close(): void;
}

type Answer = { line: string } | { end: true } | { interrupt: true };

/**
 * Questions on `output` (stderr), answers from `input` (stdin), one line each. Lines typed ahead
 * are queued, not lost. A secret is read with echo off; Ctrl-C rejects with Interrupted; end of
 * input answers "no" (an empty line).
 */
export function createPrompter(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream & { isTTY?: boolean },
): Prompter {
  // Echo only while a yes/no question waits: keys typed ahead (perhaps a password) are never shown.
  let muted = true;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk as Buffer);
      done();
    },
  });
  const terminal = input.isTTY === true && output.isTTY === true;
  // historySize 0: a typed password must not stay in readline's history.
  const rl = createInterface({ input, output: sink, terminal, historySize: 0 });
  const queue: Answer[] = [];
  let waiting: ((answer: Answer) => void) | undefined;
  const deliver = (answer: Answer) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(answer);
    } else queue.push(answer);
  };
  rl.on('line', (line) => {
    deliver({ line });
  });
  let closed = false;
  rl.on('close', () => {
    closed = true;
    deliver({ end: true });
  });
  rl.on('SIGINT', () => {
    deliver({ interrupt: true });
  });

  async function ask(question: string, echo: boolean): Promise<string> {
    muted = !echo;
    // Once input has ended readline refuses to prompt; the question is still shown, answered "no".
    if (closed) output.write(question);
    else {
      rl.setPrompt(question);
      rl.prompt();
    }
    const queued = queue.shift();
    const answer = queued ?? (await new Promise<Answer>((resolve) => (waiting = resolve)));
    muted = true;
    // A terminal has echoed a live answer and its newline unless muted; show a queued one the same way.
    if ('line' in answer && (queued || !terminal || !echo)) output.write(`${echo ? answer.line : ''}\n`);
    if ('interrupt' in answer) throw new Interrupted();
    if ('end' in answer) {
      queue.unshift(answer); // every later question also meets the end of input
      output.write('\n');
      return '';
    }
    return answer.line;
  }

  return {
    interactive: true,
    async confirm(question) {
      const answer = (await ask(`${question} [y/N] `, true)).trim().toLowerCase();
      return answer === 'y' || answer === 'yes';
    },
    async secret(question) {
      output.write(question);
      return ask('', false);
    },
    close() {
      rl.close();
    },
  };
}
