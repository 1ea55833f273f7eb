// ListUserTags: the user's tags, a page at a time.
import { listEntityTags } from './tag-operations.js';

export const listUserTagsOperation = listEntityTags('user');
