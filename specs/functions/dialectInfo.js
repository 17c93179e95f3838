// info.x-certconform must name the provider, an existing error schema and where the code is.
import { createRulesetFunction } from '@stoplight/spectral-core';

export default createRulesetFunction({ input: null, options: null }, function dialectInfo(doc) {
  const d = doc?.info?.['x-certconform'];
  const at = ['info', 'x-certconform'];
  if (!d || typeof d !== 'object') return [{ message: 'info.x-certconform is missing', path: ['info'] }];
  const errors = [];
  if (typeof d.provider !== 'string') errors.push({ message: 'x-certconform.provider is missing', path: at });
  if (!doc.components?.schemas?.[d.errorSchema]) {
    errors.push({ message: `x-certconform.errorSchema '${d.errorSchema}' is not in components.schemas`, path: at });
  }
  if (typeof d.errorCode?.pointer !== 'string' || !d.errorCode.pointer.startsWith('/')) {
    errors.push({ message: 'x-certconform.errorCode.pointer must be a JSON pointer into the error body', path: at });
  }
  if (!doc['x-certconform-rules']) {
    errors.push({ message: 'x-certconform-rules must $ref the rule catalog', path: [] });
  }
  return errors;
});
