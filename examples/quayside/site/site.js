/* global Porthole */
// Quayside demo site: buttons that drive the Porthole help widget through its public JS API.
// Lives in its own file because the page is served with `Content-Security-Policy: default-src 'self'`,
// which forbids inline scripts and inline event handlers.
(function () {
  'use strict';

  // The documented pre-load stub: calls made before /porthole.js has loaded are queued in
  // Porthole.q and replayed by the widget once it arrives. If the widget is already here,
  // the real function is kept.
  window.Porthole =
    window.Porthole ||
    function () {
      (Porthole.q = Porthole.q || []).push(arguments);
    };

  // One delegated listener instead of one per button, so buttons added later work too.
  document.addEventListener('click', function (event) {
    var target =
      event.target instanceof Element
        ? event.target.closest('[data-porthole], [data-porthole-article], [data-porthole-search]')
        : null;
    if (!target) return;
    event.preventDefault();

    var article = target.getAttribute('data-porthole-article');
    var query = target.getAttribute('data-porthole-search');
    if (article) {
      window.Porthole('article', article);
    } else if (query) {
      window.Porthole('search', query);
    } else {
      window.Porthole(target.getAttribute('data-porthole') || 'open');
    }
  });
})();
