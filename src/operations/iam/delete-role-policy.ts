// DeleteRolePolicy: removes one inline policy of the role.
import { deleteInlinePolicy } from './inline-policy-operations.js';

export const deleteRolePolicyOperation = deleteInlinePolicy('role');
