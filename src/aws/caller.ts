import { setMaxListeners } from 'node:events';
import { guardAnswers, type GuardableClient } from './answer-guard.js';
import { credentialChain } from './credentials.js';
import { AwsCallError, classifyAwsError } from './errors.js';
import { RequestLimiter, type Slowdown } from './limiter.js';
import { queueListener, SharedWait, type QueueListener } from './queue-time.js';
import { limitRequests, type LimitableClient } from './rate-middleware.js';
import type { Recorder, Replayer } from './recording.js';
import { preloadOtherServices, services, type IamAction, type SdkModule, type ServiceName } from './services.js';

export interface AwsSettings {
  /** One endpoint for every service (tests, LocalStack); otherwise the SDK reads AWS_ENDPOINT_URL*. */
  endpointUrl?: string;
  /** The --profile, named in a credentials failure. */
  profile?: string;
  maxAttempts?: number;
  /** Per attempt: how long to wait for a connection, and for the response once connected. */
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** The timeouts above were derived from --timeout: one hit is told as --timeout's, not the network's. */
  capsFromTimeout?: true;
  /** --rate: a ceiling on the run's requests per second; the per-category quotas apply beneath it. */
  rate?: number;
  /** --record: every read's answer is kept here. */
  recorder?: Recorder;
  /**
   * A batch: a read that failed for the moment (throttled, network) is forgotten, so the next user asks
   * again instead of inheriting one user's bad luck. A single run keeps every answer, failures too.
   */
  forgetTransientFailures?: boolean;
  /**
   * A batch: each user's clock stops while its requests wait their turn at the limiter (queue-time.ts).
   * Off for a single run, whose limit is plain wall time: the bookkeeping runs every request in an
   * AsyncLocalStorage, which on Node 22 slows every promise of the run.
   */
  queueTime?: boolean;
  /** --replay: reads are answered from a recording; nothing is sent, no credentials are looked for. */
  replayer?: Replayer;
  /** --verbose: told each time throttling slows a category. */
  onSlowdown?: (slowdown: Slowdown) => void;
  /** Only Cognito is read (secret-hash): no other service's SDK code is loaded ahead of need. */
  cognitoOnly?: boolean;
}

/** One AWS request as it happened, for --verbose, the benchmark and the tests. */
export interface CallRecord {
  action: IamAction;
  region: string;
  ms: number;
  outcome: string;
  attempts: number;
  /** A request that changes the account (--fix); absent for reads. */
  write?: true;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- SDK command classes carry wide generics */
type CommandClass = new (...args: any[]) => { resolveMiddleware(...args: any[]): unknown };
type InputOf<C> = C extends new (...args: infer A) => unknown ? NonNullable<A[0]> : never;
type OutputOf<C> = C extends new (...args: any[]) => infer R
  ? R extends { resolveMiddleware(...args: any[]): (...args: any[]) => Promise<{ output: infer O }> }
    ? O
    : never
  : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

interface SendableClient {
  send(command: unknown, options: { abortSignal: AbortSignal }): Promise<unknown>;
  destroy(): void;
}

/** Without an answer an attempt ends after these; the SDK retries it like any transient failure. */
export const CONNECT_TIMEOUT_MS = 3_000;
export const REQUEST_TIMEOUT_MS = 15_000;

/** The configuration of every SDK client the tool builds (also the benchmark's SDK floor). */
export function clientConfig(
  settings: AwsSettings,
  region: string,
  credentials: ReturnType<typeof credentialChain>,
  maxAttempts: number,
): object {
  return {
    region,
    credentials,
    // Not 'adaptive': the limiter slows a throttled category itself, and its waits end when the run stops.
    retryMode: 'standard',
    maxAttempts,
    requestHandler: {
      connectionTimeout: settings.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      requestTimeout: settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // A response whose body stops arriving: the socket falls idle.
      socketTimeout: settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Otherwise the SDK only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
  };
}

/**
 * The only code that builds SDK clients and sends requests. Each distinct request (action, Region,
 * input) is sent at most once per run: the promise is memoised, so concurrent checks share it and a
 * failure is shared too.
 */
export class AwsCaller {
  readonly calls: CallRecord[] = [];
  private readonly clients = new Map<string, SendableClient>();
  private readonly requests = new Map<string, Promise<unknown>>();
  /** The limiter waits of the requests not yet answered, for whoever awaits them. */
  private readonly waits = new Map<string, SharedWait>();
  private credentials: ReturnType<typeof credentialChain> | undefined;
  private preloaded = false;
  /** Cancels every request still in flight: the run has its report, or must stop. */
  private readonly stopper = new AbortController();
  /** Every request this caller sends takes its turn here: one caller, one set of quotas. */
  readonly limiter: RequestLimiter;

  constructor(
    private readonly settings: AwsSettings,
    private readonly onCall?: (record: CallRecord) => void,
  ) {
    // Every request in flight listens to the one signal.
    setMaxListeners(0, this.stopper.signal);
    this.limiter = new RequestLimiter({
      ...(settings.rate ? { rate: settings.rate } : {}),
      ...(settings.onSlowdown ? { onSlowdown: settings.onSlowdown } : {}),
    });
  }

  /**
   * Send `action` in `region`: `command` picks the command class from the service's SDK module,
   * and `input` (which also identifies the request) is passed to it.
   */
  call<S extends ServiceName, C extends CommandClass>(
    action: `${S}:${string}`,
    region: string,
    command: (sdk: SdkModule<S>) => C,
    input: InputOf<C>,
  ): Promise<OutputOf<C>> {
    const key = `${action} ${region} ${JSON.stringify(input)}`;
    let pending = this.requests.get(key);
    if (!pending) {
      const build = (sdk: unknown) => new (command(sdk as SdkModule<S>))(input);
      const { replayer, recorder } = this.settings;
      // Everyone who awaits the request hears when it waits its turn at the limiter, not only its first asker.
      const wait = this.settings.queueTime ? new SharedWait() : undefined;
      pending = replayer
        ? this.replay(replayer, action, region, input)
        : wait
          ? queueListener.run(wait, () => this.send(action, region, build))
          : this.send(action, region, build);
      this.requests.set(key, pending);
      if (wait) {
        this.waits.set(key, wait);
        const done = () => {
          if (this.waits.get(key) === wait) this.waits.delete(key);
        };
        pending.then(done, done);
      }
      recorder?.keep(action, region, input, pending, () => this.stopper.signal.aborted);
      if (this.settings.forgetTransientFailures) {
        const asked = pending;
        asked.catch((err: unknown) => {
          const transient =
            err instanceof AwsCallError &&
            (err.kind === 'throttled' || err.kind === 'network' || err.kind === 'timeout');
          if (transient && this.requests.get(key) === asked) this.requests.delete(key);
        });
      }
    }
    this.waits.get(key)?.join(queueListener.getStore(), pending);
    return pending as Promise<OutputOf<C>>;
  }

  /**
   * Send a read like `call`, but not memoised: a page of a listing too long to keep (every user of a
   * pool), used once and dropped, so the caller does not hold every answer of the run.
   */
  callUnshared<S extends ServiceName, C extends CommandClass>(
    action: `${S}:${string}`,
    region: string,
    command: (sdk: SdkModule<S>) => C,
    input: InputOf<C>,
  ): Promise<OutputOf<C>> {
    // A replay sends nothing: an unshared read is answered from the recording like any other.
    if (this.settings.replayer) return this.call(action, region, command, input);
    const build = (sdk: unknown) => new (command(sdk as SdkModule<S>))(input);
    const pending = this.send(action, region, build);
    // --record keeps it all the same: a replay of the run asks for every page again.
    this.settings.recorder?.keep(action, region, input, pending, () => this.stopper.signal.aborted);
    return pending as Promise<OutputOf<C>>;
  }

  /**
   * Send a request that changes the account (--fix): `action` names the operation, `input` is its
   * API input. Never memoised: each call is sent, in order, and logged as a write; reads made before
   * it are not refreshed (a re-run uses a new caller). With `once`, the SDK does not retry it: a
   * write that is not safe to repeat is sent a single time, even when its reply is lost.
   */
  write(action: IamAction, region: string, input: object, options: { once: boolean }): Promise<unknown> {
    if (this.settings.replayer) return Promise.reject(new Error('a replay never writes to AWS'));
    const operation = action.slice(action.indexOf(':') + 1);
    const build = (sdk: unknown) => {
      const Command = (sdk as Record<string, CommandClass | undefined>)[`${operation}Command`];
      if (!Command) throw new Error(`the SDK has no ${operation} command`);
      return new Command(input);
    };
    return this.send(action, region, build, true, options.once ? 1 : undefined);
  }

  /** A read answered from the recording, logged like a sent one. */
  private async replay(replayer: Replayer, action: IamAction, region: string, input: unknown) {
    const entry = { action, region, ms: 0, attempts: 1 };
    try {
      const output = await replayer.answer(action, region, input);
      this.log({ ...entry, outcome: 'ok' });
      return output;
    } catch (err) {
      this.log({ ...entry, outcome: classifyAwsError(err, action, region).awsCode });
      throw err;
    }
  }

  private log(entry: CallRecord): void {
    this.calls.push(entry);
    this.onCall?.(entry);
  }

  private async send(
    action: IamAction,
    region: string,
    build: (sdk: unknown) => unknown,
    write = false,
    maxAttempts?: number,
  ) {
    const service = action.slice(0, action.indexOf(':')) as ServiceName;
    // Timed from when the request is ready to go: building the client is not the request's time.
    let started = performance.now();
    const record = (outcome: string, attempts: number) => {
      const entry: CallRecord = {
        action,
        region,
        ms: Math.round(performance.now() - started),
        outcome,
        attempts,
        ...(write ? { write: true as const } : {}),
      };
      this.log(entry);
    };
    try {
      const sdk = await services[service].load();
      const client = this.client(service, region, sdk, maxAttempts);
      const signal = this.stopper.signal;
      signal.throwIfAborted();
      started = performance.now();
      const sending = client.send(build(sdk), { abortSignal: signal });
      // The rest of the SDK loads while the first answer travels: the run needs it next.
      if (!this.preloaded && !this.settings.cognitoOnly) {
        this.preloaded = true;
        setImmediate(preloadOtherServices);
      }
      const output = (await sending) as { $metadata?: { attempts?: number } };
      record('ok', output.$metadata?.attempts ?? 1);
      return output;
    } catch (err) {
      // A write whose attempts timed out stays a network failure: its reply was lost, not refused.
      const failure = write
        ? classifyAwsError(err, action, region)
        : this.capped(err, classifyAwsError(err, action, region));
      const attempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
      record(failure.awsCode, attempts);
      throw failure;
    }
  }

  /**
   * A read whose every attempt hit the timeout derived from --timeout (shorter than the default) is
   * not a network failure: AWS answered, more slowly than this --timeout lets one attempt wait.
   */
  private capped(err: unknown, failure: AwsCallError): AwsCallError {
    const timedOut = failure.kind === 'network' && (err as Error).name === 'TimeoutError';
    if (!timedOut || !this.settings.capsFromTimeout) return failure;
    const ms = Number(/(\d+) ms/.exec(failure.message)?.[1]);
    const connect = /establish a connection/.test(failure.message);
    const cap = connect ? this.settings.connectTimeoutMs : this.settings.requestTimeoutMs;
    const defaultCap = connect ? CONNECT_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
    if (cap === undefined || cap >= defaultCap || ms !== cap) return failure;
    const what = connect ? 'no connection' : 'no answer';
    return new AwsCallError(
      'timeout',
      failure.action,
      failure.region,
      failure.awsCode,
      `${what} within ${cap} ms on any attempt, the most one attempt may take with this --timeout (a sixth of it)`,
      failure.requestId,
    );
  }

  private client(service: ServiceName, region: string, sdk: unknown, maxAttempts?: number): SendableClient {
    const key = `${service} ${region}${maxAttempts ? ` ${maxAttempts}` : ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.build(service, region, sdk, maxAttempts);
      this.clients.set(key, client);
    }
    return client;
  }

  private build(
    service: ServiceName,
    region: string,
    sdk: unknown,
    maxAttempts = this.settings.maxAttempts ?? 3,
  ): SendableClient {
    // One credential chain for every client, so a profile or SSO token is resolved once per run.
    this.credentials ??= credentialChain(this.settings);
    const Client = (sdk as Record<string, new (config: object) => SendableClient>)[services[service].client]!;
    const client = new Client(clientConfig(this.settings, region, this.credentials, maxAttempts));
    guardAnswers(client as unknown as GuardableClient);
    limitRequests(client as unknown as LimitableClient, service, region, this.limiter, this.stopper.signal);
    return client;
  }

  /**
   * This caller as one user of a batch sees it: the same requests, answers and limiter, but once
   * `signal` aborts (the user's deadline, a signal) a read it asks for is refused and its wait for
   * one ends, with the signal's reason. The request itself goes on for the others who asked for it.
   * `listener` hears when a request this user sends waits its turn at the limiter.
   */
  within(signal: AbortSignal, listener?: QueueListener): AwsCaller {
    const view = Object.create(this) as AwsCaller;
    // Every read of the user in flight listens to its one signal.
    setMaxListeners(0, signal);
    const bounded = <T>(read: () => Promise<T>): Promise<T> => {
      if (signal.aborted) return Promise.reject(signal.reason as Error);
      return new Promise<T>((resolve, reject) => {
        const stop = () => {
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', stop, { once: true });
        read()
          .then(resolve, reject)
          .finally(() => {
            signal.removeEventListener('abort', stop);
          });
      });
    };
    const asked = <T>(read: () => Promise<T>) => (listener ? queueListener.run(listener, read) : read());
    view.call = (...args) => bounded(() => asked(() => this.call(...args)));
    view.callUnshared = (...args) => bounded(() => asked(() => this.callUnshared(...args)));
    return view;
  }

  /**
   * Cancel every request in flight and refuse new ones, then close the clients. Cancelling first
   * matters: a client closed under a pending request makes the SDK send it again.
   */
  stop(reason: unknown = new Error('the run is over')): void {
    this.stopper.abort(reason);
    for (const client of this.clients.values()) client.destroy();
  }
}
