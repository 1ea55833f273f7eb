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

export function onPrincipal<I>(action: string, kind: PrincipalKind, nameOf: (input: I, context: OperationContext) => string | undefined, pathOf?: (input: I) => string | undefined) {
  return async (input: I, context: OperationContext): Promise<AccessCheck[]> => {
    const account = iamAccount(context);
    const name = nameOf(input, context) ?? '';
    const entity = name ? await account.find(kind, name) : undefined;
    return [{ action: `iam:${action}`, resource: entity?.arn ?? account.arn(kind, pathOf?.(input) ?? '/', name) }];
  };
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
