// The IAM API subset opentrail serves (2010-05-08): users, access keys, groups, inline and managed policies, roles.
// Operations of the model outside this set answer InvalidAction naming the operation.
import type { Operation } from '../operation.js';
import { addUserToGroupOperation } from './add-user-to-group.js';
import { attachGroupPolicyOperation } from './attach-group-policy.js';
import { attachRolePolicyOperation } from './attach-role-policy.js';
import { attachUserPolicyOperation } from './attach-user-policy.js';
import { createAccessKeyOperation } from './create-access-key.js';
import { createGroupOperation } from './create-group.js';
import { createPolicyVersionOperation } from './create-policy-version.js';
import { createPolicyOperation } from './create-policy.js';
import { createRoleOperation } from './create-role.js';
import { createUserOperation } from './create-user.js';
import { deleteAccessKeyOperation } from './delete-access-key.js';
import { deleteGroupPolicyOperation } from './delete-group-policy.js';
import { deleteGroupOperation } from './delete-group.js';
import { deletePolicyVersionOperation } from './delete-policy-version.js';
import { deletePolicyOperation } from './delete-policy.js';
import { deleteRolePolicyOperation } from './delete-role-policy.js';
import { deleteRoleOperation } from './delete-role.js';
import { deleteUserPolicyOperation } from './delete-user-policy.js';
import { deleteUserOperation } from './delete-user.js';
import { detachGroupPolicyOperation } from './detach-group-policy.js';
import { detachRolePolicyOperation } from './detach-role-policy.js';
import { detachUserPolicyOperation } from './detach-user-policy.js';
import { getAccessKeyLastUsedOperation } from './get-access-key-last-used.js';
import { getGroupPolicyOperation } from './get-group-policy.js';
import { getGroupOperation } from './get-group.js';
import { getPolicyVersionOperation } from './get-policy-version.js';
import { getPolicyOperation } from './get-policy.js';
import { getRolePolicyOperation } from './get-role-policy.js';
import { getRoleOperation } from './get-role.js';
import { getUserPolicyOperation } from './get-user-policy.js';
import { getUserOperation } from './get-user.js';
import { listAccessKeysOperation } from './list-access-keys.js';
import { listAttachedGroupPoliciesOperation } from './list-attached-group-policies.js';
import { listAttachedRolePoliciesOperation } from './list-attached-role-policies.js';
import { listAttachedUserPoliciesOperation } from './list-attached-user-policies.js';
import { listGroupPoliciesOperation } from './list-group-policies.js';
import { listGroupsForUserOperation } from './list-groups-for-user.js';
import { listEntitiesForPolicyOperation } from './list-entities-for-policy.js';
import { listGroupsOperation } from './list-groups.js';
import { listPoliciesOperation } from './list-policies.js';
import { listPolicyVersionsOperation } from './list-policy-versions.js';
import { listRolePoliciesOperation } from './list-role-policies.js';
import { listRoleTagsOperation } from './list-role-tags.js';
import { listRolesOperation } from './list-roles.js';
import { listUserPoliciesOperation } from './list-user-policies.js';
import { listUserTagsOperation } from './list-user-tags.js';
import { listUsersOperation } from './list-users.js';
import { putGroupPolicyOperation } from './put-group-policy.js';
import { putRolePolicyOperation } from './put-role-policy.js';
import { putUserPolicyOperation } from './put-user-policy.js';
import { removeUserFromGroupOperation } from './remove-user-from-group.js';
import { setDefaultPolicyVersionOperation } from './set-default-policy-version.js';
import { tagRoleOperation } from './tag-role.js';
import { tagUserOperation } from './tag-user.js';
import { untagRoleOperation } from './untag-role.js';
import { untagUserOperation } from './untag-user.js';
import { updateAccessKeyOperation } from './update-access-key.js';
import { updateAssumeRolePolicyOperation } from './update-assume-role-policy.js';
import { updateGroupOperation } from './update-group.js';
import { updateRoleOperation } from './update-role.js';
import { updateUserOperation } from './update-user.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of many shapes
export const IAM_OPERATIONS: ReadonlyMap<string, Operation<any, any>> = new Map(
  [
    addUserToGroupOperation,
    attachGroupPolicyOperation,
    attachRolePolicyOperation,
    attachUserPolicyOperation,
    createAccessKeyOperation,
    createGroupOperation,
    createPolicyVersionOperation,
    createPolicyOperation,
    createRoleOperation,
    createUserOperation,
    deleteAccessKeyOperation,
    deleteGroupPolicyOperation,
    deleteGroupOperation,
    deletePolicyVersionOperation,
    deletePolicyOperation,
    deleteRolePolicyOperation,
    deleteRoleOperation,
    deleteUserPolicyOperation,
    deleteUserOperation,
    detachGroupPolicyOperation,
    detachRolePolicyOperation,
    detachUserPolicyOperation,
    getAccessKeyLastUsedOperation,
    getGroupPolicyOperation,
    getGroupOperation,
    getPolicyVersionOperation,
    getPolicyOperation,
    getRolePolicyOperation,
    getRoleOperation,
    getUserPolicyOperation,
    getUserOperation,
    listAccessKeysOperation,
    listAttachedGroupPoliciesOperation,
    listAttachedRolePoliciesOperation,
    listAttachedUserPoliciesOperation,
    listGroupPoliciesOperation,
    listGroupsForUserOperation,
    listEntitiesForPolicyOperation,
    listGroupsOperation,
    listPoliciesOperation,
    listPolicyVersionsOperation,
    listRolePoliciesOperation,
    listRoleTagsOperation,
    listRolesOperation,
    listUserPoliciesOperation,
    listUserTagsOperation,
    listUsersOperation,
    putGroupPolicyOperation,
    putRolePolicyOperation,
    putUserPolicyOperation,
    removeUserFromGroupOperation,
    setDefaultPolicyVersionOperation,
    tagRoleOperation,
    tagUserOperation,
    untagRoleOperation,
    untagUserOperation,
    updateAccessKeyOperation,
    updateAssumeRolePolicyOperation,
    updateGroupOperation,
    updateRoleOperation,
    updateUserOperation,
  ].map((operation) => [operation.name, operation as Operation<any, any>]),
);
