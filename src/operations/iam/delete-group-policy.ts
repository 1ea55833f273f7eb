// DeleteGroupPolicy: removes one inline policy of the group.
import { deleteInlinePolicy } from './inline-policy-operations.js';

export const deleteGroupPolicyOperation = deleteInlinePolicy('group');
