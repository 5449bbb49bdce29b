/* global window, document, XMLHttpRequest, FormData */
// Highlights the span named in the URL hash (#span-START-END) on the document page and scrolls it
// into view; every fact and passage carries its offsets in data-s / data-e attributes.
(function () {
  'use strict';
  function highlight() {
    var match = /^#span-(\d+)-(\d+)$/.exec(window.location.hash);
    var previous = document.querySelectorAll('.doc-text .target');
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove('target');
    if (!match) return;
    var start = Number(match[1]);
    var end = Number(match[2]);
    var nodes = document.querySelectorAll('.doc-text [data-s]');
    var first = null;
    for (var j = 0; j < nodes.length; j++) {
      var s = Number(nodes[j].getAttribute('data-s'));
      var e = Number(nodes[j].getAttribute('data-e'));
      if (s >= start && e <= end && e > s) {
        nodes[j].classList.add('target');
        if (first === null) first = nodes[j];
      }
    }
    var anchor = document.getElementById('span-' + start + '-' + end);
    var target = first || anchor;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: true });
      }
    }
  }
  window.addEventListener('hashchange', highlight);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', highlight);
  else highlight();
})();

// Sortable tables: each column header of a `table.sortable` becomes a button that sorts the rows
// (numbers by value, text by the reader's alphabet) and says so through aria-sort.
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  // A cell may give its sort key (`data-sort`: an ISO date written "11 décembre 2016" on screen).
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return key !== null ? key : cell.textContent.trim();
  }
  function asNumber(text) {
    var compact = text.replace(/[\s\u00a0\u202f]/g, '');
    if (!/^-?[\d.,]+$/.test(compact)) return null;
    var normal = lang === 'fr' ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
    var value = Number(normal);
    return isNaN(value) ? null : value;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index);
      var y = cellValue(b, index);
      var nx = asNumber(x);
      var ny = asNumber(y);
      var order = nx !== null && ny !== null ? nx - ny : collator.compare(x, y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    var headers = table.querySelectorAll('thead th');
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute('aria-sort');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  function setUp() {
    var tables = document.querySelectorAll('table.sortable');
    for (var t = 0; t < tables.length; t++) {
      var headers = tables[t].querySelectorAll('thead th');
      for (var h = 0; h < headers.length; h++) {
        (function (table, header, index) {
          var text = header.textContent.trim();
          if (text === '') return;
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'sort-button';
          button.textContent = text;
          header.textContent = '';
          header.appendChild(button);
          button.addEventListener('click', function () {
            sortBy(table, index, header);
          });
        })(tables[t], headers[h], h);
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();

// Printing: a `[data-print]` button prints the page (shown only where scripts run); the briefing
// pack opened from the country page's print link (`?print=1`) opens the print dialog at once.
(function () {
  'use strict';
  function setUp() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
    if (document.querySelector('.brief') && /[?&]print=1\b/.test(window.location.search)) window.print();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();

// Uploads (the page /upload): with a script the form is sent through POST /api/uploads with a
// progress bar (the session's CSRF token in X-CSRF-Token), then each job is followed through
// GET /api/jobs/:id until it is done or refused; a done job shows what the document API says it
// found and the links to the document and to its facts in the review queue. The labels come from
// the list's data-t-* attributes, so the page's language is the script's.
(function () {
  'use strict';
  var FINISHED = { done: true, failed: true, parked: true };
  function label(list, key) {
    return list.getAttribute('data-t-' + key) || key;
  }
  function stateKey(state) {
    return 'job-' + state;
  }
  function link(href, text, className) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }
  function item(list, job) {
    var li = list.querySelector('li[data-job="' + job.id + '"]');
    if (li) return li;
    li = document.createElement('li');
    li.className = 'upload-job';
    li.setAttribute('data-job', job.id);
    var name = document.createElement('strong');
    name.setAttribute('translate', 'no');
    name.textContent = job.source;
    var state = document.createElement('span');
    state.className = 'job-state';
    var detail = document.createElement('span');
    detail.className = 'job-detail';
    li.appendChild(name);
    li.appendChild(document.createTextNode(label(list, 'colon')));
    li.appendChild(state);
    li.appendChild(detail);
    list.appendChild(li);
    return li;
  }
  function showFound(list, detail, job) {
    var request = new XMLHttpRequest();
    request.open('GET', '/api/documents/' + encodeURIComponent(job.documentId));
    request.responseType = 'json';
    request.onload = function () {
      var colon = label(list, 'colon');
      detail.textContent = ' — ';
      if (job.status === 'unchanged') {
        detail.appendChild(document.createTextNode(label(list, 'job-unchanged') + ' — '));
      }
      var doc = request.status === 200 ? request.response : null;
      if (doc) {
        var counts = document.createElement('span');
        counts.className = 'job-counts';
        counts.textContent =
          label(list, 'job-instruments') +
          colon +
          doc.instruments.length +
          ', ' +
          label(list, 'job-claims') +
          colon +
          doc.facts.length;
        detail.appendChild(counts);
        detail.appendChild(document.createTextNode(' · '));
      }
      var id = encodeURIComponent(job.documentId);
      detail.appendChild(link('/documents/' + id, label(list, 'open-document')));
      detail.appendChild(document.createTextNode(' · '));
      detail.appendChild(link('/review?document=' + id, label(list, 'ready-for-review'), 'ready-for-review'));
    };
    request.send();
  }
  function show(list, job) {
    var li = item(list, job);
    li.setAttribute('data-state', job.state);
    li.querySelector('.job-state').textContent = label(list, stateKey(job.state));
    var detail = li.querySelector('.job-detail');
    if (job.error) {
      detail.textContent = ' — ';
      var error = document.createElement('span');
      error.className = 'form-error';
      error.textContent = job.error.message;
      detail.appendChild(error);
    } else if (job.state === 'done' && job.documentId) {
      showFound(list, detail, job);
    }
  }
  function follow(list, id) {
    var request = new XMLHttpRequest();
    request.open('GET', '/api/jobs/' + encodeURIComponent(id));
    request.responseType = 'json';
    request.onload = function () {
      var job = request.status === 200 ? request.response : null;
      if (job === null) return;
      show(list, job);
      if (!FINISHED[job.state]) window.setTimeout(follow, 500, list, id);
    };
    request.send();
  }
  function setUp() {
    var form = document.querySelector('form[data-upload]');
    var list = document.querySelector('.upload-jobs');
    if (!form || !list) return;
    var refresh = document.querySelector('.upload-refresh');
    if (refresh) refresh.hidden = true;
    // Jobs already on the page (the status page after a form post) are followed too.
    var shown = list.querySelectorAll('li[data-job]');
    for (var i = 0; i < shown.length; i++) {
      if (!FINISHED[shown[i].getAttribute('data-state')]) follow(list, shown[i].getAttribute('data-job'));
    }
    var progress = form.querySelector('.upload-progress');
    var message = form.querySelector('.upload-message');
    var button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var csrf = form.querySelector('input[name=_csrf]');
      var request = new XMLHttpRequest();
      request.open('POST', '/api/uploads');
      request.responseType = 'json';
      if (csrf) request.setRequestHeader('X-CSRF-Token', csrf.value);
      progress.hidden = false;
      progress.value = 0;
      message.className = 'upload-message';
      message.textContent = label(list, 'upload-sending');
      button.disabled = true;
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) progress.value = Math.round((100 * e.loaded) / e.total);
      });
      request.onload = function () {
        button.disabled = false;
        var body = request.response;
        if (request.status === 202 && body && body.jobs) {
          progress.value = 100;
          message.textContent = label(list, 'upload-sent');
          list.textContent = '';
          for (var j = 0; j < body.jobs.length; j++) {
            show(list, body.jobs[j]);
            follow(list, body.jobs[j].id);
          }
          form.reset();
          return;
        }
        progress.hidden = true;
        message.className = 'upload-message form-error';
        message.textContent =
          label(list, 'upload-refused') +
          ' ' +
          (body && body.error ? body.error.message : String(request.status));
      };
      request.onerror = function () {
        button.disabled = false;
        progress.hidden = true;
        message.className = 'upload-message form-error';
        message.textContent = label(list, 'upload-refused');
      };
      request.send(data);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
