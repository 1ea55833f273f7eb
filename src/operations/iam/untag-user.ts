// UntagUser: removes tags from the user by key.
import { untagEntity } from './tag-operations.js';

export const untagUserOperation = untagEntity('user');
