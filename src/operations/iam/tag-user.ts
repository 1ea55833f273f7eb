// TagUser: adds tags to the user or replaces their values.
import { tagEntity } from './tag-operations.js';

export const tagUserOperation = tagEntity('user');
