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
