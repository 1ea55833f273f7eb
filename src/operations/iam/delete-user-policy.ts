// DeleteUserPolicy: removes one inline policy of the user.
import { deleteInlinePolicy } from './inline-policy-operations.js';

export const deleteUserPolicyOperation = deleteInlinePolicy('user');
