// For tests of read-check-write races: a store's read that, the first time it is called, lets another call make
// its change after the read and before the reading call writes.
export function onceAfterRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  meanwhile: () => Promise<unknown>,
): (...args: Args) => Promise<Result> {
  let pending: (() => Promise<unknown>) | undefined = meanwhile;
  return async (...args) => {
    const result = await read(...args);
    const other = pending;
    pending = undefined;
    await other?.();
    return result;
  };
}
