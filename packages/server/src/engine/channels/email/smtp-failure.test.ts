import { describe, expect, it } from 'vitest';
import { smtpFailure } from './smtp-failure.ts';

const err = (fields: Record<string, unknown>): Error => Object.assign(new Error('boom'), fields);

describe('smtpFailure', () => {
  it('maps reply codes by class, code and command', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ responseCode: 421, command: 'CONN' }, 'transient', 'rate_limited'],
      [{ responseCode: 450, command: 'RCPT TO' }, 'transient', 'server_error'],
      [{ responseCode: 451, command: 'DATA' }, 'transient', 'server_error'],
      [{ responseCode: 452, command: 'RCPT TO' }, 'transient', 'rate_limited'],
      [{ responseCode: 550, command: 'RCPT TO', code: 'EENVELOPE' }, 'permanent', 'invalid_recipient'],
      [{ responseCode: 550, command: 'DATA', code: 'EMESSAGE' }, 'permanent', 'rejected_content'],
      [{ responseCode: 553, command: 'RCPT TO' }, 'permanent', 'invalid_recipient'],
      [{ responseCode: 554, command: 'DATA' }, 'permanent', 'rejected_content'],
      [{ responseCode: 535, command: 'AUTH PLAIN', code: 'EAUTH' }, 'permanent', 'auth'],
      [{ responseCode: 530, command: 'MAIL FROM' }, 'permanent', 'auth'],
      [{ responseCode: 500, command: 'MAIL FROM' }, 'permanent', 'bad_request'],
      [{ code: 'ETIMEDOUT' }, 'transient', 'timeout'],
      [{ code: 'ECONNECTION' }, 'transient', 'network'],
      [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'transient', 'network'],
      [{ code: 'EDNS' }, 'transient', 'network'],
      [{ code: 'EAUTH' }, 'permanent', 'auth'],
      [{ code: 'EENVELOPE', command: 'API' }, 'permanent', 'invalid_recipient'],
      [{}, 'transient', 'network'],
    ];
    for (const [fields, type, reason] of cases) expect(smtpFailure(err(fields)), JSON.stringify(fields)).toMatchObject({ type, reason });
    expect(smtpFailure('not an error')).toMatchObject({ type: 'transient', reason: 'network', message: 'not an error' });
  });
});
