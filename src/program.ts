// The whole command line as a function: argv and streams in, exit code out. src/process.ts is the process
// around it; tests call run() in-process with their own streams and environment. Only commander and the
// option rules load at start-up; the checklist, the AWS layer and the renderers are imported when a
// command runs, so `--version` and `--help` stay fast.
import { Argument, Command, CommanderError, Option } from 'commander';
import { plain } from './domain/text.js';
import { ExitCode } from './exit-codes.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT,
  decideColor,
  OUTPUT_FORMATS,
  BATCH_FORMATS,
  outputFormat,
  readSecret,
  resolveSecretHashOptions,
  UsageError,
  type RawCensusOptions,
  type RawDiagnoseOptions,
  type RawSecretHashOptions,
} from './options.js';
import type { Flow } from './domain/flow.js';
import { VERSION } from './version.js';
import type { CliIo } from './cli-io.js';

const EXIT_CODES_HELP = `
Exit codes:
  0    no check failed: Cognito should be able to deliver the code
  1    at least one check failed (or warned, with --strict)
  2    usage error (also: --fix with no terminal to confirm on and no --yes)
  3    inconclusive: a check that matters could not run (access denied, throttled, network)
  4    AWS setup: no credentials, expired SSO token, pool not found or not readable
  74   the report could not be written (a full disk, a closed stdout)
  129  SIGHUP, 130 SIGINT (Ctrl-C), 143 SIGTERM: stopped; the report shows what was seen so far`;

const CENSUS_EXIT_CODES_HELP = `
Exit codes:
  0    every user classified can receive a ForgotPassword code
  1    some users cannot (or a pool-level check failed on a channel their codes take)
  2    usage error
  3    inconclusive: the listing failed part-way (throttled, access denied), a pool-level check could
       not run, or some users' answer depends on MFA settings ListUsers does not show
  4    AWS setup: no credentials, expired SSO token, pool not found or not readable
  74   the report could not be written
  129  SIGHUP, 130 SIGINT (Ctrl-C), 143 SIGTERM: stopped; the report is the partial census`;

interface DiagnoseCommand {
  flow: Flow;
  description: string;
  /** The API the app calls, for --client-id's help. */
  api: string;
  /** verify-attribute: a second argument names the attribute. */
  attribute?: boolean;
  examples: string[];
}

const DIAGNOSE_COMMANDS: readonly DiagnoseCommand[] = [
  {
    flow: 'forgot-password',
    description: 'diagnose why a ForgotPassword code did not arrive',
    api: 'ForgotPassword',
    examples: [
      'cognito-doctor forgot-password jane@example.com -p eu-west-1_AbC123',
      'cognito-doctor forgot-password jane -p eu-west-1_AbC123 -c 1example23456789 --json',
      'cognito-doctor forgot-password +447400123456 -p eu-west-1_AbC123 -o markdown --redact',
      'cognito-doctor forgot-password jane -p eu-west-1_AbC123 --dry-run',
      'cognito-doctor forgot-password jane -p eu-west-1_AbC123 --fix --yes --json',
    ],
  },
  {
    flow: 'sign-up',
    description: 'diagnose why a sign-up confirmation code did not arrive (SignUp, ResendConfirmationCode)',
    api: 'SignUp and ResendConfirmationCode',
    examples: [
      'cognito-doctor sign-up jane@example.com -p eu-west-1_AbC123',
      'cognito-doctor sign-up jane -p eu-west-1_AbC123 -c 1example23456789 --json',
    ],
  },
  {
    flow: 'verify-attribute',
    description: 'diagnose why an attribute verification code did not arrive (GetUserAttributeVerificationCode)',
    api: 'GetUserAttributeVerificationCode',
    attribute: true,
    examples: [
      'cognito-doctor verify-attribute jane email -p eu-west-1_AbC123',
      'cognito-doctor verify-attribute jane phone_number -p eu-west-1_AbC123 --json',
    ],
  },
  {
    flow: 'invitation',
    description: 'diagnose why an AdminCreateUser invitation (temporary password) did not arrive',
    api: 'AdminCreateUser',
    examples: [
      'cognito-doctor invitation new.hire -p eu-west-1_AbC123',
      'cognito-doctor invitation new.hire@example.com -p eu-west-1_AbC123 --dry-run',
    ],
  },
];

/**
 * --rate (requests per second), for every command that calls AWS: one definition, so adding it to a command is one line
 * (`command.addOption(rateOption())`).
 */
export function rateOption(): Option {
  return new Option(
    '--rate <rps>',
    "at most this many AWS requests a second for the whole run (default: each API category's own quota)",
  );
}

const examples = (lines: readonly string[]) => `\nExamples:\n${lines.map((e) => `  $ ${e}`).join('\n')}`;
/** The program's help: the first examples of each command, and secret-hash. */
const EXAMPLES = examples([
  ...DIAGNOSE_COMMANDS.flatMap((c) => c.examples.slice(0, 2)),
  'cognito-doctor pool -p eu-west-1_AbC123 -o markdown',
  'cognito-doctor secret-hash jane -c 1example23456789 -p eu-west-1_AbC123',
]);

/** How a usage error is answered on stdout: as a JSON document, as one ndjson line, or not at all. */
type ErrorFormat = 'json' | 'ndjson' | undefined;

/** What the arguments ask for, so even a usage error is answered in it (before commander has parsed them). */
function errorFormatOf(args: readonly string[]): ErrorFormat {
  const format = /(^|\s)(-o|--output)(\s|=)(nd)?json\b/.exec(args.join(' '));
  return format?.[4] ? 'ndjson' : format || args.includes('--json') ? 'json' : undefined;
}

/** The format options a command was given: json and ndjson answer a usage error on stdout. */
const errorFormat = (raw: { json?: boolean; output?: string }): ErrorFormat =>
  raw.output === 'ndjson' ? 'ndjson' : raw.json === true || raw.output === 'json' ? 'json' : undefined;

/**
 * Run the command line `args` (without `node` and the script) against `io`; resolves to the exit
 * code. Each call has its own state, so runs in one process do not see each other.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const state: RunState = { exitCode: ExitCode.OK, errorFormat: errorFormatOf(args), args };
  try {
    await buildProgram(io, state).parseAsync(args, { from: 'user' });
  } catch (err) {
    if (err instanceof Error && err.name === 'Interrupted') {
      io.stderr.write('\ncognito-doctor: interrupted\n');
      state.exitCode = ExitCode.INTERRUPTED;
    } else if (err instanceof CommanderError) {
      // --help and --version end the parse with exit code 0; everything else is a usage error.
      if (err.exitCode === 0) state.exitCode = ExitCode.OK;
      else fail(io, state, err, ExitCode.USAGE);
    } else if (err instanceof UsageError) {
      fail(io, state, err, ExitCode.USAGE);
    } else {
      fail(io, state, err instanceof Error ? err : new Error(String(err)), ExitCode.INTERNAL);
      if (io.env.COGNITO_DOCTOR_DEBUG) io.stderr.write(`${(err as Error).stack}\n`);
    }
  }
  return state.exitCode;
}

interface RunState {
  /** Set once, by the command that ran. */
  exitCode: number;
  errorFormat: ErrorFormat;
  /** The command line, for a --record file. */
  args: readonly string[];
}

function fail(io: CliIo, state: RunState, error: Error, code: number): void {
  // One line, always: commander's "did you mean" hint joins the message.
  // A message may quote a file or an answer (a --replay file that is not JSON): text, never terminal codes.
  const message = plain(error.message)
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (state.errorFormat) {
    const kind = code === ExitCode.USAGE ? 'usage' : 'internal';
    const body = {
      schemaVersion: 1,
      tool: { name: 'cognito-doctor', version: VERSION },
      error: { kind, message },
      exitCode: code,
    };
    io.stdout.write(`${state.errorFormat === 'ndjson' ? JSON.stringify(body) : JSON.stringify(body, null, 2)}\n`);
  }
  state.exitCode = code;
  // `cognito-doctor` alone has already printed the help (commander.help); every other error is one line.
  if (error instanceof CommanderError && error.code === 'commander.help') return;
  const hint = error instanceof CommanderError ? ' (see cognito-doctor --help)' : '';
  io.stderr.write(`cognito-doctor: ${message}${hint}\n`);
}

function buildProgram(io: CliIo, state: RunState): Command {
  const program = new Command('cognito-doctor')
    .description(
      'Why did an Amazon Cognito user get no ForgotPassword, sign-up or verification code, and what fixes it?',
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Usage errors are printed once, as one line, by fail().
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: () => {},
    })
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);
  const colorOf = (flag: boolean | undefined) => decideColor(flag, io.env, io.stdout.isTTY === true);

  for (const spec of DIAGNOSE_COMMANDS) addDiagnoseCommand(program, spec, io, state);

  program
    .command('checks')
    .description('list every check: id, title, the codes it reports, the IAM actions it reads, docs')
    .addOption(new Option('-o, --output <format>', 'pretty, json or markdown (default: pretty)'))
    .option('--json', 'short for --output json')
    .option('--color', 'force colour on')
    .option('--no-color', 'colour off')
    .action(async (raw: { output?: string; json?: boolean; color?: boolean }) => {
      state.errorFormat = errorFormat(raw);
      const [{ checklists }, { renderChecks }, { createStyle }] = await Promise.all([
        import('./checks/index.js'),
        import('./render/checks.js'),
        import('./render/style.js'),
      ]);
      io.stdout.write(renderChecks(checklists, outputFormat(raw), createStyle(colorOf(raw.color))));
    });

  program
    .command('pool')
    .description('census: how many users of a pool could not receive a ForgotPassword code, and why')
    .option('-p, --user-pool-id <id>', 'the user pool (its Region comes from the prefix)')
    .option('--region <region>', 'must agree with the pool id prefix')
    .option('--profile <name>', 'AWS profile (SSO, role or keys), as the AWS CLI reads it')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (tests, LocalStack)')
    .addOption(new Option('-o, --output <format>', 'pretty, json or markdown (default: pretty)'))
    .option('--json', 'short for --output json')
    .option('--limit <n>', 'classify only the first N users (a sample)')
    .addOption(rateOption())
    .option('--redact', 'mask the example usernames, e-mail addresses and phone numbers')
    .option(
      '--timeout <duration>',
      'time limit of the pool-level checks; each ListUsers page has its own request time limit',
      DEFAULT_TIMEOUT,
    )
    .option('--color', 'force colour on')
    .option('--no-color', 'colour off')
    .option('-v, --verbose', 'evidence of passing checks, and every AWS call on stderr')
    .option(
      '--record <file>',
      'write every AWS answer the census read, each ListUsers page too, to <file> (redacted with --redact; never secrets)',
    )
    .option('--replay <file>', 'answer every read from a `pool --record` file: no credentials, no network')
    .addHelpText(
      'after',
      `${examples(['cognito-doctor pool -p eu-west-1_AbC123', 'cognito-doctor pool -p eu-west-1_AbC123 --limit 1000 --json'])}
${CENSUS_EXIT_CODES_HELP}`,
    )
    .action(async (raw: RawCensusOptions & { color?: boolean }) => {
      state.errorFormat = errorFormat(raw);
      const { runPoolCommand } = await import('./commands/pool.js');
      state.exitCode = await runPoolCommand(raw, state.args, io);
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
    .addOption(rateOption())
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
      if (raw.profile) io.env.AWS_PROFILE = raw.profile;
      const result = await secretHashCommand(resolveSecretHashOptions(username, raw), () =>
        readSecret(io.env, io.stdin),
      );
      for (const note of result.notes) io.stderr.write(`cognito-doctor: ${note}\n`);
      if (result.hash) io.stdout.write(`${result.hash}\n`);
      state.exitCode = result.exitCode;
    });

  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish (see the README to install it)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const [{ checklists }, { completionScript, completionTree }] = await Promise.all([
        import('./checks/index.js'),
        import('./commands/completion.js'),
      ]);
      const tree = completionTree(program, (command) => {
        const flow = Object.hasOwn(checklists, command);
        const ids = (flow ? checklists[command as Flow] : []).map((c) => c.id);
        return {
          '--only': { values: ids, list: true },
          '--skip': { values: ids, list: true },
          // A flow command also writes ndjson (with --users-file).
          '--output': { values: flow ? [...new Set([...OUTPUT_FORMATS, ...BATCH_FORMATS])] : OUTPUT_FORMATS },
          '--users-file': { files: true },
          '--record': { files: true },
          '--replay': { files: true },
        };
      });
      io.stdout.write(completionScript(shell, tree));
    });

  return program;
}

/** A diagnose command: one flow, the options every flow shares. */
function addDiagnoseCommand(program: Command, spec: DiagnoseCommand, io: CliIo, state: RunState): void {
  const command = program
    .command(spec.flow)
    .description(spec.description)
    .argument('[user]', 'what the ticket gives: username, e-mail address, E.164 phone number or sub');
  if (spec.attribute) {
    const attribute = new Argument('[attribute]', 'the attribute whose code did not arrive');
    // Shown in --help and offered by completion; the option rules check the value, saying what to use.
    attribute.argChoices = ['email', 'phone_number'];
    command.addArgument(attribute);
  }
  command
    .option('-p, --user-pool-id <id>', 'the user pool (its Region comes from the prefix)')
    .option('-c, --client-id <id>', `the app client the app calls ${spec.api} with`)
    .option('--region <region>', 'must agree with the pool id prefix')
    .option('--profile <name>', 'AWS profile (SSO, role or keys), as the AWS CLI reads it')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (tests, LocalStack)')
    .option('--as-sent', '<user> is exactly what the app sends as Username (a reproduced request)')
    .addOption(new Option('-o, --output <format>', 'pretty, json or markdown (default: pretty); ndjson for a batch'))
    .option('--json', 'short for --output json')
    .option(
      '--users-file <path>',
      'diagnose many users of the pool instead of <user>: one a line (# comments), - for stdin; a table, or --output ndjson',
    )
    .option('--concurrency <n>', `with --users-file: users diagnosed at once (default: ${DEFAULT_CONCURRENCY})`)
    .option('--only <ids>', 'run only these checks (comma-separated; their dependencies too)')
    .option('--skip <ids>', 'skip these checks (comma-separated; still reported as skip)')
    .option('--strict', 'warnings also make the exit code 1')
    .option('--redact', 'mask e-mail addresses, phone numbers, usernames and subs, in the report and on stderr')
    .option('--no-links', 'leave out the AWS console links of the resources findings name (json, markdown, --verbose)')
    .option('--since <duration>', 'how far back to read delivery logs (at most 90d)', '24h')
    .option(
      '--timeout <duration>',
      'time limit (per user with --users-file, not counting time its requests wait for their turn under --rate or a quota); checks not finished by then are reported as errors',
      DEFAULT_TIMEOUT,
    )
    .addOption(rateOption())
    .option('--color', 'force colour on')
    .option('--no-color', 'colour off')
    .option('-q, --quiet', 'print only the verdict line (pretty and markdown; json prints the whole report)')
    .option('-v, --verbose', 'evidence of passing checks, and every AWS call on stderr')
    .option(
      '--fix',
      'apply the fixes cognito-doctor can make for what blocks the code, asking before each step, then check again',
    )
    .option('--dry-run', 'show the fixes --fix would apply; change nothing')
    .option('--record <file>', 'write every AWS answer the run read to <file> (redacted with --redact; never secrets)')
    .option('--replay <file>', 'answer every read from a --record file: no credentials, no network')
    .option(
      '-y, --yes',
      "confirm --fix steps with no side effect on anyone else, without asking (scripts); never an SMS opt-in (it overrides the owner's STOP, once in 30 days: it is asked at a terminal) nor a password (typed at a terminal)",
    )
    .addHelpText('after', `${examples([...spec.examples, batchExample(spec)])}\n${EXIT_CODES_HELP}\n${BATCH_HELP}`)
    .action(async (first: string | undefined, ...rest: unknown[]) => {
      // Commander passes each argument, then the options: verify-attribute has one argument more.
      let input = first;
      let attribute = spec.attribute ? (rest[0] as string | undefined) : undefined;
      const raw = rest[spec.attribute ? 1 : 0] as RawDiagnoseOptions & { color?: boolean };
      state.errorFormat = errorFormat(raw);
      if (raw.usersFile !== undefined) {
        // A batch names no user: verify-attribute's one argument is then the attribute.
        if (spec.attribute && attribute === undefined) [attribute, input] = [input, undefined];
        if (input !== undefined) throw new UsageError('Give one user or --users-file, not both.');
        const { runBatchCommand } = await import('./commands/batch.js');
        state.exitCode = await runBatchCommand(spec.flow, { ...raw, usersFile: raw.usersFile }, attribute, io);
        return;
      }
      if (input === undefined) throw new UsageError("missing required argument 'user' (or --users-file <path>)");
      if (spec.attribute && attribute === undefined) throw new UsageError("missing required argument 'attribute'");
      if (raw.concurrency !== undefined) {
        throw new UsageError('--concurrency is how many users of --users-file run at once: add --users-file.');
      }
      const { runDiagnoseCommand } = await import('./commands/diagnose.js');
      state.exitCode = await runDiagnoseCommand({ flow: spec.flow, input, attribute, raw, args: state.args }, io);
    });
}

const BATCH_HELP = `
With --users-file, every user of the file is diagnosed (blank lines and # comments ignored, a line
that names no user gets its own error record) and the exit code is the worst of the users': 70
(the tool failed), 4, then 2 (a bad line), 3, 1, 0; 130 when Ctrl-C stopped the batch. --fix is
refused (a batch never writes; --dry-run puts each user's plan in its --output ndjson report) and
--json too (--output ndjson prints one report per line).`;

function batchExample(spec: DiagnoseCommand): string {
  const attribute = spec.attribute ? ' email' : '';
  return `cognito-doctor ${spec.flow} --users-file users.txt${attribute} -p eu-west-1_AbC123 --output ndjson`;
}
