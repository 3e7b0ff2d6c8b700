/**
 * Records' geography as lead files hold it → the reconciled view.
 * Rows: [input, expected { country, state, postalCode, phone }, issue codes expected (in any order)].
 */
import type { IssueCode } from '../../core/codes.js';
import type { GeoInput } from './reconcile.js';

export interface GeoExpectation {
  readonly country: string | null;
  readonly state?: string | null;
  readonly postalCode?: string | null;
  readonly phone?: string | null;
}

export type GeoCase = readonly [input: GeoInput, expected: GeoExpectation, issues: readonly IssueCode[]];

export const geoCases: readonly GeoCase[] = [
  [{ country: 'USA', state: 'Calif.', postalCode: '94105', phone: '(415) 555-2671' }, { country: 'US', state: 'CA', postalCode: '94105', phone: '+14155552671' }, []],
  [{ country: 'Germany', phone: '+1 415 555 2671', postalCode: '94105-1234' }, { country: 'DE', postalCode: null, phone: '+14155552671' }, ['geo.conflict', 'geo.conflict']],
  [{ state: 'Calif.', phone: '(415) 555-2671' }, { country: 'US', state: 'CA', phone: '+14155552671' }, ['geo.filled']],
  [{ phone: '+44 20 7946 0958', postalCode: 'sw1a1aa' }, { country: 'GB', postalCode: 'SW1A 1AA', phone: '+442079460958' }, ['geo.filled']],
  [{ postalCode: 'K1A 0B1' }, { country: 'CA', state: 'ON', postalCode: 'K1A 0B1' }, ['geo.filled', 'geo.filled']],
  [{ country: 'United States', postalCode: '2139' }, { country: 'US', state: 'MA', postalCode: '02139' }, ['geo.filled']],
  [{ country: 'US', state: 'NY', postalCode: '94105' }, { country: 'US', state: 'NY', postalCode: '94105' }, ['geo.conflict']],
  [{ country: 'California', phone: '415 555 2671' }, { country: 'US', state: 'CA', phone: '+14155552671' }, ['country.unknown', 'geo.filled', 'geo.filled']],
  [{ country: 'Korea', phone: '+82 2 312 3456' }, { country: 'KR', phone: '+8223123456' }, ['country.ambiguous', 'geo.filled']],
  [{ country: 'Congo', phone: '+1 415 555 2671' }, { country: null }, ['country.ambiguous']],
  [{ country: 'Canada', state: 'CA' }, { country: 'CA', state: null }, ['geo.conflict']],
  [{ country: 'DE', state: 'Bayern', postalCode: '80331', phone: '089 1234567' }, { country: 'DE', state: 'BY', postalCode: '80331', phone: '+49891234567' }, []],
  [{ country: 'Deutschland', state: 'NRW', postalCode: 'D-40213' }, { country: 'DE', state: 'NW', postalCode: '40213' }, []],
  [{ country: 'UK', postalCode: 'JE2 3AB', phone: '+44 1534 123456' }, { country: 'GB', postalCode: 'JE2 3AB' }, []],
  [{ country: 'US', phone: '+1 787 555 0123', postalCode: '00901' }, { country: 'US', state: 'PR', postalCode: '00901' }, ['geo.filled']],
  [{ phone: '0049 89 1234567', postalCode: '80331' }, { country: 'DE', postalCode: '80331', phone: '+49891234567' }, ['geo.filled']],
  [{ phone: '(415) 555-2671' }, { country: null, phone: null }, []],
  [{ state: 'NSW', postalCode: '2000' }, { country: 'AU', state: 'NSW', postalCode: '2000' }, ['geo.filled']],
  [{ state: 'ON', phone: '+1 416 555 0123' }, { country: 'CA', state: 'ON' }, ['geo.filled']],
  [{ state: 'TX', phone: '+44 20 7946 0958' }, { country: 'GB', state: null }, ['geo.filled', 'geo.conflict']],
  [{ country: 'Narnia', state: 'CA', phone: '+1 415 555 2671' }, { country: null, state: 'CA' }, ['country.unknown']],
  [{ country: 'EMEA', postalCode: '1012 AB' }, { country: null }, ['country.not_a_country']],
  [{ country: 'Scotland', postalCode: 'EH1 1YZ' }, { country: 'GB', postalCode: 'EH1 1YZ' }, ['country.constituent']],
  [{ country: 'France', postalCode: '75008', state: 'Île-de-France' }, { country: 'FR', state: 'IDF', postalCode: '75008' }, []],
  [{ country: 'IN', state: 'Orissa', phone: '+91 98765 43210' }, { country: 'IN', state: 'OD', phone: '+919876543210' }, []],
  [{}, { country: null, state: null, postalCode: null, phone: null }, []],
  [{ country: 'NA', phone: '+264 61 123 4567' }, { country: 'NA' }, ['country.not_a_country', 'geo.filled']],
  [{ country: 'N/A', phone: '+1 415 555 2671' }, { country: null }, ['country.not_a_country']],
  // State codes typed into the country column (GEO.md §6.5 collisions).
  [{ country: 'CA', postalCode: '94105', phone: '+1 415 555 2671' }, { country: 'US', state: 'CA', postalCode: '94105' }, ['geo.country_was_state']],
  [{ country: 'IN', postalCode: '46204' }, { country: 'US', state: 'IN', postalCode: '46204' }, ['geo.country_was_state']],
  [{ country: 'PA', phone: '+1 215 555 0134', mobilePhone: '+1 267 555 0188' }, { country: 'US', state: 'PA' }, ['geo.country_was_state']],
  [{ country: 'CA', phone: '+1 415 555 2671' }, { country: 'CA', state: null }, ['geo.conflict']],
  [{ country: 'CA', phone: '+1 416 555 0123', postalCode: 'M5V 2T6' }, { country: 'CA', state: 'ON', postalCode: 'M5V 2T6' }, ['geo.filled']],
  [{ country: 'DE', postalCode: '94105-1234', state: 'Bayern' }, { country: 'DE', state: 'BY' }, ['geo.conflict']],
  [{ country: 'SA', postalCode: '5000' }, { country: 'AU', state: 'SA', postalCode: '5000' }, ['geo.country_was_state']],
  [{ country: 'SA', postalCode: '11564' }, { country: 'SA', postalCode: '11564' }, []],
];
