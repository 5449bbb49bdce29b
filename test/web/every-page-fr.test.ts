/**
 * Every page in French on a phone screen in Chromium (the checks are described in every-page.ts).
 * The English walk and the screenshots: every-page-en.test.ts.
 */
import { everyPageTests } from './every-page.ts';

everyPageTests('fr', { screenshots: false });
