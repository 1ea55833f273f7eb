// Principal and NotPrincipal: "*" or {"AWS" | "Service" | "Federated" | "CanonicalUser": one or more}. AWS
// principals are "*", an account id, or the arn of an account root, user, role or assumed-role session: no
// wildcards inside an arn, as IAM refuses them.
import type { PrincipalSpec } from './policy-document.js';
import { PolicyDocumentError, SYNTAX_ERRORS } from './policy-document-error.js';
import { isObject, stringList, type Json } from './parse-values.js';

const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+)|arn:aws(-cn|-us-gov)?:sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*$/i;
const TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

export function parsePrincipal(value: Json | undefined): PrincipalSpec {
  if (value === '*') return { anyone: true, aws: [], service: [], federated: [], canonicalUser: [] };
  if (!isObject(value)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  const byType: Record<(typeof TYPES)[number], string[]> = { AWS: [], Service: [], Federated: [], CanonicalUser: [] };
  for (const [type, raw] of Object.entries(value)) {
    const known = TYPES.find((t) => t === type);
    const values = stringList(raw);
    if (!known || values.length === 0) throw invalidPrincipal(type, values[0] ?? '');
    for (const item of values) checkPrincipal(known, item);
    byType[known].push(...values);
  }
  if (TYPES.every((t) => byType[t].length === 0)) throw new PolicyDocumentError(SYNTAX_ERRORS);
  return {
    anyone: byType.AWS.includes('*'),
    aws: byType.AWS,
    service: byType.Service,
    federated: byType.Federated,
    canonicalUser: byType.CanonicalUser,
  };
}

function checkPrincipal(type: (typeof TYPES)[number], value: string): void {
  const valid =
    type === 'AWS' ? AWS_PRINCIPAL.test(value) && (value === '*' || !value.includes('*'))
    : type === 'Service' ? SERVICE_PRINCIPAL.test(value)
    : value.trim() !== '';
  if (!valid) throw invalidPrincipal(type, value);
}

const invalidPrincipal = (type: string, value: string) =>
  new PolicyDocumentError(`Invalid principal in policy: "${type}":"${value}"`);
