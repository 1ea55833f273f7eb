// Digests in an external S3-compatible store (moto_server on loopback): opentrail writes them there with their
// signature metadata, and `aws cloudtrail validate-logs` with AWS_ENDPOINT_URL_S3 aimed at that store (CloudTrail
// still at opentrail) validates the chain, which ended with a final digest when validation was switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { awsCli } from '../support/aws-cli.js';
import { cli, waitFor } from '../support/delivered-logs.js';
import { digestOf, listKeys, modifiedLogFile, readObject, withTampered } from '../support/digests.js';
import { startMotoServer } from '../../src/objects/conformance/moto-server.js';

const BUCKET = 'ext-integrity';
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/ext';

let moto: Awaited<ReturnType<typeof startMotoServer>>;
let server: TestServer;
let startTime: string;

function validate() {
  return awsCli(server, ['cloudtrail', 'validate-logs', '--trail-arn', TRAIL_ARN, '--start-time', startTime, '--region', 'us-east-1'], {
    AWS_ENDPOINT_URL_CLOUDTRAIL: server.url,
    AWS_ENDPOINT_URL_S3: moto.endpoint,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  });
}

beforeAll(async () => {
  moto = await startMotoServer();
  server = await startTestServer({
    logFileInterval: 1, digestInterval: 2,
    s3Endpoint: moto.endpoint, s3AccessKeyId: 'testing', s3SecretAccessKey: 'testing', s3Region: 'us-east-1',
  });
  startTime = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  await cli(server, ['s3', 'mb', `s3://${BUCKET}`]);
  await cli(server, ['cloudtrail', 'create-trail', '--name', 'ext', '--s3-bucket-name', BUCKET, '--enable-log-file-validation']);
  await cli(server, ['cloudtrail', 'start-logging', '--name', 'ext']);
  const until = Date.now() + 6_000;
  while (Date.now() < until) await cli(server, ['cloudtrail', 'get-trail-status', '--name', 'ext']);
  await cli(server, ['cloudtrail', 'update-trail', '--name', 'ext', '--no-enable-log-file-validation']);
  await waitFor('the final digest', async () => {
    const [checkpoint] = await server.store.digestChains.checkpoints(TRAIL_ARN);
    return checkpoint?.final ? true : undefined;
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await moto?.stop();
});

describe('validate-logs with digests in an external S3-compatible store', () => {
  it('validates the chain read straight from that store', async () => {
    const result = await validate();
    expect(result.stderr).not.toContain('INVALID');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/(\d+)\/\1 digest files valid/);
    expect(result.stdout).toMatch(/(\d+)\/\1 log files valid/);
  }, 60_000);

  it('reports a log file changed in that store', async () => {
    const digests = await listKeys(server.objects, BUCKET, 'AWSLogs/123456789012/CloudTrail-Digest/');
    const withFiles = await Promise.all(digests.map(async (key) => digestOf(await readObject(server.objects, BUCKET, key)).logFiles));
    const logKey = withFiles.flat()[0]!.s3Object;
    await withTampered(server.objects, BUCKET, logKey, modifiedLogFile, async () => {
      const result = await validate();
      expect(result.stderr).toContain(`Log file\ts3://${BUCKET}/${logKey}\tINVALID: hash value doesn't match`);
      expect(result.code).toBe(1);
    });
  }, 60_000);

  it('writes no more digests once validation is off', async () => {
    const before = await listKeys(server.objects, BUCKET, 'AWSLogs/123456789012/CloudTrail-Digest/');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await listKeys(server.objects, BUCKET, 'AWSLogs/123456789012/CloudTrail-Digest/')).toEqual(before);
  }, 30_000);
});
