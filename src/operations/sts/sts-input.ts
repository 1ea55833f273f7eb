// Members STS operations share.
import { z } from 'zod';
import { queryInt } from '../iam/iam-shapes.js';
import { ServiceError } from '../../errors/service-error.js';

export const durationSeconds = queryInt.optional();

export function checkDuration(seconds: number | undefined, fallback: number, min: number, max: number): number {
  const value = seconds ?? fallback;
  if (value < min || value > max) {
    throw new ServiceError('ValidationError', `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`);
  }
  return value;
}

export const policyArns = z.array(z.object({ arn: z.string() })).optional();
