// DeleteTrail (spec §4.3): home region only, never through a shadow; the bucket and its log files stay.
import { deleteTrail } from '../../services/trails/delete-trail.js';
import { namedTrailChange } from './named-trail-change.js';

export const deleteTrailOperation = namedTrailChange('DeleteTrail', deleteTrail);
