// What one call asks permission for: an action on a resource, as each surface states it before the call runs.
import type { PolicyDocument } from './policy/index.js';

export interface AccessCheck {
  /** `service:Operation`, e.g. `cloudtrail:LookupEvents`, `s3:GetObject`. */
  action: string;
  /** An ARN, or '*' for actions that name no resource. */
  resource: string;
  /** The resource owner's account, when it may differ from the caller's (buckets). */
  resourceAccountId?: string;
  /** Resource-based policies that apply: a bucket policy, a role's trust policy. */
  resourcePolicies?: readonly PolicyDocument[];
  /** Condition keys the resource contributes (aws:ResourceTag/…, s3:prefix). */
  context?: Readonly<Record<string, string | readonly string[]>>;
}
