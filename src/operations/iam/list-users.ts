// ListUsers: the account's users under a path prefix, by name, a page at a time.
import { listPrincipalsOperation } from './iam-listing.js';
import { userWire } from './iam-wire.js';

export const listUsersOperation = listPrincipalsOperation('ListUsers', 'user', 'Users', userWire);
