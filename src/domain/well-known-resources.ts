// Event History names resources that records do not list in `resources`, from well-known request parameters
// (the way AWS's own Event History shows a bucket for PutBucketPolicy or an instance for StartInstances).
import type { HistoryResource } from './history-attributes.js';

interface ParameterRule {
  parameter: string;
  type: string;
  /** Only for this event source; any source when absent. */
  source?: string;
}

const RULES: readonly ParameterRule[] = [
  { parameter: 'bucketName', type: 'AWS::S3::Bucket' },
  { parameter: 'instanceId', type: 'AWS::EC2::Instance' },
  { parameter: 'vpcId', type: 'AWS::EC2::VPC' },
  { parameter: 'subnetId', type: 'AWS::EC2::Subnet' },
  { parameter: 'volumeId', type: 'AWS::EC2::Volume' },
  { parameter: 'securityGroupId', type: 'AWS::EC2::SecurityGroup' },
  { parameter: 'routeTableId', type: 'AWS::EC2::RouteTable' },
  { parameter: 'roleName', type: 'AWS::IAM::Role' },
  { parameter: 'userName', type: 'AWS::IAM::User', source: 'iam.amazonaws.com' },
  { parameter: 'groupName', type: 'AWS::IAM::Group', source: 'iam.amazonaws.com' },
  { parameter: 'policyArn', type: 'AWS::IAM::Policy' },
  { parameter: 'accessKeyId', type: 'AWS::IAM::AccessKey', source: 'iam.amazonaws.com' },
  { parameter: 'keyId', type: 'AWS::KMS::Key', source: 'kms.amazonaws.com' },
  { parameter: 'secretId', type: 'AWS::SecretsManager::Secret' },
  { parameter: 'functionName', type: 'AWS::Lambda::Function' },
  { parameter: 'dBInstanceIdentifier', type: 'AWS::RDS::DBInstance' },
  { parameter: 'name', type: 'AWS::SSM::Parameter', source: 'ssm.amazonaws.com' },
  { parameter: 'name', type: 'AWS::CloudTrail::Trail', source: 'cloudtrail.amazonaws.com' },
  { parameter: 'trailName', type: 'AWS::CloudTrail::Trail', source: 'cloudtrail.amazonaws.com' },
];

export function resourcesFromParameters(
  eventSource: string | undefined,
  parameters: Record<string, unknown> | null | undefined,
): HistoryResource[] {
  if (!parameters || typeof parameters !== 'object') return [];
  const out: HistoryResource[] = [];
  for (const rule of RULES) {
    if (rule.source && rule.source !== eventSource) continue;
    const value = parameters[rule.parameter];
    if (typeof value === 'string' && value !== '') out.push({ type: rule.type, name: value });
  }
  return out;
}
