// How the client tells the application of troubles it handles itself (outages, refused or dropped records). Making
// an Error (its stack above all) costs more than recording an event, and under overload every record may be
// dropped: the Error is made only when someone will hear of it, so that a flood of drops stays cheap.

/** Reports one trouble; `make` is called only if the report reaches a handler. Never throws, even if `make` does. */
export type ErrorReport = (make: () => Error) => void;

/** The application's own handler hears of every trouble; without one, a process warning at most once per interval. */
export function errorReport(handler: ((error: Error) => void) | undefined, intervalMs: number): ErrorReport {
  if (handler) {
    return (make) => {
      try {
        handler(make());
      } catch {
        // an application's error handler must not break delivery
      }
    };
  }
  let last = -Infinity;
  return (make) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    try {
      process.emitWarning(make().message, { code: 'OPENTRAIL_CLIENT' });
    } catch {
      // a trouble that cannot even be described must not reach the application's request path
    }
  };
}
