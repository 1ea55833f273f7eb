// A trail's notification topic (spec §4.3): `SnsTopicName` takes a topic name or ARN; the trail keeps both the
// name (the deprecated response member) and the full ARN.
import { ServiceError } from '../../errors/service-error.js';
import type { AccountRegion } from './account-region.js';

export const MAX_SNS_TOPIC_NAME = 256;

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z]{2}(?:-[a-z]+)+-\d+:\d{12}:([A-Za-z0-9_-]{1,256})$/;

export interface SnsTopic {
  snsTopicName: string;
  snsTopicArn: string;
}

export function snsTopic(nameOrArn: string, where: AccountRegion): SnsTopic {
  if (nameOrArn.length <= MAX_SNS_TOPIC_NAME) {
    const name = TOPIC_ARN.exec(nameOrArn)?.[1];
    if (name !== undefined) return { snsTopicName: name, snsTopicArn: nameOrArn };
    if (TOPIC_NAME.test(nameOrArn)) {
      return { snsTopicName: nameOrArn, snsTopicArn: `arn:aws:sns:${where.region}:${where.accountId}:${nameOrArn}` };
    }
  }
  throw new ServiceError(
    'InvalidSnsTopicNameException',
    `SNS topic name is not valid: ${nameOrArn}. A topic name has 1 to 256 letters, digits, hyphens and underscores; ` +
      'an ARN has the form arn:aws:sns:<region>:<account-id>:<topic-name>.',
  );
}
