/**
 * The upload page: a form that posts the documents as multipart (POST /upload, no script needed),
 * and the state of one upload's jobs (`?batch=`). With the script (assets/app.js) the same form
 * sends through POST /api/uploads with a progress bar and the list follows each job by polling
 * GET /api/jobs/:id; the labels the script shows are carried by the list's data attributes.
 */
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey, Translator } from '../i18n.ts';
import { csrfField, mayUse, signInPrompt, type Viewer } from '../viewer.ts';

/** One job of an upload, with what the atlas found once it is done. */
export interface UploadJobView {
  readonly id: string;
  readonly source: string;
  readonly state: 'queued' | 'running' | 'done' | 'failed' | 'parked';
  readonly error: { readonly message: string } | null;
  readonly status: 'added' | 'unchanged' | null;
  readonly document: {
    readonly id: string;
    readonly instruments: number;
    readonly claims: number;
  } | null;
}

const STATE_LABEL: Readonly<Record<UploadJobView['state'], MessageKey>> = {
  queued: 'jobQueued',
  running: 'jobRunning',
  done: 'jobDone',
  failed: 'jobFailed',
  parked: 'jobParked',
};

/** The labels the script needs, as data attributes of the job list (no text in the script). */
const SCRIPT_LABELS: readonly MessageKey[] = [
  'jobQueued',
  'jobRunning',
  'jobDone',
  'jobFailed',
  'jobParked',
  'jobUnchanged',
  'jobInstruments',
  'jobClaims',
  'openDocument',
  'readyForReview',
  'uploadSending',
  'uploadSent',
  'uploadRefused',
];

const dataName = (key: string) => `data-t-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** What a finished job found, with the links to its document and to its facts in the review queue. */
function found(job: UploadJobView, tr: Translator): SafeHtml | string {
  if (job.document === null) return '';
  const { id, instruments, claims } = job.document;
  return html` — ${job.status === 'unchanged' ? `${tr.t('jobUnchanged')} — ` : ''}<span class="job-counts"
      >${tr.t('jobInstruments')}${tr.colon}${instruments}, ${tr.t('jobClaims')}${tr.colon}${claims}</span
    >
    · <a href="/documents/${encodeURIComponent(id)}">${tr.t('openDocument')}</a> ·
    <a class="ready-for-review" href="/review?document=${encodeURIComponent(id)}"
      >${tr.t('readyForReview')}</a
    >`;
}

function jobItem(job: UploadJobView, tr: Translator): SafeHtml {
  return html`<li class="upload-job" data-job="${job.id}" data-state="${job.state}">
    <strong translate="no">${job.source}</strong>${tr.colon}<span class="job-state"
      >${tr.t(STATE_LABEL[job.state])}</span
    ><span class="job-detail"
      >${
        job.error === null ? found(job, tr) : html` — <span class="form-error">${job.error.message}</span>`
      }</span
    >
  </li>`;
}

export function uploadPage(
  input: { viewer: Viewer | null; batch: string | null; jobs: readonly UploadJobView[] },
  tr: Translator,
): SafeHtml {
  const { viewer, batch, jobs } = input;
  const title = html`<h1>${tr.t('uploadTitle')}</h1>`;
  if (viewer === null) return html`${title}${signInPrompt(tr, '/upload')}`;
  if (!mayUse(viewer, 'contributor')) {
    return html`${title}
      <p class="muted">${tr.t('uploadNeedsContributor')}</p>`;
  }
  const labels = [
    ...SCRIPT_LABELS.map((key) => html` ${dataName(key)}="${tr.t(key)}"`),
    html` data-t-colon="${tr.colon}"`,
  ];
  const pending = jobs.some((job) => job.state === 'queued' || job.state === 'running');
  return html`${title}
    <p>${tr.t('uploadHelp')}</p>
    <form class="upload-form" action="/upload" method="post" enctype="multipart/form-data" data-upload>
      ${csrfField(viewer)}
      <label for="up-files">${tr.t('uploadFiles')}</label>
      <input
        id="up-files"
        name="files"
        type="file"
        multiple
        required
        accept=".txt,.md,.html,.htm,.pdf,.docx"
      />
      <button type="submit">${tr.t('uploadButton')}</button>
      <progress class="upload-progress" max="100" value="0" hidden></progress>
      <p class="upload-message" role="status" aria-live="polite"></p>
    </form>
    <section aria-labelledby="up-jobs">
      <h2 id="up-jobs">${tr.t('uploadBatch')}</h2>
      ${batch !== null && jobs.length === 0 ? html`<p class="muted">${tr.t('uploadNoJobs')}</p>` : ''}
      <ul class="upload-jobs" ${labels}>
        ${jobs.map((job) => jobItem(job, tr))}
      </ul>
      ${
        pending && batch !== null
          ? html`<p class="upload-refresh">
              <a href="/upload?batch=${encodeURIComponent(batch)}">${tr.t('uploadRefresh')}</a>
            </p>`
          : ''
      }
    </section>`;
}
