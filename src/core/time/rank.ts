import type { Recurrence } from '../schemas';

/** When a phrase names several recurrences, the most frequent wins: "Hàng tháng, quý" is monthly. */
export const RECURRENCE_RANK: readonly Recurrence[] = ['continuous', 'monthly', 'quarterly', 'semiannual', 'annual', 'once'];

export function betterRecurrence(a: Recurrence | null, b: Recurrence): Recurrence {
  return a === null || RECURRENCE_RANK.indexOf(b) < RECURRENCE_RANK.indexOf(a) ? b : a;
}
