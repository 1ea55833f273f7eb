// UntagRole: removes tags from the role by key.
import { untagEntity } from './tag-operations.js';

export const untagRoleOperation = untagEntity('role');
