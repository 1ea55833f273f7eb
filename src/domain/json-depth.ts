// How deeply a parsed JSON value nests. JSON.parse is not recursive, so it takes any depth; JSON.stringify and
// every reader after it are, and a value nested a hundred thousand levels deep overflows their stack. Records and
// event data are refused above MAX_JSON_DEPTH, far deeper than any CloudTrail record goes.
export const MAX_JSON_DEPTH = 100;

/** Whether arrays and objects nest more than `max` levels deep in `value` (the value itself is level 1). */
export function nestedDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const next = values.pop();
    const depth = depths.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(next) ? next : Object.values(next)) {
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
