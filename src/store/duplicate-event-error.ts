// Live events get fresh UUIDs, so appending an eventId the log already holds is a bug upstream. The append is
// refused loudly rather than dropped: a caller told "recorded" must never have had its event silently discarded.
export class DuplicateEventError extends Error {
  readonly eventId: string;

  constructor(eventId: string) {
    super(`event ${eventId} is already in the event log`);
    this.name = 'DuplicateEventError';
    this.eventId = eventId;
  }
}
