// The site's behaviour: theme toggle, chapter drawer on phones, search, interactive charts and the
// "on this page" highlight. Plain script (no modules) so pages work when opened from file://.
(function () {
  'use strict';
  const root = document.documentElement;

  function currentTheme() {
    return root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }
  document.querySelector('.theme-toggle')?.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try { localStorage.setItem('pymemlab-theme', next); } catch { /* storage may be off for file:// */ }
  });

  const menuButton = document.querySelector('.menu-button');
  menuButton?.addEventListener('click', () => {
    const open = document.body.classList.toggle('menu-open');
    menuButton.setAttribute('aria-expanded', String(open));
  });
  document.querySelector('.content')?.addEventListener('click', () => document.body.classList.remove('menu-open'));

  // Search: the index is a script (assets/search-index.js) because file:// pages cannot fetch JSON.
  const input = document.getElementById('search-input');
  const results = document.getElementById('search-results');
  const documents = (window.PYMEMLAB_SEARCH || { documents: [] }).documents;
  let engine = null;
  function searchEngine() {
    if (!engine && window.MiniSearch) {
      engine = new window.MiniSearch({
        fields: ['title', 'text'],
        storeFields: ['title', 'pageTitle', 'href', 'text'],
        searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
      });
      engine.addAll(documents);
    }
    return engine;
  }
  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  }
  function snippet(text, terms) {
    const lower = text.toLowerCase();
    const at = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
    const start = Math.max(0, at - 50);
    let piece = escapeHtml((start > 0 ? '…' : '') + text.slice(start, start + 160) + (text.length > start + 160 ? '…' : ''));
    for (const term of terms) {
      piece = piece.replace(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (m) => `<mark>${m}</mark>`);
    }
    return piece;
  }
  function showResults(query) {
    const engine = searchEngine();
    if (!engine || query.trim().length < 2) { results.hidden = true; return; }
    const hits = engine.search(query).slice(0, 12);
    results.innerHTML = hits.length
      ? hits.map((hit) => `<li><a href="${hit.href}"><span class="result-title">${escapeHtml(hit.title)}</span>`
          + (hit.title !== hit.pageTitle ? ` <span class="result-page">· ${escapeHtml(hit.pageTitle)}</span>` : '')
          + `<span class="result-snippet">${snippet(hit.text, hit.terms)}</span></a></li>`).join('')
      : `<li class="empty">Nothing found for “${escapeHtml(query)}”.</li>`;
    results.hidden = false;
  }
  input?.addEventListener('input', () => showResults(input.value));
  input?.addEventListener('keydown', (event) => {
    const links = [...results.querySelectorAll('a')];
    const active = links.indexOf(results.querySelector('a.active'));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      links[active]?.classList.remove('active');
      const next = links[(active + (event.key === 'ArrowDown' ? 1 : links.length - 1)) % links.length];
      next?.classList.add('active');
      next?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      (links[active] || links[0])?.click();
    } else if (event.key === 'Escape') {
      results.hidden = true;
      input.blur();
    }
  });
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.search')) results.hidden = true;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input?.focus(); }
  });

  // Charts: the SVG drawn at export time stays until vega-embed has drawn the live view.
  if (window.vegaEmbed) {
    for (const chart of document.querySelectorAll('.vega-chart')) {
      const spec = JSON.parse(chart.querySelector('.vega-spec').textContent);
      const target = document.createElement('div');
      chart.appendChild(target);
      window.vegaEmbed(target, spec, { actions: false, renderer: 'svg' })
        .then(() => chart.classList.add('interactive'))
        .catch((error) => { target.remove(); console.warn('chart kept as a picture:', error); });
    }
  }

  // On this page: highlight the section being read.
  const tocLinks = new Map([...document.querySelectorAll('.toc a')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  if (tocLinks.size && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        for (const link of tocLinks.values()) link.classList.remove('active');
        tocLinks.get(entry.target.id)?.classList.add('active');
      }
    }, { rootMargin: '-10% 0px -75% 0px' });
    for (const id of tocLinks.keys()) { const el = document.getElementById(id); if (el) observer.observe(el); }
  }
})();
