// partc/referrals.csv — one row per child referred by Part C to Part B (DATA-CONTRACT.md 4, Indicator 12).
// REFR_DATE ≥ BIRTHDATE: sql/rules/partc_referrals.sql.
import type { FileKind } from '../schema.js';

const NAME = "^[\\p{L} .'-]+$";

export const partcReferrals: FileKind = {
  id: 'partc_referrals',
  path: 'partc/referrals.csv',
  casemis: false,
  key: ['referral_id'],
  fields: [
    { name: 'referral_id', type: 'text', req: 'R' },
    { name: 'LAST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME },
    { name: 'FIRST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME },
    { name: 'BIRTHDATE', type: 'date', req: 'R', pii: true },
    { name: 'GENDER', type: 'code', req: 'R', codes: 'GENDER' },
    { name: 'REFR_DATE', type: 'date', req: 'R' },
    { name: 'PARTC_ENTRY', type: 'date', req: 'O' },
    // Else taken from the linked Table A record.
    { name: 'DIST_RESI', type: 'text', req: 'O', pattern: '^[0-9]{7}$' },
    { name: 'regional_center', type: 'text', req: 'O' },
  ],
};
