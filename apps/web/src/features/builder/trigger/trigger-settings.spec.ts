import { describe, expect, it } from 'vitest';
import type { BuilderIssue } from '../state/builder-issues';
import {
  deliveryIdDescription,
  fieldsFromSecrets,
  hasRespondStep,
  inUnit,
  ipIssueMessage,
  isIpOrCidr,
  parseIpAllow,
  secretsFromFields,
  securityIssues,
  toggleMethod,
  triggerIssuesFor,
  unitForBytes,
} from './trigger-settings';

const issue = (path: string, message = 'bad'): BuilderIssue => ({ target: 'trigger', path, message });

describe('IP allow-list validation', () => {
  it.each([
    '192.0.2.1',
    '10.0.0.0/8',
    '0.0.0.0/0',
    '255.255.255.255/32',
    '::1',
    '::',
    '2001:db8::/32',
    'fe80::1:2:3:4',
    '1:2:3:4:5:6:7:8',
    '::ffff:192.0.2.1',
    '2001:db8::/128',
  ])('accepts %s', (text) => expect(isIpOrCidr(text)).toBe(true));

  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.0/33',
    '10.0.0.0/',
    '10.0.0.0/8/1',
    '01.2.3.4',
    'a.b.c.d',
    '2001:db8::/129',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'gggg::1',
    '1:2:3:4:5:6:7',
    'example.com',
    '10.0.0.1 /8',
  ])('refuses %s', (text) => expect(isIpOrCidr(text)).toBe(false));

  it('names the invalid lines and skips blank ones', () => {
    expect(parseIpAllow('192.0.2.0/24\n\n  10.0.0.300 \n2001:db8::/32\n')).toEqual({
      entries: ['192.0.2.0/24', '10.0.0.300', '2001:db8::/32'],
      lines: [1, 3, 4],
      problems: [{ line: 3, text: '10.0.0.300', message: '“10.0.0.300” is not an IP address or CIDR range such as 192.0.2.0/24' }],
    });
  });

  it('maps an API path like trigger.ipAllow[1] to its textarea line', () => {
    expect(ipIssueMessage({ issue: issue('trigger.ipAllow[1]', 'must be an IP'), entries: ['10.0.0.0/8', 'x'], lines: [1, 3] })).toBe(
      'Line 3 (x): must be an IP',
    );
    expect(ipIssueMessage({ issue: issue('trigger.ipAllow', 'too many'), entries: [], lines: [] })).toBe('too many');
  });
});

describe('trigger settings helpers', () => {
  it('keeps at least one method and writes the default set as omitted', () => {
    expect(toggleMethod({ current: ['GET', 'POST', 'PUT', 'PATCH'], method: 'GET', checked: false })).toEqual(['POST', 'PUT', 'PATCH']);
    expect(toggleMethod({ current: ['POST', 'PUT', 'PATCH'], method: 'GET', checked: true })).toBeUndefined();
    expect(toggleMethod({ current: ['POST'], method: 'POST', checked: false })).toEqual(['POST']);
    expect(toggleMethod({ current: ['POST'], method: 'DELETE', checked: true })).toEqual(['POST', 'DELETE']);
  });

  it('describes the delivery id of a scheme', () => {
    expect(deliveryIdDescription(null)).toBeNull();
    expect(deliveryIdDescription({ scheme: 'github' })).toBe('the x-github-delivery header');
    expect(deliveryIdDescription({ scheme: 'stripe' })).toBe('the body field id');
    expect(deliveryIdDescription({ scheme: 'zoom' })).toBeNull();
    expect(deliveryIdDescription({ scheme: 'hmac', header: 'X-Sig' })).toBeNull();
    expect(deliveryIdDescription({ scheme: 'hmac', header: 'X-Sig', deliveryIdHeader: 'X-Id' })).toBe('the X-Id header');
  });

  it('finds respond steps, also nested', () => {
    expect(hasRespondStep([{ id: 'a', type: 'map' }])).toBe(false);
    expect(hasRespondStep([{ id: 'a', type: 'respond' }])).toBe(true);
    expect(hasRespondStep([{ id: 'b', type: 'branch', branches: [{ when: 'x', steps: [{ id: 'r', type: 'respond' }] }] }])).toBe(true);
  });

  it('shows sizes and windows in their units', () => {
    expect(unitForBytes(undefined)).toBe('MiB');
    expect(unitForBytes(2 * 1024 * 1024)).toBe('MiB');
    expect(unitForBytes(512 * 1024)).toBe('KiB');
    expect(inUnit(5400, 3600)).toBe('1.5');
    expect(inUnit(undefined, 3600)).toBe('');
  });

  it('puts each API issue next to its field', () => {
    const issues = [
      issue('trigger.condition'),
      issue('trigger.dedupe.key'),
      issue('trigger.dedupe'),
      issue('trigger.ipAllow[1]'),
      issue('trigger.verify.secrets'),
      issue('trigger'),
      { target: 'name', path: 'name', message: 'x' },
    ];
    expect(triggerIssuesFor({ issues, field: 'condition' }).map((entry) => entry.path)).toEqual(['trigger.condition']);
    expect(triggerIssuesFor({ issues, field: 'dedupe.key' }).map((entry) => entry.path)).toEqual(['trigger.dedupe.key']);
    expect(triggerIssuesFor({ issues, field: 'dedupe' }).map((entry) => entry.path)).toEqual(['trigger.dedupe']);
    expect(triggerIssuesFor({ issues, field: 'ipAllow' }).map((entry) => entry.path)).toEqual(['trigger.ipAllow[1]']);
    expect(securityIssues(issues).map((entry) => entry.path)).toEqual(['trigger.verify.secrets', 'trigger']);
  });

  it('sends both secrets during a rotation and nothing when none was typed', () => {
    expect(secretsFromFields({ current: '', next: '' })).toBeUndefined();
    expect(secretsFromFields({ current: 'old', next: '' })).toEqual(['old']);
    expect(secretsFromFields({ current: 'old', next: 'new' })).toEqual(['new', 'old']);
    expect(secretsFromFields({ current: '', next: 'new' })).toEqual(['new']);
    expect(fieldsFromSecrets(undefined)).toEqual({ current: '', next: '' });
    expect(fieldsFromSecrets(['new', 'old'])).toEqual({ current: 'old', next: 'new' });
  });
});
