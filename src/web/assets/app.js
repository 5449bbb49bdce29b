/* global window, document */
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
