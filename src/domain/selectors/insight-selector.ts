// Insights selectors as the model names them (spec §4.13 `InsightSelector`, §4.4 PutInsightSelectors).
import { z } from 'zod';

export const insightSelectorSchema = z.object({
  InsightType: z.string().optional(),
  EventCategories: z.array(z.string()).optional(),
});

export type InsightSelector = z.infer<typeof insightSelectorSchema>;

export const INSIGHT_TYPES = ['ApiCallRateInsight', 'ApiErrorRateInsight'] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

export const INSIGHT_EVENT_CATEGORIES = ['Management', 'Data'] as const;

export type InsightEventCategory = (typeof INSIGHT_EVENT_CATEGORIES)[number];

/** A validated selector; EventCategories stays absent when the caller left it out (it then means Management). */
export interface StoredInsightSelector {
  InsightType: InsightType;
  EventCategories?: InsightEventCategory[];
}
