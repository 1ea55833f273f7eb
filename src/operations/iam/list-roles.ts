// ListRoles: the account's roles under a path prefix, by name, a page at a time.
import { listPrincipalsOperation } from './iam-listing.js';
import { roleWire } from './iam-wire.js';

export const listRolesOperation = listPrincipalsOperation('ListRoles', 'role', 'Roles', roleWire);
