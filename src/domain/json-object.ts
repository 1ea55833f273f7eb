// The one test for "a JSON object" (not null, not an array) that readers of records and request bodies share.
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
