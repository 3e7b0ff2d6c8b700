import { normalizeCountryFull } from '../country/full.js';
import { normalizePhone } from '../phone/index.js';
import { normalizePostalCode } from '../postal/index.js';
import { normalizeState } from '../state/index.js';
import collisions from '../../../dictionaries/state-country-collisions.json' with { type: 'json' };
import { createGeoReconciler } from './reconcile.js';

export {
  createGeoReconciler,
  type CountrySource,
  type GeoInput,
  type GeoDictionaries,
  type GeoOptions,
  type GeoResult,
  type GeoUnits,
} from './reconcile.js';

/**
 * Reconciles a record's country, state, postal code and phones with the built-in units:
 * country field > international phone > unambiguous state > distinctive postal code.
 * Missing values are filled (`geo.filled`, info); disagreements are reported (`geo.conflict`,
 * warning) and never overwritten.
 *
 * @example
 * reconcileGeo({ state: 'Calif.', phone: '(415) 555-2671' }).country //=> 'US'
 * reconcileGeo({ country: 'Germany', phone: '+1 415 555 2671', postalCode: '94105-1234' })
 *   .issues.filter((i) => i.code === 'geo.conflict').length //=> 2
 */
export const reconcileGeo = createGeoReconciler({ normalizeCountry: normalizeCountryFull, normalizeState, normalizePostalCode, normalizePhone }, collisions);
