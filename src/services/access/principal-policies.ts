// The identity-based policies of a caller, compiled once and kept until an IAM change: a user's inline and managed
// policies and those of its groups; a role session's role policies and its session policies; nothing for root,
// which the evaluator allows everything in its own account.
import type { Caller } from '../../domain/caller.js';
import { compilePolicySet, type CompiledPolicySet, type PolicyDocument } from '../../domain/policy/index.js';
import type { IdentityDirectory, ManagedPolicy, Tag } from '../../store/identity-store.js';
import type { PolicyTexts } from './policy-texts.js';

export interface PrincipalPolicies {
  identity: PolicyDocument[];
  session?: PolicyDocument[];
  /** The user's or role's tags, as aws:PrincipalTag/<key> condition keys. */
  tags?: Tag[];
}

const CACHE_LIMIT = 10_000;

interface CacheEntry {
  generation: number;
  policies: PrincipalPolicies;
  compiled: Map<string, CompiledPolicySet>;
}

export class PrincipalPolicyCache {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly directory: IdentityDirectory, private readonly texts: PolicyTexts) {}

  /** The caller's policies compiled with the given resource policies (keyed by `resourceKey`, '' for none). */
  async compiled(caller: Caller, resourceKey: string, resource: readonly PolicyDocument[]): Promise<CompiledPolicySet> {
    const entry = await this.entry(caller);
    return this.compiledFor(entry, resourceKey, resource);
  }

  async tags(caller: Caller): Promise<readonly Tag[]> {
    return (await this.entry(caller)).policies.tags ?? [];
  }

  private compiledFor(entry: CacheEntry, resourceKey: string, resource: readonly PolicyDocument[]): CompiledPolicySet {
    let compiled = entry.compiled.get(resourceKey);
    if (!compiled) {
      const { identity, session } = entry.policies;
      compiled = compilePolicySet({ identity, ...(session ? { sessionPolicies: session } : {}), ...(resource.length ? { resource } : {}) });
      if (entry.compiled.size >= 64) entry.compiled.clear();
      entry.compiled.set(resourceKey, compiled);
    }
    return compiled;
  }

  private async entry(caller: Caller): Promise<CacheEntry> {
    const generation = this.directory.generation();
    const key = `${caller.accessKeyId}\u0000${caller.arn}`;
    const cached = this.cache.get(key);
    if (cached && cached.generation === generation) return cached;
    const entry = { generation, policies: await this.load(caller), compiled: new Map<string, CompiledPolicySet>() };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, entry);
    return entry;
  }

  private async load(caller: Caller): Promise<PrincipalPolicies> {
    const { accountId } = caller;
    if (caller.type === 'Root') return { identity: [] };
    if (caller.type === 'AssumedRole' && caller.session) {
      // A role deleted and made again under the same name is another role: its old sessions get nothing from it.
      const found = await this.directory.find(accountId, 'role', caller.session.issuer.name);
      const role = found?.id === caller.session.issuer.id ? found : undefined;
      const identity = role ? await this.documents(accountId, role.inlinePolicies, role.attachedPolicies) : [];
      const tags = role?.tags ?? [];
      const { sessionPolicies, sessionPolicyArns } = caller.session;
      if (!sessionPolicies?.length && !sessionPolicyArns?.length) return { identity, tags };
      // A session policy ARN that does not resolve (deleted since, or an AWS managed policy opentrail does not have)
      // adds nothing: with none left, the session is allowed nothing rather than all its role allows.
      const session = await this.documents(accountId, Object.fromEntries((sessionPolicies ?? []).map((p, i) => [String(i), p])), [...(sessionPolicyArns ?? [])]);
      return { identity, session, tags };
    }
    const found = caller.userName ? await this.directory.find(accountId, 'user', caller.userName) : undefined;
    const user = found?.id === caller.principalId ? found : undefined;
    if (!user) return { identity: [] };
    const identity = await this.documents(accountId, user.inlinePolicies, user.attachedPolicies);
    for (const groupName of user.groups) {
      const group = await this.directory.find(accountId, 'group', groupName);
      if (group) identity.push(...(await this.documents(accountId, group.inlinePolicies, group.attachedPolicies)));
    }
    return { identity, tags: user.tags };
  }

  private async documents(accountId: string, inline: Record<string, string>, attached: readonly string[]): Promise<PolicyDocument[]> {
    const documents = Object.values(inline).map((text) => this.texts.parse(text, 'identity'));
    for (const arn of attached) {
      const policy = await this.directory.find(accountId, 'policy', policyNameOf(arn));
      const text = policy && policy.arn === arn ? defaultDocument(policy) : undefined;
      if (text) documents.push(this.texts.parse(text, 'identity'));
    }
    return documents;
  }
}

export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export function defaultDocument(policy: ManagedPolicy): string | undefined {
  return policy.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}
