import type { CloudTrailRecord } from '../record.js';

/** A compiled decision about one record; selectors become one of these once, then run for every event. */
export type RecordPredicate = (record: CloudTrailRecord) => boolean;
