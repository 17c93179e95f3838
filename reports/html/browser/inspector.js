// The rule inspector under the matrix: hovering a cell shows its rule, clicking keeps it there.
// Built with textContent only: report values never become markup.
(() => {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const view = JSON.parse(document.getElementById('outcome-view').textContent);
  const meaning = JSON.parse(document.getElementById('basis-meaning').textContent);
  const box = document.getElementById('inspector');
  if (!box) return; // no matrix: nothing ran
  const placeholder = [...box.childNodes];
  let pinned = null;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = String(text);
    return e;
  };
  const line = (key, ...parts) => {
    const p = el('p', 'iline');
    p.append(el('span', 'k', key), ...parts);
    return p;
  };
  const link = (i, text) => Object.assign(el('a', '', text), { href: `#rule-${i}` });

  function show(cell) {
    const i = Number(cell.dataset.i);
    const r = data.rules[i];
    const v = view[r.outcome] || { symbol: '?', label: r.outcome };
    const badge = el('span', `badge o-${r.outcome}`);
    badge.append(el('span', 'sym', v.symbol), v.label);
    const head = el('div', 'ihead');
    head.append(badge, el('strong', '', r.id), el('span', `level l-${r.level}`, r.level));
    // The basis beside the level (absent in a version-1 report).
    if (r.basis) head.append(Object.assign(el('span', 'basis', `basis ${r.basis}`), { title: `basis: ${Object.hasOwn(meaning, r.basis) ? meaning[r.basis] : r.basis}` }));
    head.append(el('span', 'muted', `${cell.dataset.project} · ${r.operation} · ${r.category}`));
    const parts = [head, el('p', 'istmt', r.statement)];
    parts.push(line('Source', el('code', '', r.source.file), ` § ${r.source.heading}`, r.source.quote ? el('em', 'muted', ` “${r.source.quote}”`) : ''));
    if (r.failure) parts.push(line('Evidence', `received ${r.failure.received}, documented ${r.failure.documented} · `, link(i, 'steps and curl ↓')));
    else if (r.outcome === 'error') parts.push(line('What broke', `${r.reason || 'the test ended without a verdict'} · `, link(i, 'details ↓')));
    else if (r.outcome === 'passed') parts.push(line('Checks', `${r.checks} held`));
    else parts.push(line('Why', r.reason || ''));
    if (r.chosen && r.chosen.length) parts.push(line('Chosen', r.chosen.join(', ')));
    const tests = line('Tests', r.tests.length ? `${r.tests.length}: ${r.tests.join(' · ')}` : 'none');
    tests.classList.add('clip');
    tests.title = r.tests.join('\n');
    box.replaceChildren(...parts, tests);
    box.classList.add('live');
  }
  function reset() {
    if (pinned) return show(pinned);
    box.replaceChildren(...placeholder);
    box.classList.remove('live');
  }

  for (const cell of document.querySelectorAll('.matrix button.cell')) {
    cell.addEventListener('mouseenter', () => show(cell));
    cell.addEventListener('focus', () => show(cell));
    cell.addEventListener('mouseleave', reset);
    cell.addEventListener('click', () => {
      if (pinned) pinned.classList.remove('pinned');
      pinned = pinned === cell ? null : cell;
      if (pinned) pinned.classList.add('pinned');
      reset();
    });
  }
})();
