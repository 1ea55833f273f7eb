// A trail's CloudWatch Logs destination (spec §4.3): a log group ARN and the role CloudTrail assumes to write to
// it, always both or neither.
import { ServiceError } from '../../errors/service-error.js';

const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:log-group:[A-Za-z0-9._\-/#]{1,512}(?::\*)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_\-/]{1,512}$/;

export interface CloudWatchLogsDestination {
  cloudWatchLogsLogGroupArn?: string | undefined;
  cloudWatchLogsRoleArn?: string | undefined;
}

export function checkLogGroupArn(arn: string): string {
  if (!LOG_GROUP_ARN.test(arn)) {
    throw new ServiceError(
      'InvalidCloudWatchLogsLogGroupArnException',
      `CloudWatch Logs log group ARN is not valid: ${arn}. Expected arn:aws:logs:<region>:<account-id>:log-group:<name>:*.`,
    );
  }
  return arn;
}

export function checkLogsRoleArn(arn: string): string {
  if (!ROLE_ARN.test(arn)) {
    throw new ServiceError(
      'InvalidCloudWatchLogsRoleArnException',
      `CloudWatch Logs role ARN is not valid: ${arn}. Expected arn:aws:iam::<account-id>:role/<name>.`,
    );
  }
  return arn;
}

/** The pair rule, on the trail's resulting settings: the member that is missing is the one reported. */
export function checkCloudWatchLogsPair(destination: CloudWatchLogsDestination): void {
  const { cloudWatchLogsLogGroupArn: group, cloudWatchLogsRoleArn: role } = destination;
  if (group !== undefined && role === undefined) {
    throw new ServiceError(
      'InvalidCloudWatchLogsRoleArnException',
      'CloudWatchLogsRoleArn is required with CloudWatchLogsLogGroupArn: specify both or neither.',
    );
  }
  if (role !== undefined && group === undefined) {
    throw new ServiceError(
      'InvalidCloudWatchLogsLogGroupArnException',
      'CloudWatchLogsLogGroupArn is required with CloudWatchLogsRoleArn: specify both or neither.',
    );
  }
}
