import { z } from 'zod';

export const leadParams = z.object({
  leadId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
