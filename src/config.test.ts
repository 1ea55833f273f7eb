import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';

describe('the operator contract', () => {
  it('has the documented defaults', () => {
    expect(resolveConfig({}, {})).toMatchObject({
      host: '127.0.0.1', port: 4590, dataDir: './.opentrail', logFileInterval: 300, digestInterval: 3600,
      retentionDays: 90, role: 'all', accountId: '123456789012',
    });
  });

  it('reads environment variables, and flags win over them', () => {
    const env = { OPENTRAIL_PORT: '5000', OPENTRAIL_RETENTION_DAYS: '7', OPENTRAIL_DATA_DIR: '/tmp/x' };
    expect(resolveConfig({}, env)).toMatchObject({ port: 5000, retentionDays: 7, dataDir: '/tmp/x' });
    expect(resolveConfig({ port: '6000' }, env)).toMatchObject({ port: 6000 });
  });

  it('names the setting and its variable when a value is wrong', () => {
    expect(() => resolveConfig({}, { OPENTRAIL_PORT: 'eighty' })).toThrow(/port \(OPENTRAIL_PORT\)/);
    expect(() => resolveConfig({ accountId: '12' }, {})).toThrow(/accountId/);
    expect(() => resolveConfig({ logFileInterval: '0' }, {})).toThrow(/logFileInterval/);
  });

  it('switches the PutAuditEvents extensions with on/off from flags or the environment, on by default', () => {
    expect(resolveConfig({}, {})).toMatchObject({ auditEventsInHistory: true, auditEventsToTrails: true });
    const env = { OPENTRAIL_AUDIT_EVENTS_IN_HISTORY: 'off', OPENTRAIL_AUDIT_EVENTS_TO_TRAILS: 'false' };
    expect(resolveConfig({}, env)).toMatchObject({ auditEventsInHistory: false, auditEventsToTrails: false });
    expect(resolveConfig({ auditEventsToTrails: 'on' }, env)).toMatchObject({ auditEventsToTrails: true });
    expect(() => resolveConfig({ auditEventsInHistory: 'maybe' }, {})).toThrow(/auditEventsInHistory/);
  });
});
