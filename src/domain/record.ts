// The CloudTrail event record (spec §1). Only the members opentrail itself reads are typed; a record may carry any
// other member, and records that no one here wrote (imports) must survive a round trip unchanged.

export type IdentityType =
  | 'Root' | 'IAMUser' | 'AssumedRole' | 'Role' | 'FederatedUser' | 'Directory' | 'AWSAccount' | 'AWSService'
  | 'Unknown' | 'SAMLUser' | 'WebIdentityUser' | 'IdentityCenterUser';

export interface SessionIssuer {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  userName?: string;
}

export interface UserIdentity {
  type: IdentityType | string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  identityProvider?: string;
  sessionContext?: {
    sessionIssuer?: SessionIssuer;
    webIdFederationData?: Record<string, unknown>;
    attributes?: { creationDate?: string; mfaAuthenticated?: string };
    sourceIdentity?: string;
    ec2RoleDelivery?: string;
  };
  [member: string]: unknown;
}

export interface RecordResource {
  ARN?: string;
  accountId?: string;
  type?: string;
}

export type EventCategory = 'Management' | 'Data' | 'Insight' | 'NetworkActivity' | 'ActivityAuditLog' | string;

export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity?: UserIdentity;
  eventTime: string;
  eventSource?: string;
  eventName?: string;
  awsRegion: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: RecordResource[];
  eventType: string;
  managementEvent?: boolean;
  recipientAccountId?: string;
  eventCategory: EventCategory;
  [member: string]: unknown;
}

/** The record version opentrail writes for the events it records itself. */
export const EVENT_VERSION = '1.11';

/** CloudTrail's customary member order: consumers must not rely on it, but people read records. */
export const RECORD_MEMBER_ORDER: readonly string[] = [
  'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress',
  'userAgent', 'errorCode', 'errorMessage', 'requestParameters', 'responseElements', 'additionalEventData',
  'requestID', 'eventID', 'readOnly', 'resources', 'eventType', 'managementEvent', 'recipientAccountId',
  'sharedEventID', 'eventCategory',
];
