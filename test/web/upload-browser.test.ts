/**
 * Uploads from the browser, against the real server (its own worker loop) on a real database file:
 * an anonymous visitor is shown the way to sign in; a contributor signs in, uploads a small text
 * document in Chromium (playwright-core) and sees the progress bar fill, the job reach "done", what
 * was found and the link to its facts in the review queue; an oversize file and an .exe file show
 * the API's clear refusal. Without script, the form's plain multipart post (session cookie and the
 * CSRF field) queues the documents and redirects to the upload's status page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { TEST_PASSWORD, addTestUser, sessionFor } from '../support/accounts.ts';

const MAX_FILE_BYTES = 4096;
const MEMO = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.',
].join('\n');

let atlas: TestAtlas & { dir: string };
let browser: Browser;
let page: Page;

before(
  async () => {
    atlas = await startTestAtlas({ ingestCorpus: false, uploadLimits: { maxFileBytes: MAX_FILE_BYTES } });
    browser = await openBrowser();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
    ).newPage();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await atlas?.close();
});

void test('a contributor uploads a document with progress, sees what was found and the way to review it', async () => {
  await page.goto(`${atlas.url}/upload?lang=en`);
  assert.equal(await page.locator('form[data-upload]').count(), 0, 'no form for an anonymous visitor');
  await Promise.all([page.waitForURL(/\/sign-in/), page.click('main a[href^="/sign-in?next=%2Fupload"]')]);
  const contributor = await addTestUser(atlas.served.store, 'contributor', {
    name: 'Chloé Contributor',
    password: true,
  });
  await page.fill('#si-email', contributor.email);
  await page.fill('#si-password', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/upload$/), page.click('form.sign-in button[type=submit]')]);
  assert.equal(await page.locator('nav a[href="/upload"]').innerText(), 'Upload', 'in the navigation');
  assert.equal(await page.locator('h1').innerText(), 'Upload documents');

  await page.setInputFiles('#up-files', {
    name: 'memo.en.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(MEMO),
  });
  await page.click('form[data-upload] button[type=submit]');
  const job = page.locator('li.upload-job[data-state=done]');
  await job.waitFor({ timeout: 30_000 });
  assert.equal(
    await page.locator('.upload-progress').evaluate((el) => (el as HTMLProgressElement).value),
    100,
  );
  assert.match(await job.locator('.job-state').innerText(), /^done$/);
  await job.locator('.job-counts').waitFor();
  const counts = await job.locator('.job-counts').innerText();
  const [instruments, facts] = (/^instruments found: (\d+), facts found: (\d+)$/.exec(counts) ?? [])
    .slice(1)
    .map(Number);
  assert.ok(instruments !== undefined && instruments >= 1, `an instrument is found: ${counts}`);
  assert.ok(facts !== undefined && facts >= 1, `facts are found: ${counts}`);

  const documentId = (await atlas.served.store.jobs.list({ limit: 10, offset: 0 })).items[0]?.documentId;
  assert.ok(documentId);
  const review = job.locator('a.ready-for-review');
  assert.equal(await review.innerText(), 'Ready for review');
  assert.equal(await review.getAttribute('href'), `/review?document=${encodeURIComponent(documentId)}`);
  const stored = await atlas.served.store.getDocument(documentId);
  assert.equal(stored.instruments.length, instruments, 'the counts are the stored document’s');
});

void test('an oversize file and an .exe file are refused with the API’s clear message', async () => {
  await page.goto(`${atlas.url}/upload?lang=en`);
  await page.setInputFiles('#up-files', {
    name: 'long.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('x'.repeat(MAX_FILE_BYTES + 10)),
  });
  await page.click('form[data-upload] button[type=submit]');
  const message = page.locator('.upload-message.form-error');
  await message.waitFor();
  assert.match(await message.innerText(), /^Upload refused: long\.txt: .* over the limit of 4096 bytes/);

  await page.setInputFiles('#up-files', {
    name: 'setup.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ not a document'),
  });
  await page.click('form[data-upload] button[type=submit]');
  await page.locator('.upload-message.form-error', { hasText: 'setup.exe' }).waitFor();
  assert.match(await message.innerText(), /setup\.exe: unknown format .*supported: \.txt/);
  assert.equal(await page.locator('li.upload-job').count(), 0, 'nothing was queued');
});

void test('without script: the form posts the files, redirects to the status page, which shows the result', async () => {
  const session = await sessionFor(atlas.served.store, atlas.url, 'contributor');
  const form = (csrf: string | null, name: string, content: string) => {
    const data = new FormData();
    if (csrf !== null) data.append('_csrf', csrf);
    data.append('files', new Blob([content], { type: 'text/plain' }), name);
    return data;
  };
  const post = (body: FormData) =>
    fetch(`${atlas.url}/upload`, {
      method: 'POST',
      headers: { cookie: session.cookie },
      body,
      redirect: 'manual',
    });

  const anonymous = await fetch(`${atlas.url}/upload`, {
    method: 'POST',
    body: form(null, 'memo.txt', MEMO),
    redirect: 'manual',
  });
  assert.equal(anonymous.status, 401, 'no account, no upload');
  const forged = await post(form(null, 'memo.txt', `${MEMO}\nForged.`));
  assert.equal(forged.status, 403, 'no CSRF field, no upload');

  const refused = await post(form(session.csrf, 'tool.exe', 'MZ'));
  assert.equal(refused.status, 415);
  assert.match(await refused.text(), /tool\.exe: unknown format/);

  const response = await post(form(session.csrf, 'memo2.en.txt', `${MEMO}\nA second copy.`));
  assert.equal(response.status, 303);
  const location = response.headers.get('location') ?? '';
  assert.match(location, /^\/upload\?batch=batch_\w+$/);

  let body = '';
  for (let i = 0; i < 60 && !body.includes('class="ready-for-review"'); i++) {
    const status = await fetch(`${atlas.url}${location}&lang=fr`, { headers: { cookie: session.cookie } });
    assert.equal(status.status, 200);
    body = await status.text();
    if (!body.includes('class="ready-for-review"')) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.match(body, /<h1>Téléverser des documents<\/h1>/);
  assert.match(body, /memo2\.en\.txt/);
  assert.match(body, /terminé/);
  assert.match(body, /instruments trouvés\s*:\s*\d+, faits trouvés\s*:\s*\d+/);
  assert.match(body, /href="\/review\?document=[^"]+"\s*>Prêt pour la révision/);
});
