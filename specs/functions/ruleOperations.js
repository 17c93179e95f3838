// A rule of the catalog names an operation of this spec, and each outcome's status is one
// the spec documents for the operation that answers it.
import { createRulesetFunction } from '@stoplight/spectral-core';

function operations(root) {
  const ops = new Map();
  for (const item of Object.values(root?.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      if (op && typeof op === 'object' && op.operationId) ops.set(op.operationId, op);
    }
  }
  return ops;
}

export default createRulesetFunction({ input: null, options: null }, function ruleOperations(rule, _o, ctx) {
  const ops = operations(ctx.document.data);
  const out = [];
  if (!ops.has(rule?.operation)) {
    return [{ message: `rule ${rule?.id} names operation '${rule?.operation}', which the spec lacks`, path: [...ctx.path, 'operation'] }];
  }
  (rule.outcomes ?? []).forEach((o, i) => {
    const name = o.operation ?? rule.operation;
    const op = ops.get(name);
    const at = [...ctx.path, 'outcomes', i];
    if (!op) out.push({ message: `rule ${rule.id} outcome names operation '${name}', which the spec lacks`, path: at });
    else if (!(String(o.status) in (op.responses ?? {}))) {
      out.push({ message: `rule ${rule.id} accepts status ${o.status}, which ${name} does not document`, path: at });
    }
  });
  return out;
});
