// Live search on /organisasjoner (progressive enhancement: the GET form works without this file).
// While you type or change a filter, it fetches the same URL the form would submit, asks for only the
// results region (header x-frivillig-fragment), swaps it in and tells screen readers the new hit count
// through the page's polite live region (WCAG 4.1.3).
const form = document.querySelector('form[data-live-search]');
const live = document.getElementById('search-live');

if (form instanceof HTMLFormElement && live) {
  const DEBOUNCE_MS = 300;
  let timer;
  let controller;

  const urlFor = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') params.append(name, value);
    }
    const query = params.toString();
    return query ? `${form.action}?${query}` : form.action;
  };

  const update = async () => {
    const url = urlFor();
    controller?.abort();
    controller = new AbortController();
    const region = document.getElementById('search-results');
    region?.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(url, { headers: { 'x-frivillig-fragment': 'search-results' }, signal: controller.signal });
      const html = await res.text();
      const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('search-results');
      if (!fresh || !region) return;
      region.replaceWith(fresh);
      // The address bar shows the search, so reload, back and sharing the link give the same results.
      history.replaceState(null, '', url);
      live.textContent = fresh.querySelector('[data-search-summary]')?.textContent?.trim() ?? '';
    } catch (error) {
      // Aborted by a newer keystroke, or offline: the form's own submit button still works.
      if (!(error instanceof DOMException && error.name === 'AbortError')) region?.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('input', (event) => {
    clearTimeout(timer);
    const typing = event.target instanceof HTMLInputElement;
    timer = setTimeout(update, typing ? DEBOUNCE_MS : 0);
  });
}
