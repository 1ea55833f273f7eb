// The SQLite schema, as migrations numbered by `PRAGMA user_version`. Append new migrations; never edit one that
// has shipped, because databases in the field already ran it.
import type { Database } from 'better-sqlite3';
import { buildPostings, CREATE_POSTINGS } from './postings-migration.js';
import { eventKey } from './event-key.js';
import { SCHEMA_VERSION, SchemaTooNewError, userVersion } from './schema-version.js';

/** SQL, or a step that needs more than SQL (it runs inside the migration transaction). */
type Migration = string | ((db: Database) => void);

function postingsMigration(db: Database): void {
  db.exec(CREATE_POSTINGS);
  buildPostings(db);
}

/**
 * Version 7 eventIDs are now keyed by their time (event-key.ts). opentrail made none before; the rare imported
 * record with one is re-keyed (one pass over the event ids, rewriting only those rows).
 */
function orderedIdKeysMigration(db: Database): void {
  db.function('opentrail_event_key', { deterministic: true }, (eventId: unknown) => eventKey(String(eventId)));
  db.exec(`UPDATE events SET event_key = opentrail_event_key(event_id)
    WHERE length(event_id) = 36 AND substr(event_id, 15, 1) = '7' AND event_key != opentrail_event_key(event_id)`);
}

const MIGRATIONS: readonly Migration[] = [
  `
  -- (account, region, lane) interned to a small integer that leads every index, so that index keys stay short and
  -- each Event History listing (one account, one region, management or insight) is one contiguous index range.
  -- lane: 0 = not in Event History (data, network activity), 1 = management, 2 = insight.
  -- Rows are never deleted, so their ids can be cached for the life of a connection.
  CREATE TABLE scopes (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    lane INTEGER NOT NULL,
    UNIQUE (account_id, region, lane)
  );

  -- AUTOINCREMENT: a sequence number is never handed out twice, even after pruning deleted the newest events,
  -- because delivery cursors remember them.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    event_key INTEGER NOT NULL,
    scope INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    category TEXT NOT NULL,
    in_history INTEGER NOT NULL,
    origin TEXT NOT NULL,
    event_name TEXT NOT NULL,
    event_source TEXT NOT NULL,
    read_only INTEGER,
    username TEXT,
    access_key_id TEXT,
    resources TEXT,
    json TEXT NOT NULL
  );
  -- eventIds are random, so their index takes writes all over the file; indexing a 53-bit hash (event-key.ts)
  -- instead of the 36-character text makes it a third of the size. Uniqueness is checked by the writers.
  CREATE INDEX events_by_event_key ON events (event_key);
  -- Serves unfiltered lookups and pruning. Index entries end with the rowid (seq) implicitly, which gives the
  -- (time, seq) order without storing seq twice.
  CREATE INDEX events_by_time ON events (scope, time_ms);
  -- Partial: events outside Event History never cost an entry in the lookup indexes.
  CREATE INDEX history_by_event_name ON events (scope, event_name, time_ms) WHERE in_history = 1;
  CREATE INDEX history_by_event_source ON events (scope, event_source, time_ms) WHERE in_history = 1;
  CREATE INDEX history_by_read_only ON events (scope, read_only, time_ms)
    WHERE in_history = 1 AND read_only IS NOT NULL;
  CREATE INDEX history_by_username ON events (scope, username, time_ms)
    WHERE in_history = 1 AND username IS NOT NULL;
  CREATE INDEX history_by_access_key_id ON events (scope, access_key_id, time_ms)
    WHERE in_history = 1 AND access_key_id IS NOT NULL;

  -- One row per distinct resource type and per distinct resource name of an Event History event (kind 0 = type,
  -- 1 = name). The primary key is the lookup index itself, so the table costs one B-tree.
  CREATE TABLE history_resources (
    scope INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    value TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (scope, kind, value, time_ms, seq)
  ) WITHOUT ROWID;

  CREATE TABLE access_keys (
    access_key_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    principal_type TEXT NOT NULL,
    principal_id TEXT NOT NULL,
    principal_arn TEXT NOT NULL,
    user_name TEXT,
    sealed_secret TEXT NOT NULL,
    status TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  );
  `,
  `
  -- Trails (src/store/sqlite/sqlite-trail-store.ts): the configuration as the JSON of a StoredTrail, so that new
  -- trail members need no migration. The ARN holds the account, home region and name, so it is the unique key.
  CREATE TABLE trails (
    arn TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    config TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX trails_by_account ON trails (account_id, arn);

  -- What GetTrailStatus reports: the logging switch, and the other TrailStatus members as JSON. Deleted with its
  -- trail, so that a new trail of the same name starts afresh.
  CREATE TABLE trail_status (
    arn TEXT PRIMARY KEY,
    is_logging INTEGER NOT NULL,
    status TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Log file delivery (src/store/delivery-ledger.ts). Per trail: the last sequence number delivery handled…
  CREATE TABLE delivery_cursors (
    trail_arn TEXT PRIMARY KEY,
    after_seq INTEGER NOT NULL
  );
  -- …the stretches of the event log during which it was logging (through_seq NULL while it still is; the closing
  -- StopLogging call's own record, committed after through_seq, is found by its request id)…
  CREATE TABLE delivery_periods (
    trail_arn TEXT NOT NULL,
    after_seq INTEGER NOT NULL,
    through_seq INTEGER,
    closing_request_id TEXT,
    PRIMARY KEY (trail_arn, after_seq)
  ) WITHOUT ROWID;
  -- …the delivery it is making, recorded before any file is written (files: keys and the seqs of each)…
  CREATE TABLE delivery_plans (
    trail_arn TEXT PRIMARY KEY,
    bucket TEXT NOT NULL,
    prefix TEXT,
    after_seq INTEGER NOT NULL,
    through_seq INTEGER NOT NULL,
    file_time_ms INTEGER NOT NULL,
    files TEXT NOT NULL
  );
  -- …and every file delivered, which the digest of its trail, region and hour signs.
  CREATE TABLE delivered_files (
    id INTEGER PRIMARY KEY,
    trail_arn TEXT NOT NULL,
    bucket TEXT NOT NULL,
    object_key TEXT NOT NULL,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    oldest_event_ms INTEGER NOT NULL,
    newest_event_ms INTEGER NOT NULL,
    delivered_ms INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    UNIQUE (bucket, object_key)
  );
  CREATE INDEX delivered_files_by_trail ON delivered_files (trail_arn, region, delivered_ms);
  `,  `
  -- iam: IAM's users, groups, roles, managed policies and S3 bucket policies (src/store/identity-store.ts), each a
  -- JSON document; name_key is the lower-cased name, since IAM names are unique regardless of case.
  CREATE TABLE iam_entities (
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name_key TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, name_key)
  ) WITHOUT ROWID;
  -- Temporary credentials (STS) carry their session and expiry; last use is what GetAccessKeyLastUsed reports.
  ALTER TABLE access_keys ADD COLUMN session_json TEXT;
  ALTER TABLE access_keys ADD COLUMN expires_ms INTEGER;
  ALTER TABLE access_keys ADD COLUMN last_used_json TEXT;
  CREATE INDEX access_keys_by_user ON access_keys (account_id, user_name) WHERE user_name IS NOT NULL;
  CREATE INDEX access_keys_by_expiry ON access_keys (expires_ms) WHERE expires_ms IS NOT NULL;
  `,
  `
  -- producers: CloudTrail Lake (src/store/lake-store.ts). Event data stores, their configuration as the JSON of a
  -- StoredEventDataStore; the integer id leads the index of the events each keeps. Names are unique per region.
  CREATE TABLE event_data_stores (
    id INTEGER PRIMARY KEY,
    arn TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    config TEXT NOT NULL,
    UNIQUE (account_id, region, name)
  );
  CREATE TABLE channels (
    arn TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    config TEXT NOT NULL,
    UNIQUE (account_id, region, name)
  ) WITHOUT ROWID;
  -- The events each event data store keeps: a copy of the record under its event-log seq, so that the store's own
  -- retention applies and a query over one store (the SQL of a later issue: FROM <store id>) is one index range.
  CREATE TABLE lake_events (
    store_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
  );
  CREATE INDEX lake_events_by_time ON lake_events (store_id, time_ms);
  -- How far the lake worker has read the event log.
  CREATE TABLE lake_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    after_seq INTEGER NOT NULL
  );
  `,
  `
  -- integrity: digest chains (src/store/digest-chains.ts), one row per trail whose digests are being written, the
  -- chain (heads per region, window, ledger position, pass written ahead) as JSON; per trail and region the latest
  -- digest, which outlives its chain and its trail: tail truncation is judged against it; and every chain's final
  -- digest, which no later digest points to, so that deleting one is seen too.
  CREATE TABLE digest_chains (
    trail_arn TEXT PRIMARY KEY,
    chain TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE digest_checkpoints (
    trail_arn TEXT NOT NULL,
    region TEXT NOT NULL,
    checkpoint TEXT NOT NULL,
    PRIMARY KEY (trail_arn, region)
  ) WITHOUT ROWID;
  CREATE TABLE digest_chain_ends (
    trail_arn TEXT NOT NULL,
    region TEXT NOT NULL,
    end_ms INTEGER NOT NULL,
    checkpoint TEXT NOT NULL,
    PRIMARY KEY (trail_arn, region, end_ms)
  ) WITHOUT ROWID;
  `,
  // postings: Event History's attribute index as postings (postings-migration.ts); builds them from the events.
  postingsMigration,
  `
  -- lake: the channel a PutAuditEvents event came through, so that the lake worker need not parse each such record
  -- to find it (events stored before this column read it from metadata.channelARN). Adding a column rewrites nothing.
  ALTER TABLE events ADD COLUMN channel TEXT;
  `,
  // eventIDs: version 7 eventIDs keyed by their time (time-ordered-id.ts).
  orderedIdKeysMigration,
  `
  -- lake: the event data stores a PutAuditEvents event's channel sent it to when it was accepted (their ids, comma
  -- separated), so that deleting or re-pointing the channel before the lake worker reads the event changes nothing
  -- for it. Events stored before this column go to the channel's destinations of the moment the worker reads them.
  ALTER TABLE events ADD COLUMN channel_stores TEXT;
  `,
  `
  -- trails: DeleteTrail retires a trail rather than deleting it at once (sqlite-trail-store.ts). The calls no longer
  -- see it, but delivery still writes what it recorded and its digest chain still ends with a final digest; the row
  -- goes when both are done, or when a new trail of the same name takes its place.
  ALTER TABLE trails ADD COLUMN retiring_since_ms INTEGER;
  `,
];

if (MIGRATIONS.length !== SCHEMA_VERSION) {
  throw new Error(`schema.ts has ${MIGRATIONS.length} migrations but schema-version.ts says ${SCHEMA_VERSION}: change both`);
}
/** The version a database had before the postings migration (tests build such databases). */
export const VERSION_BEFORE_POSTINGS = MIGRATIONS.indexOf(postingsMigration);
export const VERSION_BEFORE_ORDERED_KEYS = MIGRATIONS.indexOf(orderedIdKeysMigration);

/** Brings the database up to SCHEMA_VERSION (tests: an earlier `target`); safe when several processes open the same file at once. */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  // Checked before taking the write lock, so that opening an up-to-date database never waits for a writer.
  if (userVersion(db) === target) return;
  db.transaction(() => {
    const current = userVersion(db);
    if (current > SCHEMA_VERSION) {
      throw new SchemaTooNewError(`database schema version ${current} is newer than this opentrail's (${SCHEMA_VERSION})`);
    }
    for (const migration of MIGRATIONS.slice(current, target)) {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
    }
    db.pragma(`user_version = ${Math.max(current, target)}`);
  }).immediate();
}

