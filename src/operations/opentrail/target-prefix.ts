// The X-Amz-Target prefix of opentrail's own operations, apart from their definitions so that clients (the
// validate-logs command, the producer SDK) can name it without loading the server's operation code.
export const OPENTRAIL_TARGET_PREFIX = 'OpenTrail_20261101';
