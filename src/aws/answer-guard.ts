// An HTML page is never an AWS API answer. The SDK's XML parser reads one without complaint (a captive
// portal's "sign in" page parses as an empty GetSMSAttributes result), and the checks would then judge
// defaults AWS never sent. Unparseable bodies are caught by the SDK itself (see errors.ts).

import { MALFORMED } from './errors.js';

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
}

type Handler = (args: unknown) => Promise<{ response?: unknown }>;

export interface GuardableClient {
  middlewareStack: {
    add(middleware: (next: Handler) => Handler, options: { step: 'deserialize'; name: string }): void;
  };
}

/** The error an HTML answer becomes: classified as `aws-error` with code MalformedResponse. */
export class MalformedAnswerError extends Error {
  override readonly name = MALFORMED;
  readonly $metadata: { httpStatusCode?: number };
  constructor(status: number | undefined, type: string) {
    super(`the answer was an HTML page (HTTP ${status ?? '?'}, ${type}), not an AWS API answer`);
    this.$metadata = { ...(status !== undefined ? { httpStatusCode: status } : {}) };
  }
}

export function guardAnswers(client: GuardableClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse | undefined;
      const type = response?.headers?.['content-type'] ?? '';
      if (/html/i.test(type)) throw new MalformedAnswerError(response?.statusCode, type);
      return result;
    },
    { step: 'deserialize', name: 'cognitoDoctorAnswerGuard' },
  );
}
