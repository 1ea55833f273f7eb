// How a call's input appears as `requestParameters`: member names in lower camel case, as CloudTrail writes them,
// with secrets replaced by the marker AWS itself uses, so a record can be shown to anyone allowed to read it.

export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

const SECRET_MEMBER = /^(secretaccesskey|secretkey|password|newpassword|oldpassword|sessiontoken|privatekey|passphrase|authorization|clientsecret|apikey|accesstoken|refreshtoken|x-amz-security-token)$/i;

export function isSecretMember(name: string): boolean {
  return SECRET_MEMBER.test(name);
}

export function lowerCamel(name: string): string {
  if (name === '' || /^[a-z]/.test(name)) return name;
  const lead = /^[A-Z]+(?=[A-Z][a-z]|$|[0-9])/.exec(name)?.[0];
  if (lead && lead.length > 1) return lead.toLowerCase() + name.slice(lead.length);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Wire input → `requestParameters`: keys in lower camel case, secrets hidden, empty input as null. */
export function toRequestParameters(input: unknown): Record<string, unknown> | null {
  const shaped = reshape(input);
  if (!shaped || typeof shaped !== 'object' || Array.isArray(shaped)) return null;
  return Object.keys(shaped).length === 0 ? null : (shaped as Record<string, unknown>);
}

/** Removes secrets from any record section (responses can carry them too), keeping its key names. */
export function scrubSecrets(value: unknown): unknown {
  return reshape(value, (name) => name);
}

function reshape(value: unknown, rename: (name: string) => string = lowerCamel): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 19) + 'Z';
  if (Array.isArray(value)) return value.map((v) => reshape(v, rename));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) {
    if (member === undefined) continue;
    out[rename(name)] = isSecretMember(name) ? HIDDEN : reshape(member, rename);
  }
  return out;
}
