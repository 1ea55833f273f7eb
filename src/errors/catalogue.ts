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
  ServiceUnavailable: server('The service cannot store the event right now; nothing was done.', 503),

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
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function errorDefinition(code: ErrorCode): ErrorDefinition {
  return ERROR_CATALOGUE[code];
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
