// Basic event selectors as the model names them (spec §4.13 `EventSelector`, `DataResource`; semantics §5.2).
// The schemas check member types only: every constraint is validateEventSelectors' job, so that a bad value gets
// InvalidEventSelectorsException and only a bad type gets SerializationException.
import { z } from 'zod';

export const dataResourceSchema = z.object({
  Type: z.string().optional(),
  Values: z.array(z.string()).optional(),
});

export const eventSelectorSchema = z.object({
  ReadWriteType: z.string().optional(),
  IncludeManagementEvents: z.boolean().optional(),
  DataResources: z.array(dataResourceSchema).optional(),
  ExcludeManagementEventSources: z.array(z.string()).optional(),
});

export type DataResource = z.infer<typeof dataResourceSchema>;
export type EventSelector = z.infer<typeof eventSelectorSchema>;

export const READ_WRITE_TYPES = ['ReadOnly', 'WriteOnly', 'All'] as const;
export type ReadWriteType = (typeof READ_WRITE_TYPES)[number];

/** The high-volume management event sources a selector may drop (spec §5.2). */
export const EXCLUDABLE_MANAGEMENT_SOURCES = ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] as const;

/** The only data-event types basic selectors can name; every other type needs advanced selectors (spec §5.2). */
export const BASIC_DATA_RESOURCE_TYPES = ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'] as const;
export type BasicDataResourceType = (typeof BASIC_DATA_RESOURCE_TYPES)[number];

export interface StoredDataResource {
  Type: BasicDataResourceType;
  Values: string[];
}

/** A validated selector with every member present, as GetEventSelectors returns it. */
export interface StoredEventSelector {
  ReadWriteType: ReadWriteType;
  IncludeManagementEvents: boolean;
  DataResources: StoredDataResource[];
  ExcludeManagementEventSources: string[];
}
