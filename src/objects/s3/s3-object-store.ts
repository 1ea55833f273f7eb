// The ObjectStore port over any S3-compatible store (AWS S3, MinIO, Ceph, moto…), path style. Each opentrail bucket
// is a bucket of that store, so delivered files can be read there directly. A bucket's owner, region and creation
// time are kept as bucket tags, because an S3-compatible store has no other place for them; a bucket that was there
// before opentrail (no tags) has no owner and the store's region.
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand, CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, DeleteObjectsCommand,
  GetBucketTaggingCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListBucketsCommand,
  ListObjectsV2Command, PutBucketTaggingCommand, PutObjectCommand, S3Client, type BucketLocationConstraint,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import type {
  BucketInfo, BucketSettings, ByteRange, CopyResult, DeleteManyResult, ListQuery, ObjectContent, ObjectInfo,
  ObjectListing, ObjectRef, ObjectStore, ObjectSummary, ObjectWriteOptions, PutResult,
} from '../object-store.js';
import { DEFAULT_CONTENT_TYPE, MAX_LIST_KEYS } from '../object-store.js';
import { ObjectStoreError, noSuchBucket } from '../object-store-error.js';
import { isValidBucketName } from '../bucket-name.js';
import { keyProblem } from '../object-key.js';
import { formatRange } from '../byte-range.js';
import { compareUtf8 } from '../utf8-order.js';
import { isNotFound, translateS3Error } from './s3-error-translation.js';
import { BucketInfoCache } from './bucket-info-cache.js';

export interface S3ObjectStoreConfig {
  endpoint: string;
  /** The region requests to the store are signed for; default us-east-1. */
  region?: string;
  /** Default: the AWS SDK's credential chain (environment, shared files…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const TAG = { owner: 'opentrail:owner-account', region: 'opentrail:region', created: 'opentrail:created' } as const;
const DELETE_BATCH = 1000;

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly region: string;
  private readonly buckets = new BucketInfoCache();

  constructor(config: S3ObjectStoreConfig) {
    this.region = config.region ?? 'us-east-1';
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: this.region,
      forcePathStyle: true,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Many S3-compatible stores do not know the newer checksum headers: send them only where S3 requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async createBucket(bucket: string, settings: BucketSettings): Promise<void> {
    requireBucketName(bucket);
    // In us-east-1, S3 answers 200 to creating a bucket one already owns; the port's contract is to refuse.
    this.buckets.forget(bucket);
    if (await this.headBucket(bucket)) throw new ObjectStoreError('BucketExists', `The bucket ${bucket} already exists.`);
    const created = new Date();
    await this.call(
      () => this.client.send(new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is the one region S3 wants no constraint for.
        ...(this.region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: this.region as BucketLocationConstraint } }),
      })),
      { bucket },
    );
    this.buckets.forget(bucket);
    await this.call(
      () => this.client.send(new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: {
          TagSet: [
            { Key: TAG.owner, Value: settings.ownerAccountId },
            { Key: TAG.region, Value: settings.region },
            { Key: TAG.created, Value: created.toISOString() },
          ],
        },
      })),
      { bucket },
    );
  }

  async headBucket(bucket: string): Promise<BucketInfo | undefined> {
    if (!isValidBucketName(bucket)) return undefined;
    return this.buckets.get(bucket, () => this.fetchBucketInfo(bucket));
  }

  async listBuckets(): Promise<BucketInfo[]> {
    const output = await this.call(() => this.client.send(new ListBucketsCommand({})), {});
    const names = (output.Buckets ?? []).map((b) => b.Name ?? '').filter(isValidBucketName).sort(compareUtf8);
    const infos = await Promise.all(names.map((name) => this.headBucket(name)));
    return infos.filter((info): info is BucketInfo => info !== undefined);
  }

  async deleteBucket(bucket: string): Promise<void> {
    if (!isValidBucketName(bucket)) throw noSuchBucket(bucket);
    try {
      await this.call(() => this.client.send(new DeleteBucketCommand({ Bucket: bucket })), { bucket });
    } finally {
      this.buckets.forget(bucket);
    }
  }

  async putObject(bucket: string, key: string, body: Uint8Array, options: ObjectWriteOptions = {}): Promise<PutResult> {
    requireObjectName(bucket, key);
    const output = await this.call(
      () => this.client.send(new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: options.contentType || DEFAULT_CONTENT_TYPE,
        Metadata: { ...options.userMetadata },
      })),
      { bucket, key },
    );
    return { etag: output.ETag ?? '' };
  }

  async getObject(bucket: string, key: string, options: { range?: ByteRange } = {}): Promise<ObjectContent> {
    requireObjectName(bucket, key);
    try {
      const output = await this.call(
        () => this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(options.range ? { Range: formatRange(options.range) } : {}) })),
        { bucket, key },
      );
      const range = options.range ? parseContentRange(output.ContentRange) : undefined;
      const size = range ? range.size : (output.ContentLength ?? 0);
      return {
        info: {
          key,
          size,
          etag: output.ETag ?? '',
          lastModified: output.LastModified ?? new Date(0),
          contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
          userMetadata: { ...output.Metadata },
        },
        ...(range ? { range: { first: range.first, last: range.last } } : {}),
        body: output.Body as Readable,
      };
    } catch (err) {
      if (err instanceof ObjectStoreError && err.reason === 'InvalidRange') {
        const info = await this.headObject(bucket, key);
        throw new ObjectStoreError('InvalidRange', err.message, info?.size);
      }
      throw err;
    }
  }

  async headObject(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    requireObjectName(bucket, key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        key,
        size: output.ContentLength ?? 0,
        etag: output.ETag ?? '',
        lastModified: output.LastModified ?? new Date(0),
        contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
        userMetadata: { ...output.Metadata },
      };
    } catch (err) {
      // A HEAD answer has no body, so a missing key and a missing bucket look alike.
      if (!isNotFound(err)) throw translateS3Error(err, { bucket, key });
      if (!(await this.headBucket(bucket))) throw noSuchBucket(bucket);
      return undefined;
    }
  }

  async listObjects(bucket: string, query: ListQuery = {}): Promise<ObjectListing> {
    if (!isValidBucketName(bucket)) throw noSuchBucket(bucket);
    const maxKeys = Math.min(query.maxKeys ?? MAX_LIST_KEYS, MAX_LIST_KEYS);
    const listing = new ListingPage(maxKeys, query.startAfter);
    if (maxKeys <= 0) {
      await this.headOrFail(bucket);
      return listing.result();
    }
    let token: string | undefined;
    do {
      const output = await this.call(
        () => this.client.send(new ListObjectsV2Command({
          Bucket: bucket,
          EncodingType: 'url',
          MaxKeys: maxKeys + 1,
          ...(query.prefix ? { Prefix: query.prefix } : {}),
          ...(query.delimiter ? { Delimiter: query.delimiter } : {}),
          ...(token ? { ContinuationToken: token } : query.startAfter ? { StartAfter: query.startAfter } : {}),
        })),
        { bucket },
      );
      listing.add(output);
      token = output.IsTruncated ? output.NextContinuationToken : undefined;
    } while (token && !listing.full());
    return listing.result();
  }

  async copyObject(source: ObjectRef, target: ObjectRef, options: { replaceMetadata?: ObjectWriteOptions } = {}): Promise<CopyResult> {
    requireObjectName(source.bucket, source.key);
    requireObjectName(target.bucket, target.key);
    let replace = options.replaceMetadata;
    if (!replace && source.bucket === target.bucket && source.key === target.key) {
      // S3 refuses a copy onto itself that changes nothing; the port's meaning is "write it again".
      const info = await this.headObject(source.bucket, source.key);
      if (!info) throw translateS3Error({ name: 'NoSuchKey' }, source);
      replace = { contentType: info.contentType, userMetadata: info.userMetadata };
    }
    const output = await this.call(
      () => this.client.send(new CopyObjectCommand({
        Bucket: target.bucket,
        Key: target.key,
        CopySource: `${source.bucket}/${encodeURIComponent(source.key)}`,
        MetadataDirective: replace ? 'REPLACE' : 'COPY',
        ...(replace ? { ContentType: replace.contentType || DEFAULT_CONTENT_TYPE, Metadata: { ...replace.userMetadata } } : {}),
      })),
      { bucket: target.bucket, key: source.key },
    );
    return { etag: output.CopyObjectResult?.ETag ?? '', lastModified: output.CopyObjectResult?.LastModified ?? new Date() };
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    requireObjectName(bucket, key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), { bucket, key });
  }

  async deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteManyResult> {
    if (!isValidBucketName(bucket)) throw noSuchBucket(bucket);
    const result: DeleteManyResult = { deleted: [], failed: [] };
    const valid = keys.filter((key) => {
      const problem = keyProblem(key);
      if (problem) result.failed.push({ key, reason: 'InvalidKey', message: problem });
      return !problem;
    });
    if (valid.length === 0) await this.headOrFail(bucket);
    for (let i = 0; i < valid.length; i += DELETE_BATCH) {
      const batch = valid.slice(i, i + DELETE_BATCH);
      const output = await this.call(
        () => this.client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: false } })),
        { bucket },
      );
      for (const deleted of output.Deleted ?? []) if (deleted.Key !== undefined) result.deleted.push(deleted.Key);
      for (const error of output.Errors ?? []) {
        result.failed.push({ key: error.Key ?? '', reason: 'InternalError', message: error.Message ?? 'The object could not be deleted.' });
      }
    }
    return result;
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async fetchBucketInfo(bucket: string): Promise<BucketInfo | undefined> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw translateS3Error(err, { bucket });
    }
    const tags = await this.bucketTags(bucket);
    const owner = tags.get(TAG.owner);
    const created = tags.get(TAG.created);
    return {
      name: bucket,
      region: tags.get(TAG.region) ?? this.region,
      ...(owner ? { ownerAccountId: owner } : {}),
      createdAt: created ? new Date(created) : await this.creationDate(bucket),
    };
  }

  private async bucketTags(bucket: string): Promise<Map<string, string>> {
    try {
      const output = await this.client.send(new GetBucketTaggingCommand({ Bucket: bucket }));
      return new Map((output.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
    } catch (err) {
      // No tags (NoSuchTagSet), or a store without tagging: a bucket opentrail did not create.
      if (isNotFound(err) || ['NoSuchTagSet', 'NotImplemented', 'MethodNotAllowed'].includes((err as Error).name)) return new Map();
      throw translateS3Error(err, { bucket });
    }
  }

  private async creationDate(bucket: string): Promise<Date> {
    const output = await this.call(() => this.client.send(new ListBucketsCommand({})), {});
    return output.Buckets?.find((b) => b.Name === bucket)?.CreationDate ?? new Date(0);
  }

  private async headOrFail(bucket: string): Promise<void> {
    if (!(await this.headBucket(bucket))) throw noSuchBucket(bucket);
  }

  /** Runs one request to the store, with its errors in the port's terms. */
  private async call<T>(request: () => Promise<T>, context: { bucket?: string; key?: string }): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw translateS3Error(err, context);
    }
  }
}

/** Collects one page of the port's listing from backend pages, whose common prefixes come apart from the keys. */
class ListingPage {
  private readonly items: Array<{ name: string; object?: ObjectSummary }> = [];
  private more = false;

  constructor(
    private readonly maxKeys: number,
    private readonly startAfter: string | undefined,
  ) {}

  add(output: ListObjectsV2CommandOutput): void {
    const objects = (output.Contents ?? []).map((o) => ({
      name: decodeListed(o.Key ?? ''),
      object: {
        key: decodeListed(o.Key ?? ''),
        size: o.Size ?? 0,
        etag: o.ETag ?? '',
        lastModified: o.LastModified ?? new Date(0),
      },
    }));
    const prefixes = (output.CommonPrefixes ?? []).map((p) => ({ name: decodeListed(p.Prefix ?? '') }));
    // A common prefix at or before startAfter was listed on an earlier page (stores differ on whether they repeat it).
    const fresh = [...objects, ...prefixes].filter((item) => !this.startAfter || compareUtf8(item.name, this.startAfter) > 0);
    this.items.push(...fresh);
    this.items.sort((a, b) => compareUtf8(a.name, b.name));
    this.more = Boolean(output.IsTruncated);
  }

  /** Enough for a page; whether more follow is then known from the backend's IsTruncated or the extra item. */
  full(): boolean {
    return this.items.length >= this.maxKeys;
  }

  result(): ObjectListing {
    const isTruncated = this.items.length > this.maxKeys || (this.more && this.items.length === this.maxKeys);
    const page = this.items.slice(0, this.maxKeys);
    const last = page.at(-1);
    return {
      objects: page.flatMap((item) => (item.object ? [item.object] : [])),
      commonPrefixes: page.flatMap((item) => (item.object ? [] : [item.name])),
      isTruncated,
      ...(isTruncated && last ? { nextStartAfter: last.name } : {}),
    };
  }
}

/** Listed names come URL-encoded (requested, so any key survives XML); some stores write a space as `+`. */
function decodeListed(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, '%20'));
}

function parseContentRange(header: string | undefined): { first: number; last: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  if (!match) return undefined;
  return { first: Number(match[1]), last: Number(match[2]), size: Number(match[3]) };
}

function requireBucketName(bucket: string): void {
  if (!isValidBucketName(bucket)) throw new ObjectStoreError('InvalidBucketName', `${bucket} is not a valid bucket name.`);
}

function requireObjectName(bucket: string, key: string): void {
  const problem = keyProblem(key);
  if (problem) throw new ObjectStoreError('InvalidKey', problem);
  if (!isValidBucketName(bucket)) throw noSuchBucket(bucket);
}
