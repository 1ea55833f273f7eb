// The identity port: IAM's users, groups, roles and managed policies, and S3 bucket policies, per account. Each
// entity is kept whole (its inline policies, attachments and memberships inside it), because IAM reads and writes
// them whole and its limits keep them small. Names are unique per account regardless of case, as in IAM.

export interface Tag {
  Key: string;
  Value: string;
}

interface Principal {
  name: string;
  id: string;
  path: string;
  arn: string;
  createdMs: number;
  /** Inline policies: name → document text as given. */
  inlinePolicies: Record<string, string>;
  /** Managed policy ARNs, in attachment order. */
  attachedPolicies: string[];
  tags: Tag[];
}

export interface IamUser extends Principal {
  /** Group names, in the order the user joined them. */
  groups: string[];
}

export type IamGroup = Principal;

export interface IamRole extends Principal {
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
}

export interface PolicyVersion {
  versionId: string;
  document: string;
  createdMs: number;
}

export interface ManagedPolicy {
  name: string;
  id: string;
  path: string;
  arn: string;
  description?: string;
  createdMs: number;
  updatedMs: number;
  defaultVersionId: string;
  /** Newest first. */
  versions: PolicyVersion[];
  /** The number the next version gets (v1, v2, …); never reused after a version is deleted. */
  nextVersion: number;
  tags: Tag[];
}

export interface BucketPolicy {
  bucket: string;
  document: string;
}

export interface IdentityEntityKinds {
  user: IamUser;
  group: IamGroup;
  role: IamRole;
  policy: ManagedPolicy;
  /** Bucket names are global, so bucket policies live under the account id ''. */
  'bucket-policy': BucketPolicy;
}

export type IdentityKind = keyof IdentityEntityKinds;

/** Read view. */
export interface IdentityDirectory {
  find<K extends IdentityKind>(accountId: string, kind: K, name: string): Promise<IdentityEntityKinds[K] | undefined>;
  /** Every entity of the kind in the account, ordered by name (case-insensitively). */
  list<K extends IdentityKind>(accountId: string, kind: K): Promise<IdentityEntityKinds[K][]>;
  /** Grows with every change: compiled policy sets cached against an older value are stale. */
  generation(): number;
}

/** One change of a batch: save an entity, or remove one by name. */
export type IdentityChange =
  | { [K in IdentityKind]: { kind: K; save: IdentityEntityKinds[K] } }[IdentityKind]
  | { kind: IdentityKind; remove: string };

/** Write view. */
export interface IdentityChanges {
  /** Applies the changes in order, all or none (a rename: remove the old name, save the new). */
  apply(accountId: string, changes: readonly IdentityChange[]): Promise<void>;
  /** Inserts the entity, or replaces the one of the same name (in any case). */
  save<K extends IdentityKind>(accountId: string, kind: K, entity: IdentityEntityKinds[K]): Promise<void>;
  /** Whether there was one to remove. */
  remove(accountId: string, kind: IdentityKind, name: string): Promise<boolean>;
}

export interface IdentityStore {
  readonly directory: IdentityDirectory;
  readonly changes: IdentityChanges;
}

export function entityName(kind: IdentityKind, entity: IdentityEntityKinds[IdentityKind]): string {
  return kind === 'bucket-policy' ? (entity as BucketPolicy).bucket : (entity as { name: string }).name;
}
