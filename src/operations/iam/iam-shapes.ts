// Wire member shapes of the Query protocol: every value arrives as text, so numbers and booleans are read from it.
import { z } from 'zod';

export const queryInt = z.string().regex(/^-?\d+$/, 'Member must be an integer').transform(Number);
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const tagList = z.array(z.object({ Key: z.string(), Value: z.string() })).optional();

export const paging = { Marker: z.string().optional(), MaxItems: queryInt.optional() };
