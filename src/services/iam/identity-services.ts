// What IAM and STS operations need beside the store: sealing new secrets, parsed policy texts, bucket policies, and
// one writer at a time per account (each IAM write reads an entity, changes it and saves it whole).
import type { SecretBox } from '../../crypto/secret-box.js';
import type { KeyedLock } from '../../objects/fs/keyed-lock.js';
import type { BucketPolicies } from '../access/bucket-policies.js';
import type { PolicyTexts } from '../access/policy-texts.js';

export interface IdentityServices {
  secrets: SecretBox;
  texts: PolicyTexts;
  bucketPolicies: BucketPolicies;
  accountWrites: KeyedLock;
}
