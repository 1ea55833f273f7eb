// ListGroups: the account's groups under a path prefix, by name, a page at a time.
import { listPrincipalsOperation } from './iam-listing.js';
import { groupWire } from './iam-wire.js';

export const listGroupsOperation = listPrincipalsOperation('ListGroups', 'group', 'Groups', groupWire);
