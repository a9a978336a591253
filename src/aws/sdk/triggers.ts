// The services read only for a pool with Lambda triggers (and a custom sender's KMS key), as one unit.
export * as kms from './kms.js';
export * as lambda from './lambda.js';
