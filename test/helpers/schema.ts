// The shipped report schema is open: version 1 changes only by adding fields, so a consumer's validator
// must accept fields it does not know. The tests validate against a strict copy instead, where every
// object the schema describes allows no other field: a field the code adds without describing it fails.

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const shippedSchema = JSON.parse(readFileSync(join(ROOT, 'schema/report.v1.json'), 'utf8')) as object;

/** A copy of `schema` with `additionalProperties: false` on every object that lists its properties. */
export function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(
    // An `if` only tests a condition; closing it would change what the condition means.
    Object.entries(schema).map(([key, value]) => [key, key === 'if' ? value : closed(value)]),
  );
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

const newAjv = () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv;
};
const ajv = newAjv();
const messages = (validate: ValidateFunction) =>
  (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath} ${e.message}${e.keyword === 'additionalProperties' ? `: ${JSON.stringify(e.params)}` : ''}`,
  );
/** A validator compiled on its first use (a compile costs a few hundred ms of CPU). */
const lazy = (make: () => ValidateFunction) => {
  let validate: ValidateFunction | undefined;
  return (document: unknown) => {
    validate ??= make();
    return validate(document) ? [] : messages(validate);
  };
};
/** A validator for `schema`, compiled on its first use. */
const compile = (schema: object) => lazy(() => ajv.compile({ ...schema, $id: undefined }));

/** Errors of a parsed `--output json` document against the shipped schema; empty when valid. */
export const openSchemaErrors = compile(shippedSchema);

/**
 * Errors of a parsed `--output json` document against the strict copy: the shipped schema's errors,
 * and every field the schema does not describe. Empty when valid.
 */
export const schemaErrors = compile(closed(shippedSchema) as object);

export const batchSummarySchema = JSON.parse(
  readFileSync(join(ROOT, 'schema/batch-summary.v1.json'), 'utf8'),
) as object;

/** Errors of a parsed batch summary record against the strict copy of its schema. */
export const batchSummaryErrors = compile(closed(batchSummarySchema) as object);

const recordingSchema = JSON.parse(readFileSync(join(ROOT, 'schema/recording.v1.json'), 'utf8')) as object;

/** Errors of a parsed --record file against the strict copy of its schema; empty when valid. */
export const recordingSchemaErrors = compile(closed(recordingSchema) as object);

export const censusSchema = JSON.parse(readFileSync(join(ROOT, 'schema/census.schema.json'), 'utf8')) as object;

/** The census schema refers to the report schema's definitions (a finding): both are loaded, alike closed or open. */
function censusValidator(close: (schema: unknown) => unknown) {
  return lazy(() => {
    const own = newAjv();
    own.addSchema(close(shippedSchema) as object);
    return own.compile(close(censusSchema) as object);
  });
}

/** Errors of a parsed `pool --output json` document against the shipped census schema. */
export const openCensusSchemaErrors = censusValidator((s) => s);

/** Errors against the strict copy of the census schema: every undescribed field is one. */
export const censusSchemaErrors = censusValidator(closed);
