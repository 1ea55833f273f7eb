// One AWS operation: its wire input shape, what it may fail with, and what its record says about it. Operations
// take and give wire shapes; the protocol layer around them does the encoding.
import type { z } from 'zod';
import type { ErrorCode } from '../errors/catalogue.js';
import type { RecordResource } from '../domain/record.js';
import type { AccessCheck } from '../domain/access-check.js';
import type { CallContext } from '../edge/surface.js';
import type { Services } from '../services/services.js';

export interface OperationContext extends CallContext {
  services: Services;
  now: Date;
}

export interface Operation<I = unknown, O = unknown> {
  readonly name: string;
  readonly readOnly: boolean;
  /** Member types; a mismatch is a SerializationException, constraint checks belong to `run`. */
  readonly input: z.ZodType<I>;
  /** Every modelled error `run` may throw, beside the protocol and auth errors of every call. */
  readonly errors: readonly ErrorCode[];
  run(input: I, context: OperationContext): Promise<O>;
  /** The resources the record lists; none by default. Worked out before `run`, so failed calls list them too. */
  resources?(input: I, context: OperationContext): RecordResource[] | Promise<RecordResource[]>;
  /** The record's `requestParameters`, from the raw body; by default the body itself, secrets hidden. */
  requestParameters?(body: Record<string, unknown>): Record<string, unknown> | null;
  /** The largest request body the operation reads; JSON_BODY_LIMIT by default. */
  maxBodyBytes?: number;
  /**
   * What the call needs permission for. By default `<service>:<name>` on each ARN among the record's resources,
   * or on '*' when there are none.
   */
  access?(input: I, context: OperationContext): AccessCheck[] | Promise<AccessCheck[]>;
  /** The record's `responseElements`; by default writes record their output and reads record null. */
  responseElements?(output: O): Record<string, unknown> | null;
}

/** Keeps each operation's input and output types tied together while the registry holds them side by side. */
export function defineOperation<I, O>(operation: Operation<I, O>): Operation<I, O> {
  return operation;
}

/** The checks an operation's call needs: its own `access`, or its action on the ARNs its record names (`resources`). */
export async function operationAccess<I>(
  service: string, operation: Operation<I, unknown>, input: I, context: OperationContext, resources: readonly RecordResource[] = [],
): Promise<AccessCheck[]> {
  if (operation.access) return operation.access(input, context);
  const arns = resources.flatMap((r) => (r.ARN ? [r.ARN] : []));
  return (arns.length > 0 ? arns : ['*']).map((resource) => ({ action: `${service}:${operation.name}`, resource }));
}
