import { z } from 'zod';
import { TIME_RANGES } from './time-range';

/** A chart's time range, as procedures take it. */
export const TimeRangeInput = z.enum(TIME_RANGES);
