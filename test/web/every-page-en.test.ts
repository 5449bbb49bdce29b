/**
 * Every page in English on a phone screen in Chromium (the checks are described in every-page.ts).
 * The French walk: every-page-fr.test.ts.
 */
import { everyPageTests } from './every-page.ts';

everyPageTests('en', { screenshots: true });
