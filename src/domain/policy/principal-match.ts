// How a resource or trust policy's Principal names the caller. The strength decides what else must allow:
// - 'account': the caller's account (its id or root arn) – the account's identity policies must also allow;
// - 'direct': the caller itself – its user or role arn, "*", or its service – enough on its own in the account;
// - 'session': the exact assumed-role session arn – not even session policies limit it.
import type { RequestPrincipal } from './authorization.js';
import type { PrincipalSpec } from './policy-document.js';

export type PrincipalMatch = 'none' | 'account' | 'direct' | 'session';

export type PrincipalTest = (principal: RequestPrincipal) => PrincipalMatch;

const ACCOUNT_ROOT = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):root$/;

export function compilePrincipal(spec: PrincipalSpec): PrincipalTest {
  const accounts = new Set<string>();
  const arns = new Set<string>();
  for (const value of spec.aws) {
    const root = ACCOUNT_ROOT.exec(value);
    if (root) accounts.add(root[1]!);
    else if (/^\d{12}$/.test(value)) accounts.add(value);
    else arns.add(value);
  }
  const services = new Set(spec.service.map((s) => s.toLowerCase()));
  return (principal) => {
    if (spec.anyone) return 'direct';
    if (principal.service !== undefined) return services.has(principal.service.toLowerCase()) ? 'direct' : 'none';
    if (arns.has(principal.arn)) return principal.roleArn !== undefined ? 'session' : 'direct';
    if (principal.roleArn !== undefined && arns.has(principal.roleArn)) return 'direct';
    if (accounts.has(principal.accountId)) return principal.isRoot ? 'direct' : 'account';
    return 'none';
  };
}

/**
 * NotPrincipal: who the statement leaves out. As in AWS, naming a user or role excludes it only together with its
 * account (requests are made on the account's behalf too); naming the account alone leaves out its root.
 */
export function compileNotPrincipal(spec: PrincipalSpec): (principal: RequestPrincipal) => boolean {
  const test = compilePrincipal(spec);
  const accountOnly = compilePrincipal({ ...spec, anyone: false, service: [] });
  return (principal) => {
    const named = test(principal);
    if (named === 'none') return true;
    if (spec.anyone || principal.service !== undefined || principal.isRoot) return false;
    const accountNamed = accountOnly({ ...principal, arn: `arn:aws:iam::${principal.accountId}:root`, roleArn: undefined, isRoot: true });
    return !(named !== 'account' && accountNamed === 'direct');
  };
}
