// Wire input members of the event data store and channel operations (spec §4.8, §4.10). Types only: constraints
// are the services' to check, so that a bad value gets its modelled exception.
import { z } from 'zod';
import { advancedEventSelectorSchema } from '../../domain/selectors/advanced-event-selector.js';
import { tagShape } from './trail-shapes.js';

export const eventDataStoreInput = z.object({ EventDataStore: z.string() });
export const channelInput = z.object({ Channel: z.string() });

export const eventDataStoreSettingsShape = {
  AdvancedEventSelectors: z.array(advancedEventSelectorSchema).optional(),
  MultiRegionEnabled: z.boolean().optional(),
  OrganizationEnabled: z.boolean().optional(),
  RetentionPeriod: z.number().int().optional(),
  TerminationProtectionEnabled: z.boolean().optional(),
  KmsKeyId: z.string().optional(),
  BillingMode: z.string().optional(),
};

export const destinationShape = z.object({ Type: z.string(), Location: z.string() });
export const tagsShape = z.array(tagShape).optional();

export const listInput = z.object({ NextToken: z.string().optional(), MaxResults: z.number().int().optional() });
