// Filters by provider@target, level and outcome: hide what does not match and recount, in place.
(() => {
  const boxes = [...document.querySelectorAll('.filters input[type=checkbox]')];
  const groups = ['project', 'level', 'outcome'];
  // One table row per rule: the population the counts are taken over.
  const rules = [...document.querySelectorAll('table.rules tbody tr')];
  const cells = [...document.querySelectorAll('.matrix .cell[data-outcome]')];
  const cards = [...document.querySelectorAll('.failure[data-outcome]')];
  const projectBound = [...document.querySelectorAll('.matrix [data-project], .scores .card[data-project]')];
  const areaRows = [...document.querySelectorAll('.matrix tbody tr')];

  function apply() {
    const on = Object.fromEntries(groups.map((g) => [g, new Set(boxes.filter((b) => b.name === g && b.checked).map((b) => b.value))]));
    const matches = (el, except) => groups.every((g) => g === except || on[g].has(el.dataset[g]));
    let shown = 0;
    for (const tr of rules) shown += (tr.hidden = !matches(tr)) ? 0 : 1;
    for (const c of cells) c.classList.toggle('dim', !matches(c));
    for (const e of projectBound) e.hidden = !on.project.has(e.dataset.project);
    // An area none of the shown targets has would be an empty row.
    for (const tr of areaRows) tr.hidden = ![...tr.querySelectorAll('td')].some((td) => !td.hidden && td.querySelector('.cell'));
    let cardsShown = 0;
    for (const c of cards) cardsShown += (c.hidden = !matches(c)) ? 0 : 1;
    // Each chip counts the rules it would show given the other two groups' choices.
    for (const n of document.querySelectorAll('.filters [data-count]')) {
      const g = n.dataset.count;
      n.textContent = rules.filter((tr) => tr.dataset[g] === n.dataset.value && matches(tr, g)).length;
    }
    document.getElementById('shown').textContent = shown;
    document.getElementById('rules-shown').textContent = shown;
    document.getElementById('failures-shown').textContent = cardsShown;
    const out = document.querySelector('#failures .filtered-out');
    if (out) out.hidden = !(cards.length && !cardsShown);
  }

  for (const b of boxes) b.addEventListener('change', apply);
  document.getElementById('reset-filters').addEventListener('click', () => {
    for (const b of boxes) b.checked = true;
    apply();
  });
  apply();
})();
