#!/usr/bin/env node
// Only commander and the option rules load at start-up; the checklist, the AWS layer and the renderers
// are imported when a command runs, so `--version` and `--help` stay fast (SPEC §8).
import { Command, CommanderError, Option } from 'commander';
import module from 'node:module';
import { ExitCode } from './exit-codes.js';
import {
  decideColor,
  fixConfirmation,
  outputFormat,
  readSecret,
  resolveDiagnoseOptions,
  resolveSecretHashOptions,
  UsageError,
  type RawDiagnoseOptions,
  type RawSecretHashOptions,
} from './options.js';
import type { Prompter } from './ui/prompt.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const EXIT_CODES_HELP = `
Exit codes:
  0    no check failed: Cognito should be able to deliver the code
  1    at least one check failed (or warned, with --strict)
  2    usage error (also: --fix with no terminal to confirm on and no --yes)
  3    inconclusive: a check that matters could not run (access denied, throttled, network)
  4    AWS setup: no credentials, expired SSO token, pool not found or not readable
  130  interrupted`;

const EXAMPLES = `
Examples:
  $ cognito-doctor forgot-password jane@example.com -p eu-west-1_AbC123
  $ cognito-doctor forgot-password jane -p eu-west-1_AbC123 -c 1example23456789 --json
  $ cognito-doctor forgot-password +447400123456 -p eu-west-1_AbC123 -o markdown --redact
  $ cognito-doctor forgot-password jane -p eu-west-1_AbC123 --dry-run
  $ cognito-doctor forgot-password jane -p eu-west-1_AbC123 --fix --yes --json`;

/** Set once, by the command that ran: the process exit code (SPEC §3). */
let exitCode: number = ExitCode.OK;
let jsonErrors = false;

function fail(error: Error, code: number): void {
  // One line, always: commander's "did you mean" hint joins the message.
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (jsonErrors) {
    const kind = code === ExitCode.USAGE ? 'usage' : 'internal';
    const body = {
      schemaVersion: 1,
      tool: { name: 'cognito-doctor', version: VERSION },
      error: { kind, message },
      exitCode: code,
    };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  }
  exitCode = code;
  // `cognito-doctor` alone has already printed the help (commander.help); every other error is one line.
  if (error instanceof CommanderError && error.code === 'commander.help') return;
  const hint = error instanceof CommanderError ? ' (see cognito-doctor --help)' : '';
  process.stderr.write(`cognito-doctor: ${message}${hint}\n`);
}

function buildProgram(): Command {
  const program = new Command('cognito-doctor')
    .description('Why did an Amazon Cognito user get no ForgotPassword code, and what fixes it?')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Usage errors are printed once, as one line, by fail().
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} })
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);

  program
    .command('forgot-password')
    .description('diagnose why a ForgotPassword code did not arrive')
    .argument('<user>', 'what the ticket gives: username, e-mail address, E.164 phone number or sub')
    .option('-p, --user-pool-id <id>', 'the user pool (its Region comes from the prefix)')
    .option('-c, --client-id <id>', 'the app client the app calls ForgotPassword with')
    .option('--region <region>', 'must agree with the pool id prefix')
    .option('--profile <name>', 'AWS profile (SSO, role or keys), as the AWS CLI reads it')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (tests, LocalStack)')
    .addOption(new Option('-o, --output <format>', 'pretty, json or markdown (default: pretty)'))
    .option('--json', 'short for --output json')
    .option('--only <ids>', 'run only these checks (comma-separated; their dependencies too)')
    .option('--skip <ids>', 'skip these checks (comma-separated; still reported as skip)')
    .option('--strict', 'warnings also make the exit code 1')
    .option('--redact', 'mask e-mail addresses, phone numbers and usernames')
    .option('--since <duration>', 'how far back to read delivery logs (at most 90d)', '24h')
    .option('--color', 'force colour on')
    .option('--no-color', 'colour off')
    .option('-q, --quiet', 'print only the verdict line (pretty and markdown; json prints the whole report)')
    .option('-v, --verbose', 'evidence of passing checks, and every AWS call on stderr')
    .option(
      '--fix',
      'apply the fixes cognito-doctor can make for what blocks the reset, asking before each step, then check again',
    )
    .option('--dry-run', 'show the fixes --fix would apply; change nothing')
    .option(
      '-y, --yes',
      "confirm --fix steps with no side effect on anyone else, without asking (scripts); never an SMS opt-in (it overrides the owner's STOP, once in 30 days: it is asked at a terminal) nor a password (typed at a terminal)",
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action(async (input: string, raw: RawDiagnoseOptions & { color?: boolean }) => {
      jsonErrors = raw.json === true || raw.output === 'json';
      const [{ checks }, { diagnose }, { createStyle }, { autoConfirm }, { createPrompter }, { normaliseUserInput }] =
        await Promise.all([
          import('./checks/index.js'),
          import('./diagnose.js'),
          import('./render/style.js'),
          import('./fixes/apply.js'),
          import('./ui/prompt.js'),
          import('./domain/user-input.js'),
        ]);
      const options = resolveDiagnoseOptions(
        input,
        raw,
        checks.map((c) => c.id),
        normaliseUserInput,
      );
      // Refuse before any AWS request when nobody can confirm a change (SPEC §7).
      const confirmation = fixConfirmation(
        options,
        { stdinIsTTY: process.stdin.isTTY === true, stderrIsTTY: process.stderr.isTTY === true },
        process.env,
      );
      if (options.profile) process.env.AWS_PROFILE = options.profile; // the SDK's endpoint config reads only the env
      const style = createStyle(decideColor(raw.color, process.env, process.stdout.isTTY === true));
      let prompter: Prompter | undefined;
      if (confirmation === 'prompt') prompter = createPrompter(process.stdin, process.stderr);
      try {
        const operator = confirmation === 'auto' ? autoConfirm(process.stderr) : prompter;
        const { report, output } = await diagnose(options, {
          stderr: process.stderr,
          env: process.env,
          style,
          version: VERSION,
          ...(operator ? { operator } : {}),
        });
        process.stdout.write(output);
        exitCode = report.exitCode;
      } finally {
        prompter?.close();
      }
    });

  program
    .command('checks')
    .description('list every check: id, title, the codes it reports, the IAM actions it reads, docs')
    .addOption(new Option('-o, --output <format>', 'pretty, json or markdown (default: pretty)'))
    .option('--json', 'short for --output json')
    .option('--color', 'force colour on')
    .option('--no-color', 'colour off')
    .action(async (raw: { output?: string; json?: boolean; color?: boolean }) => {
      jsonErrors = raw.json === true || raw.output === 'json';
      const [{ checks }, { renderChecks }, { createStyle }] = await Promise.all([
        import('./checks/index.js'),
        import('./render/checks.js'),
        import('./render/style.js'),
      ]);
      const style = createStyle(decideColor(raw.color, process.env, process.stdout.isTTY === true));
      process.stdout.write(renderChecks(checks, outputFormat(raw), style));
    });

  program
    .command('secret-hash')
    .description('print the SECRET_HASH an app client with a secret needs for a username')
    .argument('<username>', 'the username the request sends (with -p, an alias is resolved to it)')
    .requiredOption('-c, --client-id <id>', 'the app client')
    .option('-p, --user-pool-id <id>', 'read the secret from this pool (DescribeUserPoolClient)')
    .option('--region <region>', 'must agree with the pool id prefix')
    .option('--profile <name>', 'AWS profile (SSO, role or keys), as the AWS CLI reads it')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (tests, LocalStack)')
    .addHelpText(
      'after',
      `
Without -p the secret is read from COGNITO_CLIENT_SECRET or standard input, never from an argument.
The hash alone goes to stdout:
  $ SECRET_HASH=$(cognito-doctor secret-hash jane -c 1example23456789 -p eu-west-1_AbC123)
  $ printf %s "$SECRET" | cognito-doctor secret-hash jane -c 1example23456789`,
    )
    .action(async (username: string, raw: RawSecretHashOptions) => {
      const { secretHashCommand } = await import('./commands/secret-hash.js');
      if (raw.profile) process.env.AWS_PROFILE = raw.profile;
      const result = await secretHashCommand(resolveSecretHashOptions(username, raw), () =>
        readSecret(process.env, process.stdin),
      );
      for (const note of result.notes) process.stderr.write(`cognito-doctor: ${note}\n`);
      if (result.hash) process.stdout.write(`${result.hash}\n`);
      exitCode = result.exitCode;
    });

  return program;
}

async function main(argv: string[]): Promise<void> {
  // Node 22+ keeps compiled code between runs: the lazily loaded SDK chunks then compile once.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  jsonErrors = argv.includes('--json') || /(^|\s)(-o|--output)(\s|=)json\b/.test(argv.join(' '));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.once('SIGINT', () => {
    process.stderr.write('\ncognito-doctor: interrupted\n');
    process.exit(ExitCode.INTERRUPTED);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof Error && err.name === 'Interrupted') {
      process.stderr.write('\ncognito-doctor: interrupted\n');
      exitCode = ExitCode.INTERRUPTED;
    } else if (err instanceof CommanderError) {
      // --help and --version end the parse with exit code 0; everything else is a usage error.
      if (err.exitCode === 0) exitCode = ExitCode.OK;
      else fail(err, ExitCode.USAGE);
    } else if (err instanceof UsageError) {
      fail(err, ExitCode.USAGE);
    } else {
      fail(err instanceof Error ? err : new Error(String(err)), 1);
      if (process.env.COGNITO_DOCTOR_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    }
  }
  process.exitCode = exitCode;
}

await main(process.argv);
