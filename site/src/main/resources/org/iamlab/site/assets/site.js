// The course site's behaviour: theme switch, lesson menu on small screens, search, exam-practice checks.
(function () {
  'use strict';
  var root = document.documentElement;

  // Theme: a button that says what it does, remembered when the browser allows it.
  var themeButton = document.querySelector('button.theme');
  function showTheme() {
    var dark = root.getAttribute('data-theme') === 'dark';
    themeButton.setAttribute('aria-pressed', dark ? 'true' : 'false');
    themeButton.textContent = dark ? 'Light theme' : 'Dark theme';
  }
  themeButton.addEventListener('click', function () {
    var dark = root.getAttribute('data-theme') !== 'dark';
    root.setAttribute('data-theme', dark ? 'dark' : 'light');
    root.setAttribute('data-jp-theme-light', dark ? 'false' : 'true');
    try { localStorage.setItem('iamlab-theme', dark ? 'dark' : 'light'); } catch (e) { /* not remembered */ }
    showTheme();
  });
  showTheme();

  // The lesson list opens as a menu on narrow screens.
  var menu = document.querySelector('button.menu');
  var nav = document.getElementById('nav');
  menu.addEventListener('click', function () {
    var open = !nav.classList.contains('open');
    nav.classList.toggle('open', open);
    menu.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) { nav.querySelector('a').focus(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && nav.classList.contains('open')) {
      nav.classList.remove('open');
      menu.setAttribute('aria-expanded', 'false');
      menu.focus();
    }
  });

  // Search over the prebuilt index (assets/search-index.js): every word of the query must occur, as a word or
  // the start of one; a hit in a title counts more than one in the text.
  var index = window.IAMLAB_SEARCH || [];
  var input = document.getElementById('search');
  var results = document.getElementById('search-results');
  function words(text) { return text.toLowerCase().split(/[^\p{L}\p{N}:*_-]+/u).filter(Boolean); }
  function count(haystack, word) {
    var n = 0, at = -1;
    while ((at = haystack.indexOf(word, at + 1)) >= 0) {
      if (at === 0 || /[^\p{L}\p{N}]/u.test(haystack.charAt(at - 1))) { n++; }
    }
    return n;
  }
  function search(query) {
    var terms = words(query);
    if (!terms.length) { return []; }
    var hits = [];
    index.forEach(function (e) {
      var title = (e.p + ' ' + e.t).toLowerCase(), text = e.x.toLowerCase(), score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = count(title, terms[i]), inText = count(text, terms[i]);
        if (!inTitle && !inText) { return; }
        score += 5 * inTitle + inText;
      }
      hits.push({ entry: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 12);
  }
  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    var start = Math.max(0, at - 60);
    return (start > 0 ? '\u2026' : '') + text.substr(start, 160) + (start + 160 < text.length ? '\u2026' : '');
  }
  function show(query) {
    results.textContent = '';
    if (!query.trim()) { results.hidden = true; return; }
    var hits = search(query);
    var heading = document.createElement('p');
    heading.className = 'count';
    heading.textContent = hits.length ? hits.length + (hits.length === 1 ? ' result' : ' results') + ' for \u201c'
        + query + '\u201d' : 'Nothing found for \u201c' + query + '\u201d';
    results.appendChild(heading);
    var list = document.createElement('ol');
    hits.forEach(function (h) {
      var item = document.createElement('li'), link = document.createElement('a'), text = document.createElement('p');
      link.href = h.entry.u;
      link.textContent = h.entry.t === h.entry.p ? h.entry.p : h.entry.p + ' \u203a ' + h.entry.t;
      text.textContent = snippet(h.entry.x, words(query)[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    results.appendChild(list);
    results.hidden = false;
  }
  input.addEventListener('input', function () { show(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      var first = results.querySelector('a');
      if (first) { e.preventDefault(); first.click(); }
    } else if (e.key === 'Escape') {
      input.value = '';
      show('');
    }
  });

  // Exam practice: check the chosen options, say right or wrong and why for each, show the explanation. A
  // question is answered right when exactly its right options are chosen.
  document.querySelectorAll('form.question').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var inputs = Array.prototype.slice.call(form.querySelectorAll('input'));
      var chosen = inputs.filter(function (i) { return i.checked; });
      var verdict = form.querySelector('.verdict');
      var explanation = form.querySelector('.explanation');
      form.querySelectorAll('.option').forEach(function (o) { o.classList.remove('right', 'wrong'); });
      verdict.textContent = '';
      if (chosen.length === 0) {
        verdict.className = 'verdict';
        verdict.textContent = 'Choose an answer first.';
        return;
      }
      var right = inputs.every(function (i) { return i.checked === (i.getAttribute('data-correct') === 'true'); });
      verdict.className = 'verdict ' + (right ? 'right' : 'wrong');
      var head = document.createElement('p');
      head.className = 'verdict-head';
      head.textContent = right ? '\u2713 Right.' : '\u2715 Not right.';
      verdict.appendChild(head);
      chosen.forEach(function (i) {
        var ok = i.getAttribute('data-correct') === 'true';
        i.parentNode.classList.add(ok ? 'right' : 'wrong');
        var why = document.createElement('p');
        why.textContent = (ok ? '\u2713 ' : '\u2715 ') + i.value + ': ' + i.getAttribute('data-feedback');
        verdict.appendChild(why);
      });
      if (explanation) {
        explanation.hidden = false;
      }
    });
  });
})();
