/** `$.targets[0].url`: a JSON path for messages, from the keys and indices down to a value. */
export function jsonPath(keys: (string | number)[]): string {
  return keys.reduce<string>((path, k) => {
    if (typeof k === 'number' || /^\d+$/.test(k)) return `${path}[${k}]`;
    return /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
  }, '$');
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Every string of the config with `${NAME}` replaced by the environment variable NAME, or by
 * the default in `${NAME:-default}`; an unset variable without a default is an error naming
 * the key it is in (a secret silently empty would only fail later, less clearly).
 */
export function interpolate(value: unknown, env: NodeJS.ProcessEnv, at: (string | number)[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (_, name: string, fallback: string | undefined) => {
      const v = env[name];
      if (v !== undefined && v !== '') return v;
      if (fallback !== undefined) return fallback;
      throw new Error(`${jsonPath(at)} uses \${${name}}, which is not set`);
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, [...at, k])]));
  }
  return value;
}
