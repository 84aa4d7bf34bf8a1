// reviews/ppp_reviews.csv — reviews of policies, procedures and practices (DATA-CONTRACT.md 4).
// Several rows per district and indicator are allowed (noncompliant when any row says Y): no key.
import type { FileKind } from '../schema.js';

export const pppReviews: FileKind = {
  id: 'ppp_reviews',
  path: 'reviews/ppp_reviews.csv',
  casemis: false,
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'indicator', type: 'code', req: 'R', codes: 'PPP_INDICATOR' },
    { name: 'review_year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    { name: 'noncompliant', type: 'yesno', req: 'R' },
    { name: 'item_no', type: 'text', req: 'O' },
    { name: 'findings', type: 'integer', req: 'O', min: 0 },
  ],
};
