// The one failure selector validation reports. It carries the AWS error code as a plain string so that the domain
// stays free of the service's error catalogue; the operations layer turns it into a ServiceError with the same code.

export type SelectorErrorCode =
  | 'InvalidEventSelectorsException'
  | 'InvalidInsightSelectorsException'
  | 'InvalidParameterCombinationException';

export class SelectorError extends Error {
  readonly code: SelectorErrorCode;

  constructor(code: SelectorErrorCode, message: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}

export const invalidEventSelectors = (message: string): SelectorError =>
  new SelectorError('InvalidEventSelectorsException', message);

export const invalidInsightSelectors = (message: string): SelectorError =>
  new SelectorError('InvalidInsightSelectorsException', message);
