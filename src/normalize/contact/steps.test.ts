import { describe, expect, test } from 'vitest';
import type { LeadRecord } from '../../core/fields.js';
import type { StepContext } from '../../engine/step.js';
import { contactSteps } from './index.js';

const ctx = (field: string, rec: Partial<LeadRecord>): StepContext => ({
  field,
  issues: [],
  record: { sourceRow: 1, extra: {}, campaigns: [], ...rec } as LeadRecord,
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const opts = (name: keyof typeof contactSteps): any => contactSteps[name].options.parse({});

describe('contact record steps', () => {
  test('email: correction returns the new value and an info issue with the original', () => {
    const out = contactSteps.email.run('Jane@Gmial.com', opts('email'), ctx('email', {}));
    expect(out.value).toBe('jane@gmail.com');
    expect(out.issues?.some((i) => i.code === 'email.domain_corrected' && i.severity === 'info')).toBe(true);
    expect(contactSteps.email.run('not an email', opts('email'), ctx('email', {})).value).toBeUndefined();
  });
  test('personName on fullName fills empty parts only', () => {
    const out = contactSteps.personName.run('SMITH, JOHN, PHD', opts('personName'), ctx('fullName', { lastName: 'Smith-Jones' }));
    expect(out.value).toBe('John Smith');
    expect(out.set).toEqual({ firstName: 'John', credentials: 'PhD' });
  });
  test('firstName: full name in the first-name column is split when the last name is empty', () => {
    const out = contactSteps.firstName.run('Dr. Anne-Marie de la Cruz', opts('firstName'), ctx('firstName', {}));
    expect(out.value).toBe('Anne-Marie');
    expect(out.set).toMatchObject({ salutation: 'Dr.', lastName: 'de la Cruz' });
  });
  test('firstName: salutation moved out, mixed case kept', () => {
    const out = contactSteps.firstName.run('Mr. John', opts('firstName'), ctx('firstName', { lastName: 'Smith' }));
    expect(out.value).toBe('John');
    expect(out.set).toEqual({ salutation: 'Mr.' });
    expect(contactSteps.firstName.run('DeShawn', opts('firstName'), ctx('firstName', { lastName: 'Smith' })).value).toBeUndefined();
  });
  test('lastName: suffix and credentials moved out; recased; swap warning', () => {
    const out = contactSteps.lastName.run('SMITH JR., MBA', opts('lastName'), ctx('lastName', { firstName: 'John' }));
    expect(out.value).toBe('Smith');
    expect(out.set).toEqual({ suffix: 'Jr.', credentials: 'MBA' });
    const warn = contactSteps.lastName.options.parse({ warnSwapped: true });
    const sw = contactSteps.lastName.run('Robert', warn, ctx('lastName', { firstName: 'Kowalczyk' }));
    expect(sw.issues?.map((i) => i.code)).toContain('name.possibly_swapped');
    expect(contactSteps.lastName.run('Robert', opts('lastName'), ctx('lastName', { firstName: 'Kowalczyk' })).issues?.map((i) => i.code)).not.toContain('name.possibly_swapped');
  });
  test('companyName and website', () => {
    expect(contactSteps.companyName.run('ACME GMBH', opts('companyName'), ctx('company', {})).value).toBe('Acme GmbH');
    expect(contactSteps.companyName.run('Acme GmbH', contactSteps.companyName.options.parse({ stripLegalForm: true }), ctx('company', {})).value).toBe('Acme');
    expect(contactSteps.website.run('WWW.Acme.com/', opts('website'), ctx('website', {})).value).toBe('https://www.acme.com');
  });
  test('salutation spelled one way; unknown left alone', () => {
    expect(contactSteps.salutation.run('mr', opts('salutation'), ctx('salutation', {})).value).toBe('Mr.');
    expect(contactSteps.salutation.run('PROF DR', opts('salutation'), ctx('salutation', {})).value).toBe('Prof. Dr.');
    expect(contactSteps.salutation.run('Mr.', opts('salutation'), ctx('salutation', {})).value).toBeUndefined();
    expect(contactSteps.salutation.run('Your Majesty', opts('salutation'), ctx('salutation', {})).value).toBeUndefined();
  });
  test('nameCase recases only ALL CAPS / all lower', () => {
    expect(contactSteps.nameCase.run('JEAN-PAUL', opts('nameCase'), ctx('middleName', {})).value).toBe('Jean-Paul');
    expect(contactSteps.nameCase.run('DeWitt', opts('nameCase'), ctx('middleName', {})).value).toBeUndefined();
  });
  test('options are validated strictly', () => {
    expect(() => contactSteps.email.options.parse({ nope: 1 })).toThrow();
  });
});
