// StopLogging (spec §4.3): the trail stops receiving events; idempotent.
import { setLogging } from '../../services/trails/trail-logging.js';
import { namedTrailChange } from './named-trail-change.js';

export const stopLoggingOperation = namedTrailChange('StopLogging', (scope, name, now) => setLogging(scope, name, false, now));
