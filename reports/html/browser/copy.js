// Copy buttons: the Clipboard API where the page may use it, else a hidden textarea and
// execCommand('copy'), which still works on file:// pages in browsers that refuse the API.
(() => {
  function fallback(text) {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.top = '-1000px';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
  async function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // permission refused or no focus: fall through
      }
    }
    return fallback(text);
  }
  document.addEventListener('click', async (e) => {
    const btn = e.target.closest && e.target.closest('button.copy');
    if (!btn) return;
    const pre = document.getElementById(btn.dataset.copy);
    const ok = await copy(pre.textContent);
    if (!ok) getSelection().selectAllChildren(pre);
    btn.textContent = ok ? 'Copied' : 'Press Ctrl+C';
    btn.classList.toggle('done', ok);
    setTimeout(() => {
      btn.textContent = 'Copy';
      btn.classList.remove('done');
    }, 1600);
  });
})();
