// The one catalogue of error codes opentrail answers with: code → HTTP status and fault. Operations throw
// ServiceError with a code from here; each protocol serializer turns it into its own wire form. docs/errors.md
// lists the same codes, and test/errors-catalogue.test.ts keeps the two (and the operations' declarations) in step.

export type Fault = 'client' | 'server';

export interface ErrorDefinition {
  status: number;
  fault: Fault;
  /** One line for docs/errors.md. */
  meaning: string;
}

const client = (meaning: string, status = 400): ErrorDefinition => ({ status, fault: 'client', meaning });
const server = (meaning: string, status = 500): ErrorDefinition => ({ status, fault: 'server', meaning });

export const ERROR_CATALOGUE = {
  // Protocol and authentication (all JSON-protocol services).
  UnknownOperationException: client('The X-Amz-Target names no operation of this service.'),
  SerializationException: client('The request body is not valid JSON of the expected shape.'),
  ValidationException: client('A request member fails a constraint of the model.'),
  RequestEntityTooLargeException: client('The request body exceeds the size limit.', 413),
  MissingAuthenticationTokenException: client('The request carries no SigV4 authentication.', 403),
  IncompleteSignatureException: client('The SigV4 Authorization header or query parameters are malformed.', 403),
  UnrecognizedClientException: client('The access key id is not known, or not active.', 403),
  InvalidSignatureException: client('The signature does not match, or the request time is too far off.', 403),
  AccessDeniedException: client('The caller is not allowed to perform the action.', 403),
  ThrottlingException: client('Rate exceeded.'),
  InternalFailure: server('An unexpected error; logged with the request id, no details are returned.'),
  ServiceUnavailable: server('The service cannot take the call right now (it cannot store its event, or this process runs --role worker); nothing was done.', 503),

  // CloudTrail model exceptions (spec §4.14).
  TrailNotFoundException: client('The trail does not exist in this account and region.'),
  TrailAlreadyExistsException: client('A trail of that name already exists in the region.'),
  MaximumNumberOfTrailsExceededException: client('The region already has 5 trails.'),
  InvalidTrailNameException: client('The trail name breaks the naming rules.'),
  CloudTrailARNInvalidException: client('An ARN-shaped argument is not a valid trail ARN.'),
  InvalidHomeRegionException: client('The trail can only be changed from its home region.'),
  S3BucketDoesNotExistException: client('The bucket does not exist.'),
  InsufficientS3BucketPolicyException: client('The bucket policy does not let CloudTrail write.'),
  InvalidS3BucketNameException: client('The bucket name is not valid.'),
  InvalidS3PrefixException: client('The S3 key prefix is not valid.'),
  InvalidSnsTopicNameException: client('The SNS topic name is not valid.'),
  InsufficientSnsTopicPolicyException: client('The topic policy does not let CloudTrail publish.'),
  InvalidKmsKeyIdException: client('The KMS key id is not valid.'),
  KmsKeyNotFoundException: client('The KMS key does not exist.'),
  KmsException: client('A KMS error occurred.'),
  InsufficientEncryptionPolicyException: client('The key policy does not let CloudTrail use the key.'),
  InvalidCloudWatchLogsLogGroupArnException: client('The CloudWatch Logs log group ARN is not valid.'),
  InvalidCloudWatchLogsRoleArnException: client('The CloudWatch Logs role ARN is not valid.'),
  CloudWatchLogsDeliveryUnavailableException: client('CloudWatch Logs delivery is not available.'),
  InvalidParameterCombinationException: client('The parameters cannot be combined.'),
  InvalidParameterException: client('A parameter value is not valid.'),
  InvalidEventSelectorsException: client('The event selectors are not valid.'),
  InvalidInsightSelectorsException: client('The Insights selectors are not valid.'),
  InsightNotEnabledException: client('Insights are not enabled for the trail.'),
  InvalidLookupAttributesException: client('A lookup attribute key or value is not valid.'),
  InvalidTimeRangeException: client('The start time is after the end time, or the range is not valid.'),
  InvalidMaxResultsException: client('MaxResults is out of range.'),
  InvalidNextTokenException: client('The token is not valid, or was issued for other parameters.'),
  InvalidEventCategoryException: client('EventCategory is not a supported value.'),
  InvalidTokenException: client('The token is not valid.'),
  TagsLimitExceededException: client('The resource would have more than 50 tags.'),
  InvalidTagParameterException: client('A tag key or value is not valid.'),
  ResourceNotFoundException: client('The resource does not exist.'),
  ResourceTypeNotSupportedException: client('The resource type is not supported.'),
  ResourceARNNotValidException: client('The resource ARN is not valid.'),
  ConflictException: client('The resource is busy; retry later.'),
  OperationNotPermittedException: client('The operation is not allowed for this caller or resource.'),
  UnsupportedOperationException: client('The operation is not supported by this opentrail version.'),
  EventDataStoreNotFoundException: client('The event data store does not exist.'),
  EventDataStoreARNInvalidException: client('An ARN-shaped argument is not a valid event data store ARN.'),
  InactiveEventDataStoreException: client('The event data store is not active.'),
  ChannelNotFoundException: client('The channel does not exist.'),
  ChannelARNInvalidException: client('An ARN-shaped argument is not a valid channel ARN.'),
  EventDataStoreAlreadyExistsException: client('An event data store of that name already exists in the region.'),
  EventDataStoreMaxLimitExceededException: client('The region already has 10 event data stores (pending deletion ones do not count).'),
  EventDataStoreTerminationProtectedException: client('The event data store has termination protection; turn it off first.'),
  EventDataStoreHasOngoingImportException: client('An import into the event data store is running (opentrail has no Lake imports, so never).'),
  EventDataStoreFederationEnabledException: client('Federation is enabled on the event data store (opentrail has no federation, so never).'),
  InvalidEventDataStoreStatusException: client('The event data store is not in the status the operation needs.'),
  InvalidEventDataStoreCategoryException: client('The event data store collects the wrong kind of events for the operation.'),
  ChannelAlreadyExistsException: client('A channel of that name already exists in the region.'),
  ChannelMaxLimitExceededException: client('The region already has 25 channels.'),
  ChannelExistsForEDSException: client('A channel still sends events to the event data store.'),
  InvalidSourceException: client('The channel source is not Custom (opentrail has no partner integrations).'),

  // The CloudTrail Data API's whole-request codes (PutAuditEvents, REST-JSON; src/edge/surfaces/cloudtrail-data-surface.ts).
  ChannelNotFound: client('The channel does not exist (PutAuditEvents).', 404),
  InvalidChannelARN: client('channelArn is not a channel ARN or id (PutAuditEvents).'),
  ChannelInsufficientPermission: client('The channel belongs to another account (PutAuditEvents).', 403),
  ChannelUnsupportedSchema: client('The channel does not take custom events (PutAuditEvents; never for Custom channels).'),
  DuplicatedAuditEventId: client('Two audit events of the request have the same id (PutAuditEvents).'),
  OrganizationsNotInUseException: client('The account is not in an organization (opentrail has no AWS Organizations).'),
  NotOrganizationMasterAccountException: client('The account is not the management account of its organization.'),
  OrganizationNotInAllFeaturesModeException: client('The organization does not have all features enabled.'),
  CloudTrailAccessNotEnabledException: client('Trusted access for CloudTrail is not enabled in the organization.'),
  InsufficientDependencyServiceAccessPermissionException: client('CloudTrail may not call the organization service it needs.'),
  NoManagementAccountSLRExistsException: client('The management account has no CloudTrail service-linked role.'),
  CloudTrailInvalidClientTokenIdException: client('The SNS topic belongs to a suspended account.'),
  KmsKeyDisabledException: client('The KMS key is disabled (deprecated, unused).'),
  TrailNotProvidedException: client('No trail was given (deprecated, unused).'),

  // The S3 endpoint's codes (sent as S3's XML <Error>; src/edge/surfaces/s3/s3-error-reply.ts).
  AccessDenied: client('The caller may not use the bucket or object (S3).', 403),
  InvalidAccessKeyId: client('The access key id is not known, or not active (S3).', 403),
  SignatureDoesNotMatch: client('The SigV4 signature does not match (S3).', 403),
  RequestTimeTooSkewed: client('The request time is more than 15 minutes from the server clock (S3).', 403),
  AuthorizationHeaderMalformed: client('The Authorization header is malformed (S3).'),
  AuthorizationQueryParametersError: client('The presigned URL query parameters are malformed (S3).'),
  XAmzContentSHA256Mismatch: client('The body does not match its x-amz-content-sha256 (S3).'),
  PermanentRedirect: client('The bucket is in another region than the request is signed for; x-amz-bucket-region names it (S3).', 301),
  NoSuchBucket: client('The bucket does not exist (S3).', 404),
  NoSuchKey: client('The object does not exist (S3).', 404),
  NoSuchVersion: client('A version other than null was named; opentrail keeps no versions (S3).', 404),
  BucketAlreadyExists: client('Another account owns a bucket of that name (S3).', 409),
  BucketAlreadyOwnedByYou: client('The caller already owns the bucket (outside us-east-1) (S3).', 409),
  BucketNotEmpty: client('DeleteBucket on a bucket that holds objects (S3).', 409),
  InvalidBucketName: client('The bucket name breaks the naming rules (S3).'),
  InvalidLocationConstraint: client('The LocationConstraint is not valid, e.g. us-east-1 (S3).'),
  IllegalLocationConstraintException: client('The LocationConstraint differs from the region the request is signed for (S3).'),
  InvalidRange: client('The Range starts past the end of the object (S3).', 416),
  MalformedXML: client('The XML body is not well-formed or not of the expected shape (S3).'),
  MethodNotAllowed: client('The HTTP method is not allowed on this resource (S3).', 405),
  NotImplemented: server('An S3 operation or feature opentrail does not implement; the message names it (S3).', 501),
  InternalError: server('An unexpected error; logged with the request id, no details are returned (S3).'),
  SlowDown: server('Rate exceeded (S3).', 503),
  InvalidArgument: client('A query parameter or header has a value that is not valid (S3).'),
  InvalidRequest: client('The request is not valid as a whole, e.g. a copy onto itself that changes nothing (S3).'),
  InvalidURI: client('The path is not valid percent-encoded UTF-8 (S3).'),
  KeyTooLongError: client('The key is longer than 1024 bytes (S3).'),
  EntityTooLarge: client('The object is larger than the endpoint accepts (S3).'),
  IncompleteBody: client('An aws-chunked body is malformed or shorter than declared (S3).'),
  BadDigest: client('The body does not match its Content-MD5 or x-amz-checksum-* header (S3).'),
  InvalidDigest: client('The Content-MD5 header is not a base64 MD5 (S3).'),
  MetadataTooLarge: client('The x-amz-meta-* headers exceed 2 KB (S3).'),

  // Identity and access (iam): temporary credentials, the IAM and STS Query endpoints' codes, bucket policies.
  ExpiredTokenException: client('The temporary credentials (STS session token) have expired.'),
  ExpiredToken: client('The temporary credentials have expired (S3, IAM and STS).'),
  InvalidClientTokenId: client('The access key id is not known, not active, or its session token does not match (IAM, STS).', 403),
  MissingAuthenticationToken: client('The request carries no SigV4 authentication (IAM, STS).', 403),
  IncompleteSignature: client('The SigV4 Authorization header or query parameters are malformed (IAM, STS).'),
  InvalidAction: client('The Action names no operation of this service, or one opentrail does not implement (IAM, STS).'),
  MissingAction: client('The request has no Action parameter (IAM, STS).'),
  InvalidParameterValue: client('A parameter is not valid for the protocol, e.g. an unsupported Version (IAM, STS).'),
  ValidationError: client('A parameter is missing or fails a constraint of the model (IAM, STS).'),
  InvalidInput: client('A parameter value is not valid, e.g. a malformed ARN or a bad marker (IAM).'),
  NoSuchEntity: client('The user, group, role, policy, version or access key does not exist (IAM).', 404),
  EntityAlreadyExists: client('An entity of that name already exists in the account (IAM).', 409),
  MalformedPolicyDocument: client('The policy document is not valid policy JSON (IAM, STS).'),
  LimitExceeded: client('An IAM quota would be exceeded, e.g. a third access key or a sixth policy version (IAM).', 409),
  DeleteConflict: client('The entity still has subordinate entities (keys, policies, members) (IAM).', 409),
  PackedPolicyTooLarge: client('The session policies are larger than AssumeRole allows (STS).'),
  ServiceFailure: server('An unexpected error; logged with the request id, no details are returned (IAM, STS).'),
  MalformedPolicy: client('The bucket policy is not valid policy JSON (S3).'),
  NoSuchBucketPolicy: client('The bucket has no bucket policy (S3).', 404),
  PolicyNotAttachable: client('The managed policy cannot be attached to that entity (IAM).'),
  UnmodifiableEntity: client('The entity is managed by a service and cannot be changed (IAM).'),
  ConcurrentModification: client('Another request changed the entity at the same time; retry (IAM).', 409),
  RegionDisabledException: client('STS is not activated in the requested region (STS).', 403),
  EntityTemporarilyUnmodifiable: client('The user is being changed by another request and cannot be changed now (IAM).', 409),
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorDefinition(code: ErrorCode): ErrorDefinition {
  return ERROR_CATALOGUE[code];
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
