// Every attempt a client sends, the SDK's own retries included, first takes its turn from the limiter,
// and tells it how AWS answered: a throttled attempt slows its category, so the SDK's next attempt
// (which goes through here again) waits for the slower rate instead of hammering the quota.

import { classifyAwsError } from './errors.js';
import type { RequestLimiter } from './limiter.js';
import type { IamAction, ServiceName } from './services.js';

type Handler = (args: unknown) => Promise<unknown>;

export interface LimitableClient {
  middlewareStack: {
    add(
      middleware: (next: Handler, context: { commandName?: string }) => Handler,
      options: { step: 'finalizeRequest'; priority: 'low'; name: string },
    ): void;
  };
}

export function limitRequests(
  client: LimitableClient,
  service: ServiceName,
  region: string,
  limiter: RequestLimiter,
  signal: AbortSignal,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action: IamAction = `${service}:${(context.commandName ?? '').replace(/Command$/, '')}`;
      await limiter.acquire(action, region, signal);
      try {
        const result = await next(args);
        limiter.succeeded(action, region);
        return result;
      } catch (err) {
        if (classifyAwsError(err, action, region).kind === 'throttled') limiter.throttled(action, region);
        throw err;
      }
    },
    // After the retry middleware (priority high) in the same step: once per attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'cognitoDoctorRateLimit' },
  );
}
