// TagRole: adds tags to the role or replaces their values.
import { tagEntity } from './tag-operations.js';

export const tagRoleOperation = tagEntity('role');
