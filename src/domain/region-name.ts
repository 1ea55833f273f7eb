// The regions opentrail answers in are whatever a request's SigV4 credential scope names (lower-case words joined by
// dashes: `us-east-1`, but also a test setup's `local`), and the ARNs it issues carry that region: whatever parses
// an ARN it issued must take every such name, not only AWS's `xx-name-N` ones.
export const REGION_NAME = '[a-z0-9]+(?:-[a-z0-9]+)*';
