// StartLogging (spec §4.3): the trail starts receiving events; idempotent.
import { setLogging } from '../../services/trails/trail-logging.js';
import { namedTrailChange } from './named-trail-change.js';

export const startLoggingOperation = namedTrailChange('StartLogging', (scope, name, now) => setLogging(scope, name, true, now));
