// Advanced event selectors as the model names them (spec §4.13 `AdvancedEventSelector`, `AdvancedFieldSelector`;
// semantics §5.3). Types only here: lengths, counts and field rules are validateAdvancedEventSelectors' job.
import { z } from 'zod';

const values = z.array(z.string()).optional();

export const advancedFieldSelectorSchema = z.object({
  Field: z.string(),
  Equals: values,
  StartsWith: values,
  EndsWith: values,
  NotEquals: values,
  NotStartsWith: values,
  NotEndsWith: values,
});

export const advancedEventSelectorSchema = z.object({
  Name: z.string().optional(),
  FieldSelectors: z.array(advancedFieldSelectorSchema),
});

export type AdvancedFieldSelector = z.infer<typeof advancedFieldSelectorSchema>;
export type AdvancedEventSelector = z.infer<typeof advancedEventSelectorSchema>;

export const POSITIVE_OPERATORS = ['Equals', 'StartsWith', 'EndsWith'] as const;
export const NEGATIVE_OPERATORS = ['NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
export const OPERATORS = [...POSITIVE_OPERATORS, ...NEGATIVE_OPERATORS] as const;

export type PositiveOperator = (typeof POSITIVE_OPERATORS)[number];
export type NegativeOperator = (typeof NEGATIVE_OPERATORS)[number];
export type Operator = (typeof OPERATORS)[number];

/** Each negative operator holds exactly when its positive counterpart does not. */
export const NEGATED: Readonly<Record<NegativeOperator, PositiveOperator>> = {
  NotEquals: 'Equals',
  NotStartsWith: 'StartsWith',
  NotEndsWith: 'EndsWith',
};

/** The operators a field selector uses, in model order, with their values. */
export function usedOperators(selector: AdvancedFieldSelector): Array<[Operator, string[]]> {
  const used: Array<[Operator, string[]]> = [];
  for (const operator of OPERATORS) {
    const list = selector[operator];
    if (list !== undefined) used.push([operator, list]);
  }
  return used;
}

export const valueCount = (selector: AdvancedFieldSelector): number =>
  usedOperators(selector).reduce((sum, [, list]) => sum + list.length, 0);
