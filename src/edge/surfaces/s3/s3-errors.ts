// S3's errors: a catalogued code and message plus the extra members S3 puts in its <Error> body (BucketName, Key,
// Region…) and the headers it sends with some (x-amz-bucket-region, Content-Range).
import { ServiceError } from '../../../errors/service-error.js';
import type { ErrorCode } from '../../../errors/catalogue.js';
import { ObjectStoreError } from '../../../objects/object-store-error.js';
import { formatRange } from '../../../objects/byte-range.js';
import type { ByteRange } from '../../../objects/object-store.js';

export class S3Error extends ServiceError {
  constructor(
    code: ErrorCode,
    message: string,
    /** Members of the <Error> body after Message, in order. */
    readonly details: Readonly<Record<string, string>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code, message);
  }
}

export const noSuchBucket = (bucket: string): S3Error =>
  new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });

export const noSuchKey = (key: string): S3Error => new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });

export const invalidBucketName = (bucket: string): S3Error =>
  new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });

export const bucketAlreadyExists = (bucket: string): S3Error =>
  new S3Error(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    { BucketName: bucket },
  );

export const accessDenied = (): S3Error => new S3Error('AccessDenied', 'Access Denied');

export const invalidArgument = (message: string, name: string, value: string): S3Error =>
  new S3Error('InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });

export const malformedXml = (): S3Error =>
  new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');

export const keyTooLong = (): S3Error => new S3Error('KeyTooLongError', 'Your key is too long', { MaxSizeAllowed: '1024' });

/** The port's outcomes in S3's words; `range` is what the client asked for, for InvalidRange. */
export function fromObjectStoreError(err: ObjectStoreError, target: { bucket: string; key?: string }, range?: ByteRange): S3Error {
  switch (err.reason) {
    case 'NoSuchBucket':
      return noSuchBucket(target.bucket);
    case 'NoSuchKey':
      return noSuchKey(target.key ?? '');
    case 'BucketNotEmpty':
      return new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', { BucketName: target.bucket });
    case 'BucketExists':
      return bucketAlreadyExists(target.bucket);
    case 'InvalidBucketName':
      return invalidBucketName(target.bucket);
    case 'InvalidKey':
      return err.message.includes('long') ? keyTooLong() : invalidArgument(err.message, 'key', target.key ?? '');
    case 'InvalidRange':
      return new S3Error(
        'InvalidRange',
        'The requested range is not satisfiable',
        { RangeRequested: range ? formatRange(range) : '', ActualObjectSize: String(err.objectSize ?? 0) },
        { 'content-range': `bytes */${err.objectSize ?? 0}` },
      );
  }
}

/** Runs a store call, turning the port's outcomes into S3 errors. */
export async function storeCall<T>(
  target: { bucket: string; key?: string },
  work: () => Promise<T>,
  range?: ByteRange,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ObjectStoreError) throw fromObjectStoreError(err, target, range);
    throw err;
  }
}
