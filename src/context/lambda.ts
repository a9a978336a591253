import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { AwsCaller } from '../aws/caller.js';
import type { FunctionRef } from '../domain/lambda.js';
import { orUndefinedIfNotFound } from '../aws/errors.js';

/** Lambda reads for trigger functions, made in the function's own Region (from its ARN). */
export class LambdaFacts {
  constructor(private readonly aws: AwsCaller) {}

  /** The function's configuration (State, LastUpdateStatus, Timeout …); undefined when it does not exist. */
  async configuration(fn: FunctionRef): Promise<FunctionConfiguration | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('lambda:GetFunction', fn.region, (m) => m.GetFunctionCommand, {
        FunctionName: fn.unqualifiedArn,
        ...(fn.qualifier ? { Qualifier: fn.qualifier } : {}),
      }),
    );
    return out?.Configuration;
  }

  /**
   * The resource-based policy (a JSON document) of the function, or of the version or alias the
   * trigger names; undefined when it has none (Lambda answers ResourceNotFoundException).
   */
  async policy(fn: FunctionRef): Promise<string | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('lambda:GetPolicy', fn.region, (m) => m.GetPolicyCommand, {
        FunctionName: fn.unqualifiedArn,
        ...(fn.qualifier ? { Qualifier: fn.qualifier } : {}),
      }),
    );
    return out?.Policy;
  }
}
