// validate-logs online: the CloudTrail and S3 APIs of opentrail, or of the S3-compatible store it writes to.
import { OPENTRAIL_TARGET_PREFIX } from '../../operations/opentrail/target-prefix.js';
import type { CheckpointWire } from '../signed-checkpoints.js';
import type { ModeOf, ValidationBackend } from './backends.js';
import type { JsonApiSettings } from './json-api-client.js';
import { trustedKeyOf } from './key-files.js';

const CLOUDTRAIL_TARGET = 'CloudTrail_20131101';

export async function onlineBackend(mode: ModeOf<'online'>, region: string): Promise<ValidationBackend> {
  const api: JsonApiSettings = { endpoint: mode.cloudTrailEndpoint, region, credentials: mode.credentials };
  // Loaded only here: the SDKs are most of the command's start-up time, and the other modes never need them.
  const [{ S3Source }, { callJsonApi }] = await Promise.all([import('./s3-source.js'), import('./json-api-client.js')]);
  // The trail's bucket may live in another region than the one validated (a multi-region trail, or a trail homed away
  // from its bucket): S3 then answers with the bucket's region, which the client follows, as the AWS CLI does.
  const objects = new S3Source({ endpoint: mode.s3Endpoint, region, credentials: mode.credentials, maxAttempts: 3, followRegionRedirects: true });
  return {
    async destination(trailArn) {
      const { trailList } = (await callJsonApi(api, `${CLOUDTRAIL_TARGET}.DescribeTrails`, {})) as { trailList?: Array<Record<string, unknown>> };
      const trail = (trailList ?? []).find((t) => t.TrailARN === trailArn);
      if (!trail) return undefined;
      return { bucket: String(trail.S3BucketName), prefix: typeof trail.S3KeyPrefix === 'string' && trail.S3KeyPrefix ? trail.S3KeyPrefix : undefined };
    },
    keys: {
      async publicKeys(keyRegion, fromMs, toMs) {
        const { PublicKeyList } = (await callJsonApi({ ...api, region: keyRegion }, `${CLOUDTRAIL_TARGET}.ListPublicKeys`, {
          StartTime: Math.floor(fromMs / 1000), EndTime: Math.ceil(toMs / 1000),
        })) as { PublicKeyList?: Array<{ Value: string; Fingerprint: string }> };
        return (PublicKeyList ?? []).map(trustedKeyOf);
      },
    },
    objects,
    async checkpoints(trailArn) {
      try {
        const answer = await callJsonApi(api, `${OPENTRAIL_TARGET_PREFIX}.GetDigestCheckpoint`, { TrailARN: trailArn });
        return (answer as { Checkpoints: CheckpointWire[] }).Checkpoints;
      } catch (err) {
        return `the service gave none: ${(err as Error).message}`;
      }
    },
    async close() {
      objects.close();
    },
  };
}
