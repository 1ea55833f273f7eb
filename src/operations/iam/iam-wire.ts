// IAM entities as the API answers with them.
import type { IamGroup, IamRole, IamUser, ManagedPolicy, PolicyVersion, Tag } from '../../store/identity-store.js';
import { encodedDocument } from '../../services/iam/iam-policy-documents.js';

const date = (ms: number): Date => new Date(ms);
const tags = (list: Tag[]) => (list.length ? { Tags: list } : {});

export function userWire(user: IamUser) {
  return { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: date(user.createdMs), ...tags(user.tags) };
}

export function groupWire(group: IamGroup) {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: date(group.createdMs) };
}

export function roleWire(role: IamRole) {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: date(role.createdMs),
    AssumeRolePolicyDocument: encodedDocument(role.assumeRolePolicy),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
    ...tags(role.tags),
  };
}

export function policyWire(policy: ManagedPolicy, attachmentCount: number) {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: date(policy.createdMs),
    UpdateDate: date(policy.updatedMs),
    ...tags(policy.tags),
  };
}

export function policyVersionWire(policy: ManagedPolicy, version: PolicyVersion, withDocument: boolean) {
  return {
    ...(withDocument ? { Document: encodedDocument(version.document) } : {}),
    VersionId: version.versionId,
    IsDefaultVersion: version.versionId === policy.defaultVersionId,
    CreateDate: date(version.createdMs),
  };
}
