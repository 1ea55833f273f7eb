// Tags on trails (spec §4.7, §8): at most 50 per resource, keys of 1–128 and values of up to 256 characters, a key
// at most once per request; adding a key that is there replaces its value.
import { ServiceError } from '../../errors/service-error.js';
import type { TrailTag } from '../../store/trail-store.js';

export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;

// The characters AWS allows in tag keys and values of every service.
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const RESERVED_KEY_PREFIX = 'aws:';

export interface TagInput {
  Key: string;
  Value?: string | undefined;
}

/** The tags a request adds, checked; throws InvalidTagParameterException. */
export function checkTags(tags: readonly TagInput[]): TrailTag[] {
  checkKeys(tags);
  return tags.map(({ Key, Value }) => {
    if (Value !== undefined) checkValue(Key, Value);
    return Value === undefined ? { Key } : { Key, Value };
  });
}

/** The resource's tags after adding; TagsLimitExceededException beyond 50. */
export function addTags(current: readonly TrailTag[], added: readonly TagInput[]): TrailTag[] {
  const checked = checkTags(added);
  const replaced = new Set(checked.map((tag) => tag.Key));
  const result = [...current.filter((tag) => !replaced.has(tag.Key)), ...checked];
  if (result.length > MAX_TAGS_PER_RESOURCE) {
    throw new ServiceError(
      'TagsLimitExceededException',
      `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would leave it with ${result.length}.`,
    );
  }
  return result;
}

/** The resource's tags without the keys listed (their values, if sent, do not matter). */
export function removeTags(current: readonly TrailTag[], removed: readonly TagInput[]): TrailTag[] {
  checkKeys(removed);
  const keys = new Set(removed.map((tag) => tag.Key));
  return current.filter((tag) => !keys.has(tag.Key));
}

function checkKeys(tags: readonly TagInput[]): void {
  const seen = new Set<string>();
  for (const { Key } of tags) {
    if (Key.length < 1 || Key.length > MAX_TAG_KEY || !TAG_TEXT.test(Key)) {
      throw invalidTag(`Tag key must be 1 to ${MAX_TAG_KEY} letters, digits, spaces and _.:/=+-@; got '${Key}'.`);
    }
    if (Key.toLowerCase().startsWith(RESERVED_KEY_PREFIX)) throw invalidTag(`Tag keys starting with aws: are reserved; got '${Key}'.`);
    if (seen.has(Key)) throw invalidTag(`Tag key '${Key}' appears more than once in the request.`);
    seen.add(Key);
  }
}

function checkValue(key: string, value: string): void {
  if (value.length > MAX_TAG_VALUE || !TAG_TEXT.test(value)) {
    throw invalidTag(`The value of tag '${key}' must be at most ${MAX_TAG_VALUE} letters, digits, spaces and _.:/=+-@.`);
  }
}

function invalidTag(message: string): ServiceError {
  return new ServiceError('InvalidTagParameterException', message);
}
