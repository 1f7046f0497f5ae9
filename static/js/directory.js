// Type-ahead for a directory's name box (/can-bo/, /co-quan/): the list
// follows what is typed, a quarter of a second after the last key. The page
// itself is fetched with the form's parameters and its list swapped in, so
// the server's reading of the name (with or without diacritics) is the one
// shown. Without script the form submits as usual.
(function () {
  "use strict";
  var form = document.querySelector("form[data-typeahead]");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var timer = null;
  var last = input.value;

  function refresh() {
    if (input.value === last) {
      return;
    }
    last = input.value;
    var params = new URLSearchParams(new FormData(form));
    var url = window.location.pathname + "?" + params.toString();
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || input.value !== last) {
          return;  // an error, or a newer search is on its way
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-typeahead-results]");
        var shown = document.querySelector("[data-typeahead-results]");
        if (fresh && shown) {
          shown.replaceWith(document.importNode(fresh, true));
          window.history.replaceState(null, "", url);
        }
      })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  });
})();
