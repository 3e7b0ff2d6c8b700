/** The contact and company units and their record steps, in one place for the root entry. */
import { companySteps } from '../company/step.js';
import { emailSteps } from '../email/step.js';
import { personNameSteps } from '../person-name/step.js';
import { websiteSteps } from '../website/step.js';

export * from '../company/index.js';
export * from '../email/index.js';
export * from '../person-name/index.js';
export * from '../website/index.js';

/** Record steps for email, names, company and website, by the name packs use. */
export const contactSteps = { ...emailSteps, ...personNameSteps, ...companySteps, ...websiteSteps } as const;
