// One pino logger for the process. Redaction is a second line of defence: code never logs secrets on purpose.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'opentrail' },
    redact: {
      paths: [
        'req.headers.authorization', 'headers.authorization', '*.authorization', '*["x-amz-security-token"]',
        '*.secretAccessKey', '*.SecretAccessKey', '*.sessionToken', '*.SessionToken', '*.sealedSecret',
      ],
      censor: '[redacted]',
    },
  });
}
