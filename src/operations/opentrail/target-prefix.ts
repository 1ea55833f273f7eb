// The X-Amz-Target prefix of opentrail's own operations, apart from their definitions so that clients (the
// validate-logs command) can name it without loading the server's operation code.
export const OPENTRAIL_TARGET_PREFIX = 'OpentrailIntegrity_20251124';
