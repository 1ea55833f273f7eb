// Limits and unique names checked as a write happens rather than before it: a check made earlier can be passed by
// two calls at once that each saw room for one more (CreateTrail, CreateChannel, CreateEventDataStore, ...).

/**
 * Asked by a store's write, atomically with it, about the items the new one must fit among (as they are at that
 * moment, without the item itself): a reason not to write, or undefined to write.
 */
export type PlacementCheck<Item, Refusal> = (others: Item[]) => Refusal | undefined;
