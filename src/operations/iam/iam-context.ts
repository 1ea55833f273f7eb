// What IAM operations share: the caller's account's entities, and how each states what it needs permission for
// (`iam:<Operation>` on the entity's ARN, path included, or on '*' for listings).
import type { AccessCheck } from '../../domain/access-check.js';
import { IamAccount, writeExclusively, type PrincipalKind } from '../../services/iam/iam-account.js';
import type { OperationContext } from '../operation.js';
import { keyHolderArn } from '../../services/iam/iam-access-keys.js';

export function iamAccount(context: OperationContext): IamAccount {
  return new IamAccount(context.caller.accountId, context.services.store.identities);
}

/** Runs an IAM write alone among its account's writes. */
export function exclusively<T>(context: OperationContext, work: (account: IamAccount) => Promise<T>): Promise<T> {
  const account = iamAccount(context);
  return writeExclusively(context.services.identity.accountWrites, account.accountId, () => work(account));
}

export interface PrincipalAccess<I> {
  /** The path of a principal the call creates: its ARN before it exists. */
  pathOf?: (input: I) => string | undefined;
  /** Condition keys the call's request brings (iam:PolicyARN, aws:TagKeys, aws:RequestTag/<key>). */
  keys?: (input: I) => Record<string, string | readonly string[]> | undefined;
  /** A rename (UpdateUser, UpdateGroup): the caller needs the action on the principal's ARN after the call too. */
  renamedTo?: (input: I) => { name?: string | undefined; path?: string | undefined };
}

export function onPrincipal<I>(
  action: string,
  kind: PrincipalKind,
  nameOf: (input: I, context: OperationContext) => string | undefined,
  access: PrincipalAccess<I> = {},
) {
  return async (input: I, context: OperationContext): Promise<AccessCheck[]> => {
    const account = iamAccount(context);
    const name = nameOf(input, context) ?? '';
    const entity = name ? await account.find(kind, name) : undefined;
    const keys = access.keys?.(input);
    const check = (resource: string): AccessCheck => ({ action: `iam:${action}`, resource, ...(keys ? { context: keys } : {}) });
    const resource = entity?.arn ?? account.arn(kind, access.pathOf?.(input) ?? '/', name);
    const target = entity && access.renamedTo?.(input);
    const renamed = entity && target ? account.arn(kind, target.path ?? entity.path, target.name ?? entity.name) : resource;
    return renamed === resource ? [check(resource)] : [check(resource), check(renamed)];
  };
}

/** aws:TagKeys and aws:RequestTag/<key> of a call that sets tags, which policies may limit. */
export function tagKeys(tags: ReadonlyArray<{ Key: string; Value?: string | undefined }> | undefined): Record<string, string | readonly string[]> | undefined {
  if (!tags || tags.length === 0) return undefined;
  return { 'aws:TagKeys': tags.map((tag) => tag.Key), ...Object.fromEntries(tags.map((tag) => [`aws:RequestTag/${tag.Key}`, tag.Value ?? ''])) };
}

export function onPolicyArn<I>(action: string, arnOf: (input: I) => string) {
  return (input: I): AccessCheck[] => [{ action: `iam:${action}`, resource: arnOf(input) }];
}

export function onAnyResource(action: string) {
  return (): AccessCheck[] => [{ action: `iam:${action}`, resource: '*' }];
}

/** The user an access-key call is about: the one named, or else the calling user itself. */
export function keyOwner(userName: string | undefined, context: OperationContext): string | undefined {
  if (userName !== undefined) return userName;
  return context.caller.type === 'IAMUser' ? context.caller.userName : undefined;
}

/** Access-key calls act on the user named, the calling user, or the calling root. */
export function onKeyHolder<I extends { UserName?: string | undefined }>(action: string) {
  return async (input: I, context: OperationContext): Promise<AccessCheck[]> => {
    const account = iamAccount(context);
    const name = keyOwner(input.UserName, context);
    const user = name === undefined ? undefined : await account.find('user', name);
    return [{ action: `iam:${action}`, resource: user?.arn ?? keyHolderArn(account, input.UserName, context.caller) }];
  };
}
