// A path parameter says what the documentation constrains it to, or (x-unconstrained) why
// the documentation states nothing, so that a forgotten constraint cannot pass silently.
import { createRulesetFunction } from '@stoplight/spectral-core';

const KEYWORDS = ['minLength', 'maxLength', 'pattern', 'enum', 'format', 'minimum', 'maximum'];

export default createRulesetFunction({ input: null, options: null }, function paramConstraints(param, _o, ctx) {
  if (typeof param?.['x-unconstrained'] === 'string' && param['x-unconstrained'].length > 0) return [];
  const schema = param?.schema ?? {};
  if (KEYWORDS.some((k) => k in schema)) return [];
  return [
    {
      message: `path parameter '${param?.name}' has no constraint (${KEYWORDS.join('/')}) and no x-unconstrained reason`,
      path: ctx.path,
    },
  ];
});
