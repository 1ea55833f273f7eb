// IAM's own wording for its commonest refusals, so that every operation says them the same way.
import { ServiceError } from '../../errors/service-error.js';

export type EntityLabel = 'user' | 'group' | 'role';

export const noSuchEntity = (label: EntityLabel, name: string): ServiceError =>
  new ServiceError('NoSuchEntity', `The ${label} with name ${name} cannot be found.`);

export const noSuchPolicy = (arn: string): ServiceError =>
  new ServiceError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);

export const alreadyExists = (label: EntityLabel, name: string): ServiceError =>
  new ServiceError('EntityAlreadyExists', `${label.charAt(0).toUpperCase()}${label.slice(1)} with name ${name} already exists.`);

export const quotaExceeded = (quota: string, limit: number): ServiceError =>
  new ServiceError('LimitExceeded', `Cannot exceed quota for ${quota}: ${limit}`);

export const validationError = (member: string, value: string, constraint: string): ServiceError =>
  new ServiceError('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`);

export const malformedPolicy = (message: string): ServiceError => new ServiceError('MalformedPolicyDocument', message);

export const nonUserCaller = (): ServiceError =>
  new ServiceError('ValidationError', 'Must specify userName when calling with non-User credentials');
