// ListRoleTags: the role's tags, a page at a time.
import { listEntityTags } from './tag-operations.js';

export const listRoleTagsOperation = listEntityTags('role');
